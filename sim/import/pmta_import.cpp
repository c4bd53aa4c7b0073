#include "sim/import/pmta_import.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "sim/import/pmta_destinations.h"
#include "sim/import/pmta_directives.h"
#include "sim/import/pmta_patterns.h"
#include "sim/import/pmta_policy.h"
#include "sim/import/pmta_syntax.h"
#include "sim/import/tree_builder.h"
#include "sim/kernel/ascii.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// Where an IP's `age: new` comes from.
const SourcePosition kIpAge{
    "not in a PowerMTA config: set age warm and established_per_day for an IP "
    "with sending history",
    0, 0};

[[noreturn]] void fail_at(const PmtaWord& word, const std::string& field, const std::string& problem,
                          const std::string& expected, const std::string& hint = {}) {
  throw ScenarioError(word.where.file, word.where.line, word.where.column, field, problem, expected, hint);
}

const PmtaWord& block_name(const PmtaItem& block) {
  if (block.words.size() != 1) {
    throw ScenarioError(block.where.file, block.where.line, block.where.column, block.name,
                        block.words.empty() ? "block without a name" : "block with more than one name",
                        "<" + shorten(block.name, 80) + " NAME>");
  }
  return block.words.front();
}

std::vector<std::string_view> keys_of(const auto& map) {
  std::vector<std::string_view> keys;
  for (const auto& entry : map) {
    if constexpr (requires { entry.first; }) {
      keys.push_back(entry.first);
    } else {
      keys.push_back(entry);
    }
  }
  return keys;
}

struct VirtualMta {
  std::string name;
  std::vector<PmtaWord> ips;
};

/// The importer's state over all files.
class PmtaImporter {
 public:
  void collect(const std::vector<PmtaItem>& items) {
    for (const PmtaItem& item : items) {
      if (!item.block && item.name == "domain-macro") read_macro(item);
      if (item.block && item.name == "smtp-pattern-list") pattern_lists_[block_name(item).text] = &item;
      if (item.block && item.name == "virtual-mta") vmta_names_.insert(block_name(item).text);
      if (item.block && item.name == "virtual-mta-pool") vmta_names_.insert(block_name(item).text);
    }
  }

  void read(const std::vector<PmtaItem>& items) {
    for (const PmtaItem& item : items) {
      if (item.block && item.name == "virtual-mta") {
        read_vmta(item);
      } else if (item.block && item.name == "virtual-mta-pool") {
        read_pool(item);
      } else if (item.block && item.name == "source") {
        read_source(item);
      } else if (item.block && item.name == "domain") {
        read_domain(item);
      } else if (!(item.block && item.name == "smtp-pattern-list") &&
                 !(!item.block && item.name == "domain-macro")) {
        result_.warnings.push_back(pmta_unused(item, ""));
      }
    }
  }

  ImportedConfig finish() {
    for (const auto& [name, list] : pattern_lists_) {
      if (!converted_lists_.contains(name)) {
        result_.warnings.push_back(pmta_warning(*list, "not used: no <domain> names this pattern list"));
      }
    }
    write_identities();
    destinations_.write(result_.scenario_keys);
    write_cold_ips();
    std::ranges::stable_sort(result_.warnings, [](const ImportWarning& a, const ImportWarning& b) {
      return std::tie(a.where.file, a.where.line, a.where.column) <
             std::tie(b.where.file, b.where.line, b.where.column);
    });
    return std::move(result_);
  }

  void set_root(const SourcePosition& where) {
    if (result_.scenario_keys.kind != YamlNode::Kind::Map) result_.scenario_keys = map_node(where);
  }

 private:
  void read_macro(const PmtaItem& item) {
    if (item.words.size() < 2) {
      throw ScenarioError(item.where.file, item.where.line, item.where.column, item.name,
                          "needs a name and at least one domain", "domain-macro NAME domain, domain, ...");
    }
    std::vector<PmtaWord> domains;
    for (std::size_t i = 1; i < item.words.size(); ++i) {
      const PmtaWord& word = item.words[i];
      std::size_t start = 0;
      while (start < word.text.size()) {
        std::size_t comma = word.text.find(',', start);
        if (comma == std::string::npos) comma = word.text.size();
        if (comma > start) {
          SourcePosition where = word.where;
          where.column += static_cast<int>(start);
          domains.push_back(PmtaWord{kernel::ascii_lower(word.text.substr(start, comma - start)), where});
        }
        start = comma + 1;
      }
    }
    macros_[item.words.front().text] = std::move(domains);
  }

  void read_vmta(const PmtaItem& block) {
    VirtualMta vmta{block_name(block).text, {}};
    const std::string place = "<virtual-mta " + shorten(vmta.name, 80) + ">";
    for (const PmtaItem& item : block.children) {
      if (!item.block && item.name == "smtp-source-host") {
        if (item.words.empty() || item.words.size() > 2) {
          throw ScenarioError(item.where.file, item.where.line, item.where.column, item.name,
                              "needs an IP address and optionally a host name",
                              "smtp-source-host IP HOST-NAME");
        }
        vmta.ips.push_back(item.words.front());
      } else if (item.block && item.name == "domain") {
        result_.warnings.push_back(pmta_warning(
            item, "not used: a <domain> inside " + place +
                      " sets limits for this VirtualMTA's queues only; delivsim's destination policies are "
                      "per provider for every IP (" +
                      std::to_string(item.children.size()) + " directives left out)"));
      } else {
        result_.warnings.push_back(pmta_unused(item, place));
      }
    }
    if (vmta.ips.empty()) {
      result_.warnings.push_back(pmta_warning(block, "not used: no smtp-source-host, so no IP to simulate"));
    }
    vmtas_.push_back(std::move(vmta));
  }

  const VirtualMta* find_vmta(const std::string& name) const {
    for (const VirtualMta& vmta : vmtas_) {
      if (vmta.name == name) return &vmta;
    }
    return nullptr;
  }

  void read_pool(const PmtaItem& block) {
    const PmtaWord& name = block_name(block);
    std::vector<PmtaWord> members;
    for (const PmtaItem& item : block.children) {
      if (item.block || item.name != "virtual-mta") {
        result_.warnings.push_back(pmta_unused(item, "<virtual-mta-pool " + shorten(name.text, 80) + ">"));
        continue;
      }
      for (const PmtaWord& member : item.words) members.push_back(member);
    }
    pools_.emplace_back(name, std::move(members));
  }

  void read_source(const PmtaItem& block) {
    const std::string place = "<source " + shorten(block.value, 80) + ">";
    for (const PmtaItem& item : block.children) {
      if (!item.block && item.name == "default-virtual-mta") {
        if (item.words.size() != 1) {
          throw ScenarioError(item.where.file, item.where.line, item.where.column, item.name,
                              "needs one VirtualMTA or pool name", "default-virtual-mta NAME");
        }
        const PmtaWord& name = item.words.front();
        if (!vmta_names_.contains(name.text)) {
          fail_at(name, item.name, "names no <virtual-mta> or <virtual-mta-pool>", "a declared name",
                  closest_name(name.text, keys_of(vmta_names_)));
        }
        result_.default_pool = name.text;
      } else {
        result_.warnings.push_back(pmta_unused(item, place));
      }
    }
  }

  YamlNode pattern_list(const PmtaWord& name) {
    const auto found = pattern_lists_.find(name.text);
    if (found == pattern_lists_.end()) {
      fail_at(name, "smtp-pattern-list",
              "no <smtp-pattern-list " + shorten(name.text, 80) + "> in the config",
              "the name of a <smtp-pattern-list> block", closest_name(name.text, keys_of(pattern_lists_)));
    }
    auto converted = converted_lists_.find(name.text);
    if (converted == converted_lists_.end()) {
      converted =
          converted_lists_.emplace(name.text, pmta_pattern_rules(*found->second, result_.warnings)).first;
    }
    YamlNode rules = converted->second;
    rules.position = name.where;
    return rules;
  }

  /// The exact domains a `<domain>` argument stands for; empty for `*` or a wildcard (warned).
  std::vector<PmtaWord> domains_of(const PmtaItem& block, const PmtaWord& name) {
    if (name.text.starts_with("$")) {
      const auto found = macros_.find(name.text.substr(1));
      if (found == macros_.end()) {
        fail_at(name, "domain", "no domain-macro " + quote_value(name.text.substr(1)),
                "a declared domain-macro", closest_name(name.text.substr(1), keys_of(macros_)));
      }
      return found->second;
    }
    if (name.text.find_first_of("*/?[") != std::string::npos) {
      result_.warnings.push_back(
          pmta_warning(block, "not used: " + quote_value(name.text) +
                                  " matches domains by pattern; delivsim's providers list exact domains"));
      return {};
    }
    return {PmtaWord{kernel::ascii_lower(name.text), name.where}};
  }

  void read_domain(const PmtaItem& block) {
    const PmtaWord& name = block_name(block);
    const std::string place = "<domain " + shorten(name.text, 80) + ">";
    const PatternListLookup lookup = [this](const PmtaWord& list) { return pattern_list(list); };
    if (name.text == "*")
      return destinations_.add_catch_all(pmta_policy(block, place, lookup, result_.warnings));
    const std::vector<PmtaWord> domains = domains_of(block, name);
    if (domains.empty()) return;
    const YamlNode policy = pmta_policy(block, place, lookup, result_.warnings);
    for (const PmtaWord& domain : domains) {
      if (std::ranges::find(result_.recipient_domains, domain.text) == result_.recipient_domains.end()) {
        result_.recipient_domains.push_back(domain.text);
      }
    }
    destinations_.add_block(block, domains, policy);
  }
  void write_identities() {
    YamlNode& root = result_.scenario_keys;
    std::vector<std::string> seen;
    YamlNode ips;
    YamlNode pools;
    for (const VirtualMta& vmta : vmtas_) {
      if (vmta.ips.empty()) continue;
      if (ips.kind != YamlNode::Kind::Sequence) ips = sequence_node(vmta.ips.front().where);
      if (pools.kind != YamlNode::Kind::Map) pools = map_node(vmta.ips.front().where);
      YamlNode members = sequence_node(vmta.ips.front().where);
      for (const PmtaWord& ip : vmta.ips) {
        members.items.push_back(scalar_node(ip.text, ip.where));
        if (std::ranges::find(seen, ip.text) != seen.end()) continue;
        seen.push_back(ip.text);
        YamlNode entry = map_node(ip.where);
        set_entry(entry, "address", scalar_node(ip.text, ip.where));
        set_entry(entry, "age", scalar_node("new", kIpAge));
        ips.items.push_back(std::move(entry));
      }
      set_entry(pools, vmta.name, std::move(members));
    }
    for (const auto& [name, members] : pools_) write_pool(pools, name, members);
    if (ips.kind == YamlNode::Kind::Sequence) {
      set_entry(child_map(root, "identities", ips.position), "ips", std::move(ips));
    }
    if (pools.kind == YamlNode::Kind::Map && !pools.entries.empty())
      set_entry(root, "pools", std::move(pools));
  }

  /// `sender.cold_ips`: each <virtual-mta X-cold> beside a <virtual-mta X> is X's cold VirtualMTA, the one
  /// max-cold-virtual-mta-msg sends through (PowerMTA pairs them by name).
  void write_cold_ips() {
    YamlNode cold_ips;
    for (const VirtualMta& cold : vmtas_) {
      if (!cold.name.ends_with("-cold")) continue;
      const VirtualMta* warm = find_vmta(cold.name.substr(0, cold.name.size() - 5));
      if (!warm || warm->ips.empty() || cold.ips.empty()) continue;
      if (warm->ips.size() != 1 || cold.ips.size() != 1) {
        result_.warnings.push_back(
            {cold.ips.front().where, "virtual-mta " + shorten(cold.name, 80),
             "not used as " + shorten(warm->name, 80) +
                 "'s cold VirtualMTA: delivsim pairs one warm IP with one cold IP, and these have " +
                 std::to_string(warm->ips.size()) + " and " + std::to_string(cold.ips.size())});
        continue;
      }
      if (cold_ips.kind != YamlNode::Kind::Map) cold_ips = map_node(cold.ips.front().where);
      set_entry(cold_ips, warm->ips.front().text, scalar_node(cold.ips.front().text, cold.ips.front().where));
    }
    if (cold_ips.kind == YamlNode::Kind::Map)
      set_entry(child_map(result_.scenario_keys, "sender", cold_ips.position), "cold_ips",
                std::move(cold_ips));
  }

  void write_pool(YamlNode& pools, const PmtaWord& name, const std::vector<PmtaWord>& members) {
    if (pools.kind != YamlNode::Kind::Map) pools = map_node(name.where);
    YamlNode list = sequence_node(name.where);
    std::vector<std::string> seen;
    for (const PmtaWord& member : members) {
      const VirtualMta* vmta = find_vmta(member.text);
      if (!vmta) {
        std::vector<std::string_view> names;
        for (const VirtualMta& v : vmtas_) names.push_back(v.name);
        fail_at(member, "virtual-mta", "names no <virtual-mta>", "the name of a <virtual-mta> block",
                closest_name(member.text, names));
      }
      for (const PmtaWord& ip : vmta->ips) {
        if (std::ranges::find(seen, ip.text) != seen.end()) continue;
        seen.push_back(ip.text);
        list.items.push_back(scalar_node(ip.text, member.where));
      }
    }
    if (pools.find(name.text)) {
      fail_at(name, "virtual-mta-pool", "has the name of another <virtual-mta> or pool", "a name of its own");
    }
    if (!list.items.empty()) set_entry(pools, name.text, std::move(list));
  }

  ImportedConfig result_;
  std::map<std::string, std::vector<PmtaWord>> macros_;
  std::map<std::string, const PmtaItem*> pattern_lists_;
  std::map<std::string, YamlNode> converted_lists_;
  std::set<std::string> vmta_names_;
  std::vector<VirtualMta> vmtas_;
  std::vector<std::pair<PmtaWord, std::vector<PmtaWord>>> pools_;
  PmtaDestinations destinations_{result_.warnings};
};

}  // namespace

ImportedConfig import_powermta(const std::vector<std::filesystem::path>& files) {
  if (files.empty()) throw ScenarioError("", 0, 0, "", "no PowerMTA configuration file given", "a file");
  std::vector<std::vector<PmtaItem>> parsed;
  for (const std::filesystem::path& file : files) {
    parsed.push_back(parse_pmta_text(read_scenario_file(file), file.string()));
  }
  PmtaImporter importer;
  importer.set_root(SourcePosition{files.front().string(), 1, 1});
  for (const auto& items : parsed) importer.collect(items);
  for (const auto& items : parsed) importer.read(items);
  return importer.finish();
}

}  // namespace delivsim

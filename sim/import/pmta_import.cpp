#include "sim/import/pmta_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

#include "models/provider_profile.h"
#include "sim/import/pmta_directives.h"
#include "sim/import/pmta_patterns.h"
#include "sim/import/pmta_policy.h"
#include "sim/import/pmta_syntax.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// Positions of values PowerMTA leaves at its default where delivsim's default differs.
const SourcePosition kDefaultToNormal{
    "PowerMTA default: backoff-to-normal-after never (PowerMTA User's Guide)", 0, 0};
const SourcePosition kDefaultBackoffRate{
    "PowerMTA default: backoff-max-msg-rate = max-msg-rate, else unlimited (PowerMTA User's Guide)", 0, 0};
const SourcePosition kKeptProviders{"delivsim's default providers, kept beside the config's own", 0, 0};
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

std::string lower(std::string text) {
  std::ranges::transform(text, text.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// The PowerMTA directive behind a policy key, for warnings.
std::string directive_of(std::string_view key) {
  static const std::map<std::string_view, std::string_view> names{
      {"max_smtp_out", "max-smtp-out"},
      {"max_msg_per_connection", "max-msg-per-connection"},
      {"max_msg_rate", "max-msg-rate"},
      {"max_conn_rate", "max-connect-rate"},
      {"retry_after", "retry-after"},
      {"retry", "retry-after"},
      {"bounce_after", "bounce-after"},
      {"patterns", "smtp-pattern-list"},
      {"backoff.max_msg_rate", "backoff-max-msg-rate"},
      {"backoff.retry_after", "backoff-retry-after"},
      {"backoff.to_normal_after", "backoff-to-normal-after"}};
  const auto found = names.find(key);
  return found == names.end() ? std::string(key) : std::string(found->second);
}

/// A short text of a value, to compare and quote values of two blocks.
std::string summary(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Scalar:
      return node.scalar;
    case YamlNode::Kind::Sequence: {
      std::string text = "[";
      for (const YamlNode& item : node.items) text += (text.size() > 1 ? ", " : "") + summary(item);
      return text + "]";
    }
    case YamlNode::Kind::Map: {
      std::string text = "{";
      for (const YamlMapEntry& entry : node.entries) {
        text += (text.size() > 1 ? ", " : "") + entry.key + ": " + summary(entry.value);
      }
      return text + "}";
    }
    case YamlNode::Kind::Null:
      break;
  }
  return "";
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
    write_sender();
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
          domains.push_back(PmtaWord{lower(word.text.substr(start, comma - start)), where});
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
    return {PmtaWord{lower(name.text), name.where}};
  }

  void read_domain(const PmtaItem& block) {
    const PmtaWord& name = block_name(block);
    const std::string place = "<domain " + shorten(name.text, 80) + ">";
    const PatternListLookup lookup = [this](const PmtaWord& list) { return pattern_list(list); };
    if (name.text == "*") {
      const YamlNode policy = pmta_policy(block, place, lookup, result_.warnings);
      merge(defaults_, policy, "sender.defaults", "");
      return;
    }
    const std::vector<PmtaWord> domains = domains_of(block, name);
    if (domains.empty()) return;
    const YamlNode policy = pmta_policy(block, place, lookup, result_.warnings);
    std::map<std::string, std::vector<std::string>> by_provider;
    std::vector<std::string> order;
    for (const PmtaWord& domain : domains) {
      if (std::ranges::find(result_.recipient_domains, domain.text) == result_.recipient_domains.end()) {
        result_.recipient_domains.push_back(domain.text);
      }
      std::string provider = default_provider_of(domain.text);
      if (provider.empty()) {
        provider = domain.text;
        generic_providers_.try_emplace(provider, domain);
      }
      if (!by_provider.contains(provider)) order.push_back(provider);
      by_provider[provider].push_back(domain.text);
    }
    for (const std::string& provider : order) {
      warn_queue_scope(block, provider, by_provider[provider]);
      auto found = std::ranges::find_if(destinations_, [&](const auto& d) { return d.first == provider; });
      if (found == destinations_.end()) {
        destinations_.emplace_back(provider, map_node(block.where));
        found = std::prev(destinations_.end());
      }
      merge(found->second, policy, "sender.destinations." + provider, "");
    }
  }

  static std::string default_provider_of(const std::string& domain) {
    for (const ProviderProfile& profile : provider_profiles()) {
      if (profile.default_provider.empty()) continue;
      if (std::ranges::find(profile.domains, domain) != profile.domains.end())
        return profile.default_provider;
    }
    return "";
  }

  /// Warns when PowerMTA's per-domain queues and delivsim's per-provider queue make the block mean different
  /// things: several of the provider's domains share its limits, or the provider has domains it does not
  /// name.
  void warn_queue_scope(const PmtaItem& block, const std::string& provider,
                        const std::vector<std::string>& named) {
    const ProviderProfile* profile = nullptr;
    for (const ProviderProfile& candidate : provider_profiles()) {
      if (candidate.default_provider == provider) profile = &candidate;
    }
    std::vector<std::string> others;
    if (profile) {
      for (const std::string& domain : profile->domains) {
        if (std::ranges::find(named, domain) == named.end()) others.push_back(domain);
      }
    }
    if (named.size() < 2 && others.empty()) return;
    const auto join = [](const std::vector<std::string>& list) {
      std::string text;
      for (const std::string& item : list) text += (text.empty() ? "" : ", ") + item;
      return text;
    };
    std::string why =
        "approximated: PowerMTA keeps a queue per recipient domain (unless its MX rollup merges "
        "them), delivsim one per provider ('" +
        provider + "')";
    if (named.size() > 1) why += "; these limits apply to " + join(named) + " together, not to each";
    if (!others.empty()) why += "; delivsim also applies them to " + join(others);
    result_.warnings.push_back(pmta_warning(block, why));
  }

  /// Sets `from`'s keys in `into` (backoff key by key); a key set earlier by another block to a different
  /// value is a warning naming both places (the later wins, as set_entry does).
  void merge(YamlNode& into, const YamlNode& from, const std::string& owner, const std::string& prefix) {
    if (into.kind != YamlNode::Kind::Map) into = map_node(from.position);
    for (const YamlMapEntry& entry : from.entries) {
      const std::string key = prefix + entry.key;
      if (entry.key == "backoff") {
        merge(child_map(into, "backoff", entry.value.position), entry.value, owner, "backoff.");
        continue;
      }
      if (entry.key == "retry" || entry.key == "retry_after") {
        const std::string other = entry.key == "retry" ? "retry_after" : "retry";
        if (const YamlNode* earlier = into.find(other)) {
          warn_conflict(entry, key, owner, *earlier);
          std::erase_if(into.entries, [&](const YamlMapEntry& e) { return e.key == other; });
        }
      }
      if (const YamlNode* earlier = into.find(entry.key);
          earlier && summary(*earlier) != summary(entry.value)) {
        warn_conflict(entry, key, owner, *earlier);
      }
      set_entry(into, entry.key, entry.value);
    }
  }

  void warn_conflict(const YamlMapEntry& entry, const std::string& key, const std::string& owner,
                     const YamlNode& earlier) {
    result_.warnings.push_back(
        ImportWarning{entry.value.position, directive_of(key),
                      "also set for " + owner + " at " + earlier.position.file + ":" +
                          std::to_string(earlier.position.line) + " (" + shorten(summary(earlier), 80) +
                          "); delivsim has one policy per provider: this later value (" +
                          shorten(summary(entry.value), 80) + ") is used"});
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

  void write_sender() {
    YamlNode& root = result_.scenario_keys;
    // PowerMTA's defaults where delivsim's differ (docs/import-pmta.md).
    YamlNode& defaults =
        defaults_.kind == YamlNode::Kind::Map ? defaults_ : (defaults_ = map_node(kDefaultToNormal));
    YamlNode& backoff = child_map(defaults, "backoff", kDefaultToNormal);
    if (!backoff.find("to_normal_after"))
      set_entry(backoff, "to_normal_after", scalar_node("never", kDefaultToNormal));
    const bool explicit_backoff_rate = backoff.find("max_msg_rate") != nullptr;
    if (!explicit_backoff_rate) {
      const YamlNode* rate = defaults.find("max_msg_rate");
      set_entry(backoff, "max_msg_rate", rate ? *rate : scalar_node("unlimited", kDefaultBackoffRate));
    }
    YamlNode& sender = child_map(root, "sender", defaults.position);
    set_entry(sender, "defaults", defaults);
    if (destinations_.empty()) return;
    YamlNode& destinations = child_map(sender, "destinations", destinations_.front().second.position);
    for (auto& [provider, policy] : destinations_) {
      const YamlNode* rate = policy.find("max_msg_rate");
      const YamlNode* own_backoff = policy.find("backoff");
      if (rate && !explicit_backoff_rate && !(own_backoff && own_backoff->find("max_msg_rate"))) {
        const YamlNode copy = *rate;
        set_entry(child_map(policy, "backoff", copy.position), "max_msg_rate", copy);
      }
      set_entry(destinations, provider, policy);
    }
    if (generic_providers_.empty()) return;
    YamlNode& providers = child_map(root, "providers", generic_providers_.begin()->second.where);
    // A provider with a profile replaces the default set, so the defaults are listed (unchanged) beside it.
    for (const ProviderProfile& profile : provider_profiles()) {
      if (!profile.default_provider.empty())
        set_entry(providers, profile.default_provider, map_node(kKeptProviders));
    }
    for (const auto& [name, domain] : generic_providers_) {
      YamlNode provider = map_node(domain.where);
      set_entry(provider, "profile", scalar_node("generic", domain.where));
      YamlNode domains = sequence_node(domain.where);
      domains.items.push_back(scalar_node(domain.text, domain.where));
      set_entry(provider, "domains", std::move(domains));
      set_entry(providers, name, std::move(provider));
    }
  }

  ImportedConfig result_;
  std::map<std::string, std::vector<PmtaWord>> macros_;
  std::map<std::string, const PmtaItem*> pattern_lists_;
  std::map<std::string, YamlNode> converted_lists_;
  std::set<std::string> vmta_names_;
  std::vector<VirtualMta> vmtas_;
  std::vector<std::pair<PmtaWord, std::vector<PmtaWord>>> pools_;
  YamlNode defaults_;
  std::vector<std::pair<std::string, YamlNode>> destinations_;
  std::map<std::string, PmtaWord> generic_providers_;
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

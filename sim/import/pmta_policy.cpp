#include "sim/import/pmta_policy.h"

#include <optional>
#include <string_view>
#include <utility>

#include "models/destination_policy.h"
#include "sim/import/imported_idle_timeout.h"
#include "sim/import/pmta_directives.h"
#include "sim/import/pmta_values.h"
#include "sim/import/scenario_duration_text.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// The directive's one value word; throws at the directive when it has none or more than one.
const PmtaWord& single_value(const PmtaItem& item) {
  if (item.words.size() != 1) {
    throw ScenarioError(item.where.file, item.where.line, item.where.column, item.name,
                        item.words.empty() ? "has no value" : "has more than one value",
                        "one value after " + shorten(item.name, 80));
  }
  return item.words.front();
}

void erase_key(YamlNode& map, std::string_view key) {
  std::erase_if(map.entries, [&](const YamlMapEntry& entry) { return entry.key == key; });
}

bool read_yes_no(const PmtaItem& item) {
  const PmtaWord& word = single_value(item);
  if (word.text == "yes" || word.text == "true") return true;
  if (word.text == "no" || word.text == "false") return false;
  throw ScenarioError(word.where.file, word.where.line, word.where.column, item.name,
                      quote_value(word.text) + " is not yes or no", "yes, no, true or false");
}

/// Maps one directive; false when it is not a policy directive.
bool map_directive(const PmtaItem& item, YamlNode& policy, const PatternListLookup& patterns,
                   std::vector<ImportWarning>& warnings) {
  const std::string& name = item.name;
  const auto scalar = [&](std::string text) {
    return scalar_node(std::move(text), single_value(item).where);
  };
  if (name == "max-smtp-out") {
    set_entry(policy, "max_smtp_out", scalar(single_value(item).text));
  } else if (name == "max-msg-per-connection") {
    set_entry(policy, "max_msg_per_connection", scalar(single_value(item).text));
  } else if (name == "max-msg-rate") {
    set_entry(policy, "max_msg_rate", scalar(pmta_rate(single_value(item), name)));
  } else if (name == "max-connect-rate") {
    set_entry(policy, "max_conn_rate", scalar(pmta_rate(single_value(item), name)));
  } else if (name == "retry-after") {
    YamlNode retry = pmta_retry(single_value(item), name);
    erase_key(policy, "retry_after");
    erase_key(policy, "retry");
    if (YamlNode* fixed = retry.find("fixed")) {
      set_entry(policy, "retry_after", *fixed);
    } else {
      set_entry(policy, "retry", std::move(retry));
    }
  } else if (name == "connection-idle-timeout") {
    const PmtaWord& word = single_value(item);
    std::string text = pmta_duration(word, name);
    if (std::optional<std::string> too_long =
            idle_timeout_too_long(pmta_duration_seconds(word, name) * 1000, word.text)) {
      warnings.push_back(pmta_warning(item, std::move(*too_long)));
      text = scenario_duration_text(kMaxIdleTimeout.count());
    }
    set_entry(policy, "idle_timeout", scalar(std::move(text)));
  } else if (name == "bounce-after") {
    set_entry(policy, "bounce_after", scalar(pmta_duration(single_value(item), name)));
  } else if (name == "backoff-max-msg-rate") {
    set_entry(child_map(policy, "backoff", item.where), "max_msg_rate",
              scalar(pmta_rate(single_value(item), name)));
  } else if (name == "backoff-retry-after") {
    const std::vector<PmtaWord> intervals = pmta_list_items(single_value(item));
    set_entry(child_map(policy, "backoff", item.where), "retry_after",
              scalar_node(pmta_duration(intervals.front(), name), intervals.front().where));
    if (intervals.size() > 1) {
      warnings.push_back(pmta_warning(item,
                                      "approximated: delivsim's backoff mode retries at one interval; "
                                      "the first of the list (" +
                                          intervals.front().text + ") is used for every retry"));
    }
  } else if (name == "backoff-to-normal-after") {
    const PmtaWord& word = single_value(item);
    set_entry(child_map(policy, "backoff", item.where), "to_normal_after",
              scalar(word.text == "never" ? "never" : pmta_duration(word, name)));
  } else if (name == "smtp-pattern-list") {
    set_entry(policy, "patterns", patterns(single_value(item)));
  } else if (name == "backoff-to-normal-after-delivery") {
    set_entry(child_map(policy, "backoff", item.where), "to_normal_after_delivery",
              scalar(read_yes_no(item) ? "true" : "false"));
  } else if (name == "backoff-max-smtp-out") {
    set_entry(child_map(policy, "backoff", item.where), "max_smtp_out", scalar(single_value(item).text));
  } else if (name == "max-cold-virtual-mta-msg") {
    const PmtaWord& word = single_value(item);
    if (word.text.find(',') != std::string::npos) {
      warnings.push_back(pmta_warning(item, "not used: delivsim takes one count per day (N/d); " +
                                                quote_value(word.text) + " is a list"));
    } else {
      set_entry(policy, "cold_msg_per_day", scalar(pmta_count_per_day(word, name)));
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace

YamlNode pmta_policy(const PmtaItem& block, const std::string& place, const PatternListLookup& patterns,
                     std::vector<ImportWarning>& warnings) {
  YamlNode policy = map_node(block.where);
  for (const PmtaItem& item : block.children) {
    if (item.block || !map_directive(item, policy, patterns, warnings)) {
      warnings.push_back(pmta_unused(item, place));
    }
  }
  return policy;
}

}  // namespace delivsim

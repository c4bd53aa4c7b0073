#include "sim/import/pmta_destinations.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "models/default_provider.h"
#include "models/provider_profile.h"
#include "sim/import/pmta_directives.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/yaml_flow_text.h"

namespace delivsim {

namespace {

/// Positions of values PowerMTA leaves at its default where delivsim's default differs.
const SourcePosition kDefaultToNormal{
    "PowerMTA default: backoff-to-normal-after never (PowerMTA User's Guide)", 0, 0};
const SourcePosition kDefaultBackoffConnections{
    "PowerMTA default: backoff-max-smtp-out 20 (PowerMTA User's Guide)", 0, 0};
const SourcePosition kDefaultBackoffRate{
    "PowerMTA default: backoff-max-msg-rate = max-msg-rate, else unlimited (PowerMTA User's Guide)", 0, 0};

/// The PowerMTA directive behind a policy key, for warnings.
std::string directive_of(std::string_view key) {
  static const std::map<std::string_view, std::string_view> names{
      {"max_smtp_out", "max-smtp-out"},
      {"max_msg_per_connection", "max-msg-per-connection"},
      {"max_msg_rate", "max-msg-rate"},
      {"max_conn_rate", "max-connect-rate"},
      {"idle_timeout", "connection-idle-timeout"},
      {"retry_after", "retry-after"},
      {"retry", "retry-after"},
      {"bounce_after", "bounce-after"},
      {"patterns", "smtp-pattern-list"},
      {"backoff.max_msg_rate", "backoff-max-msg-rate"},
      {"backoff.retry_after", "backoff-retry-after"},
      {"backoff.to_normal_after", "backoff-to-normal-after"},
      {"backoff.max_smtp_out", "backoff-max-smtp-out"},
      {"backoff.to_normal_after_delivery", "backoff-to-normal-after-delivery"}};
  const auto found = names.find(key);
  return found == names.end() ? std::string(key) : std::string(found->second);
}

}  // namespace

void PmtaDestinations::add_catch_all(const YamlNode& policy) {
  merge(defaults_, policy, "sender.defaults", "");
}

void PmtaDestinations::add_block(const PmtaItem& block, const std::vector<PmtaWord>& domains,
                                 const YamlNode& policy) {
  std::map<std::string, std::vector<std::string>> by_provider;
  std::vector<std::string> order;
  for (const PmtaWord& domain : domains) {
    const ProviderProfile* listing = default_profile_listing(domain.text);
    const std::string provider = listing != nullptr ? listing->default_provider : domain.text;
    if (listing == nullptr) generic_providers_.try_emplace(provider, domain);
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

/// Warns when PowerMTA's per-domain queues and delivsim's per-provider queue make the block mean different
/// things: several of the provider's domains share its limits, or the provider has domains it does not
/// name.
void PmtaDestinations::warn_queue_scope(const PmtaItem& block, const std::string& provider,
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
  warnings_.push_back(pmta_warning(block, why));
}

/// Sets `from`'s keys in `into` (backoff key by key); a key set earlier by another block to a different
/// value is a warning naming both places (the later wins, as set_entry does).
void PmtaDestinations::merge(YamlNode& into, const YamlNode& from, const std::string& owner,
                             const std::string& prefix) {
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
        earlier && flow_text(*earlier) != flow_text(entry.value)) {
      warn_conflict(entry, key, owner, *earlier);
    }
    set_entry(into, entry.key, entry.value);
  }
}

void PmtaDestinations::warn_conflict(const YamlMapEntry& entry, const std::string& key,
                                     const std::string& owner, const YamlNode& earlier) {
  warnings_.push_back(ImportWarning{entry.value.position, directive_of(key),
                                    "also set for " + owner + " at " + earlier.position.file + ":" +
                                        std::to_string(earlier.position.line) + " (" +
                                        shorten(flow_text(earlier), 80) +
                                        "); delivsim has one policy per provider: this later value (" +
                                        shorten(flow_text(entry.value), 80) + ") is used"});
}

void PmtaDestinations::write(YamlNode& root) {
  // PowerMTA's defaults where delivsim's differ (docs/import-pmta.md).
  YamlNode& defaults =
      defaults_.kind == YamlNode::Kind::Map ? defaults_ : (defaults_ = map_node(kDefaultToNormal));
  YamlNode& backoff = child_map(defaults, "backoff", kDefaultToNormal);
  if (!backoff.find("to_normal_after"))
    set_entry(backoff, "to_normal_after", scalar_node("never", kDefaultToNormal));
  if (!backoff.find("max_smtp_out"))
    set_entry(backoff, "max_smtp_out", scalar_node("20", kDefaultBackoffConnections));
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
  for (const auto& [name, domain] : generic_providers_) {
    YamlNode provider = map_node(domain.where);
    set_entry(provider, "profile", scalar_node("generic", domain.where));
    YamlNode domains = sequence_node(domain.where);
    domains.items.push_back(scalar_node(domain.text, domain.where));
    set_entry(provider, "domains", std::move(domains));
    set_entry(providers, name, std::move(provider));
  }
}

}  // namespace delivsim

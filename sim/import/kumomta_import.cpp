#include "sim/import/kumomta_import.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string_view>
#include <utility>

#include "models/destination_policy.h"
#include "models/provider_profile.h"
#include "sim/import/kumomta_destination.h"
#include "sim/import/kumomta_rules.h"
#include "sim/import/kumomta_shaping.h"
#include "sim/import/scenario_duration_text.h"
#include "sim/import/tree_builder.h"
#include "sim/kernel/ascii.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

// KumoMTA's defaults where they differ from delivsim's (which are PowerMTA's), written explicitly.
const SourcePosition kEgressDefault{"KumoMTA default (kumo-api-types egress_path.rs)", 0, 0};
const SourcePosition kQueueDefault{"KumoMTA default (kumo.make_queue_config retry_interval, max_age)", 0, 0};
const SourcePosition kKumoSemantics{"KumoMTA's queue semantics (docs/model.md 4.7)", 0, 0};

/// The default providers a match can name: every profile with a default provider and a real MX host (the
/// generic profile's "mx.{provider}" is delivsim's own invention, and its domains are "*").
std::vector<const ProviderProfile*> matchable_profiles() {
  std::vector<const ProviderProfile*> profiles;
  for (const ProviderProfile& profile : provider_profiles())
    if (!profile.default_provider.empty() && profile.name != "generic") profiles.push_back(&profile);
  return profiles;
}

/// Whether `match` selects `profile`'s provider, as Kumo's ProviderEntry::domain_matches would for its
/// domains: MXSuffix / HostName against the profile's MX host, DomainSuffix against its domains.
bool matches_profile(const KumoProviderMatch& match, const ProviderProfile& profile) {
  switch (match.kind) {
    case KumoProviderMatch::Kind::MXSuffix:
      return profile.mx_host.ends_with(match.value);
    case KumoProviderMatch::Kind::HostName:
      return profile.mx_host == match.value;
    case KumoProviderMatch::Kind::DomainSuffix:
      return std::any_of(profile.domains.begin(), profile.domains.end(),
                         [&](const std::string& domain) { return domain.ends_with(match.value); });
  }
  return false;
}

bool is_domain_name(std::string_view name) {
  if (name.empty() || name.size() > 253 || name.front() == '.' || name.back() == '.' ||
      name.find('.') == std::string_view::npos)
    return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) != 0 || c == '-' || c == '.'; });
}

/// KumoMTA's own queues (its message generator, deferred injection, the TSA daemon's HTTP endpoint).
bool is_kumo_internal(std::string_view name) {
  return name.find("://") != std::string_view::npos || name.ends_with(".kumomta.internal") ||
         name.ends_with(".tsa.kumomta");
}

std::string describe_matches(const KumoSection& section) {
  std::string text;
  for (const KumoProviderMatch& match : section.matches) {
    const char* kind = match.kind == KumoProviderMatch::Kind::MXSuffix       ? "MXSuffix"
                       : match.kind == KumoProviderMatch::Kind::DomainSuffix ? "DomainSuffix"
                                                                             : "HostName";
    text += (text.empty() ? "" : ", ") + std::string(kind) + " " + shorten(match.value, kQuotedValueMaxBytes);
  }
  return text.empty() ? "no match entries" : text;
}

std::string describe_profiles() {
  std::string text;
  for (const ProviderProfile* profile : matchable_profiles())
    text += (text.empty() ? "" : "; ") + profile->default_provider + ": MX " + profile->mx_host;
  return text;
}

void warn_sources(const KumoSection& section, std::vector<ImportWarning>& warnings) {
  for (const KumoSource& source : section.sources)
    warnings.push_back({source.at, "sources." + shorten(source.name, kQuotedValueMaxBytes),
                        "per-source options for egress source " + quote_value(source.name) +
                            ": KumoMTA's sources (their IPs) are defined in its sources.toml, which this "
                            "import does not read; not imported"});
}

/// Everything being built, by provider.
struct Builder {
  std::vector<ImportWarning> warnings;
  KumoDestination defaults;
  KumoRulePatterns default_rules;
  std::vector<KumoDestination> destinations;      // in order of first use
  std::vector<const KumoSection*> new_providers;  // domain sections that get a generic provider
  std::vector<std::string> recipient_domains;

  KumoDestination& destination(const std::string& provider) {
    for (KumoDestination& existing : destinations)
      if (existing.provider == provider) return existing;
    KumoDestination added;
    added.provider = provider;
    destinations.push_back(std::move(added));
    return destinations.back();
  }

  void add_domain(const std::string& domain) {
    if (std::find(recipient_domains.begin(), recipient_domains.end(), domain) == recipient_domains.end())
      recipient_domains.push_back(domain);
  }

  std::size_t pattern_rules = 0;  // written so far, over all destinations

  /// Options and rules of `section` onto the destination of `provider`.
  void apply(const KumoSection& section, const std::string& provider) {
    KumoDestination& target = destination(provider);
    if (target.policy.kind != YamlNode::Kind::Map) target.policy = map_node(section.at);
    apply_kumo_options(section, target, warnings);
    if (!section.rules.empty() && target.rules.rule_count == 0) {
      // The default rules come first (KumoMTA's match order), with their backoff, so that a rule of this
      // destination that sets another backoff rate is reported (one backoff mode per destination).
      target.rules = default_rules;
      count_patterns(default_rules.patterns.size(), section.at);
    }
    const std::size_t before = target.rules.patterns.size();
    for (const KumoRule& rule : section.rules) map_kumo_rule(rule, target.rules, warnings);
    count_patterns(target.rules.patterns.size() - before, section.at);
  }

  void count_patterns(std::size_t added, const SourcePosition& at) {
    pattern_rules += added;
    if (pattern_rules > kMaxKumoPatternRules)
      throw ScenarioError(
          at.file, at.line, at.column, "automation",
          "the import would write more than " + std::to_string(kMaxKumoPatternRules) +
              " pattern rules (each destination with rules of its own repeats the default rules)",
          "fewer automation rules");
  }

  void apply_provider_section(const KumoSection& section) {
    std::vector<const ProviderProfile*> matched;
    for (const ProviderProfile* profile : matchable_profiles()) {
      for (const KumoProviderMatch& match : section.matches) {
        if (matches_profile(match, *profile)) {
          matched.push_back(profile);
          break;
        }
      }
    }
    warn_sources(section, warnings);
    if (matched.empty()) {
      warnings.push_back({section.at, "provider." + shorten(section.name, kQuotedValueMaxBytes),
                          "provider " + quote_value(section.name) + " (" + describe_matches(section) +
                              ") matches none of delivsim's providers (" + describe_profiles() +
                              "); its options and rules are not imported"});
      return;
    }
    for (const ProviderProfile* profile : matched) {
      apply(section, profile->default_provider);
      add_domain(profile->domains.front());
    }
  }

  void apply_domain_section(const KumoSection& section) {
    const std::string domain = kernel::ascii_lower(section.name);
    if (is_kumo_internal(domain) || !is_domain_name(domain)) {
      warnings.push_back({section.at, shorten(section.name, kQuotedValueMaxBytes),
                          is_kumo_internal(domain)
                              ? "a KumoMTA-internal queue (not recipient mail): not imported"
                              : "not a recipient domain name: not imported"});
      return;
    }
    warn_sources(section, warnings);
    std::string provider;
    for (const ProviderProfile* profile : matchable_profiles())
      if (std::find(profile->domains.begin(), profile->domains.end(), domain) != profile->domains.end())
        provider = profile->default_provider;
    if (provider.empty()) {
      provider = domain;
      new_providers.push_back(&section);
    } else if (section.mx_rollup && section.mx_rollup->text == "false") {
      warnings.push_back(
          {section.mx_rollup->key_at, "mx_rollup",
           "mx_rollup = false: KumoMTA shapes only " + domain +
               " with this section; delivsim has one queue per IP x provider, so it shapes every "
               "domain of provider " +
               provider});
    }
    add_domain(domain);
    apply(section, provider);
  }
};

/// The `retry` map KumoMTA's default queue config gives (kumomta_destination_defaults): retry_interval 20
/// minutes, doubling, no maximum interval (the 7-day max_age ends it first).
YamlNode kumo_default_retry(const RetrySchedule& schedule) {
  YamlNode exponential = map_node(kQueueDefault);
  set_entry(exponential, "initial",
            scalar_node(scenario_duration_text(schedule.initial.count()), kQueueDefault));
  set_entry(exponential, "max", scalar_node(scenario_duration_text(schedule.max.count()), kQueueDefault));
  YamlNode retry = map_node(kQueueDefault);
  set_entry(retry, "exponential", std::move(exponential));
  return retry;
}

void set_patterns(YamlNode& policy, const KumoRulePatterns& rules, const std::string& whose,
                  std::vector<ImportWarning>& warnings) {
  if (rules.patterns.empty()) return;
  YamlNode list = sequence_node(rules.patterns.front().position);
  list.items = rules.patterns;
  set_entry(policy, "patterns", std::move(list));
  if (rules.backoff) set_entry(policy, "backoff", *rules.backoff);
  if (rules.rule_count > 1)
    warnings.push_back(
        {rules.patterns.back().position, "automation",
         "KumoMTA applies every automation rule whose regex matches a reply; delivsim applies only "
         "the first matching pattern rule of " +
             whose + ", so where a reply matches several rules only the first one's actions happen"});
}

std::size_t file_index(const std::vector<std::filesystem::path>& files, const std::string& file) {
  for (std::size_t i = 0; i < files.size(); ++i)
    if (files[i].string() == file) return i;
  return files.size();
}

}  // namespace

ImportedConfig import_kumomta(const std::vector<std::filesystem::path>& files) {
  const KumoShaping shaping = read_kumo_shaping(files);
  Builder builder;
  builder.warnings = shaping.warnings;

  // sender.defaults: KumoMTA's own defaults first (models/kumomta_scheduler.cpp), then ["default"].
  const DestinationPolicy kumo = kumomta_destination_defaults();
  const SourcePosition defaults_at = shaping.default_section ? shaping.default_section->at : kEgressDefault;
  builder.defaults.policy = map_node(defaults_at);
  set_entry(builder.defaults.policy, "max_smtp_out",
            scalar_node(std::to_string(kumo.max_smtp_out), kEgressDefault));
  set_entry(builder.defaults.policy, "max_msg_per_connection",
            scalar_node(std::to_string(kumo.max_msg_per_connection), kEgressDefault));
  set_entry(builder.defaults.policy, "retry", kumo_default_retry(kumo.retry));
  set_entry(builder.defaults.policy, "bounce_after",
            scalar_node(scenario_duration_text(kumo.bounce_after.count()), kQueueDefault));
  if (shaping.default_section) {
    const KumoSection& section = *shaping.default_section;
    apply_kumo_options(section, builder.defaults, builder.warnings);
    warn_sources(section, builder.warnings);
    for (const KumoRule& rule : section.rules) map_kumo_rule(rule, builder.default_rules, builder.warnings);
    builder.count_patterns(builder.default_rules.patterns.size(), section.at);
  }
  finish_kumo_destination(builder.defaults, kumo.max_smtp_out, 0);
  set_patterns(builder.defaults.policy, builder.default_rules, "sender.defaults", builder.warnings);
  const std::int64_t inherited_limit = std::stoll(builder.defaults.policy.find("max_smtp_out")->scalar);
  const YamlNode* default_rate = builder.defaults.policy.find("max_msg_rate");
  const double inherited_rate = default_rate ? rate_per_second(default_rate->scalar) : 0;

  // Kumo's precedence: providers, then domains (a domain section overrides a provider's values).
  for (const KumoSection& section : shaping.providers) builder.apply_provider_section(section);
  for (const KumoSection& section : shaping.domains) builder.apply_domain_section(section);

  ImportedConfig config;
  config.scenario_keys = map_node({files.front().string(), 1, 1});
  for (const KumoSection* section : builder.new_providers) {
    const std::string domain = kernel::ascii_lower(section->name);
    YamlNode& providers = child_map(config.scenario_keys, "providers", section->at);
    YamlNode provider = map_node(section->at);
    set_entry(provider, "profile", scalar_node("generic", section->at));
    YamlNode domains = sequence_node(section->at);
    domains.items.push_back(scalar_node(domain, section->at));
    set_entry(provider, "domains", std::move(domains));
    set_entry(providers, domain, std::move(provider));
  }
  YamlNode& sender = child_map(config.scenario_keys, "sender", defaults_at);
  set_entry(sender, "mta", scalar_node("kumomta", kKumoSemantics));
  set_entry(sender, "defaults", builder.defaults.policy);
  for (KumoDestination& destination : builder.destinations) {
    finish_kumo_destination(destination, inherited_limit, inherited_rate);
    set_patterns(destination.policy, destination.rules, "sender.destinations." + destination.provider,
                 builder.warnings);
    if (destination.policy.entries.empty()) continue;
    YamlNode& destinations = child_map(sender, "destinations", destination.policy.position);
    set_entry(destinations, destination.provider, std::move(destination.policy));
  }
  config.recipient_domains = std::move(builder.recipient_domains);
  config.warnings = std::move(builder.warnings);
  std::stable_sort(
      config.warnings.begin(), config.warnings.end(), [&](const ImportWarning& a, const ImportWarning& b) {
        const std::size_t fa = file_index(files, a.where.file), fb = file_index(files, b.where.file);
        if (fa != fb) return fa < fb;
        return a.where.line != b.where.line ? a.where.line < b.where.line : a.where.column < b.where.column;
      });
  return config;
}

}  // namespace delivsim

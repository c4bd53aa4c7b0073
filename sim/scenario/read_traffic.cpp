#include <algorithm>
#include <cmath>
#include <sstream>

#include "sim/yaml/scenario_error.h"
#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/value_syntax.h"

namespace delivsim {

namespace {

constexpr double kShareSumTolerance = 1e-6;
constexpr std::int64_t kMaxMessageBytes = 1024LL * 1024 * 1024;

const std::vector<std::pair<std::string_view, TrafficClass>> kClasses{
    {"marketing", TrafficClass::Marketing}, {"transactional", TrafficClass::Transactional}};

/// The segment used when a list has no `segments`, and the values a written segment starts from.
EngagementSegment default_segment() {
  return {"all", 1.0, 0.0005, 0.2, 0.0};
}

/// What traffic entries name, indexed once for all of them (a long traffic list reads in linear time).
struct TrafficNames {
  explicit TrafficNames(const Scenario& scenario)
      : pools(names_of(scenario.pools)), domains(names_of(scenario.domains)) {
    for (const ProviderSpec& provider : scenario.providers) {
      for (const std::string& domain : provider.domains) hosted.add(domain);
    }
  }
  NameIndex pools;    ///< declared pools
  NameIndex domains;  ///< declared sending domains (identities.domains)
  NameIndex hosted;   ///< recipient domains some provider names, "*" included
  NameIndex traffic;  ///< the traffic entries read so far
};

std::string format_sum(double sum) {
  std::ostringstream out;
  out.precision(10);
  out << sum;
  return out.str();
}

void require_sum_of_one(const Field& field, double sum) {
  if (std::abs(sum - 1.0) > kShareSumTolerance) {
    field.fail("the shares sum to " + format_sum(sum) + ", not 1", "shares summing to 1");
  }
}

/// Fails unless `span` after `start` ends within the scenario (written so it cannot overflow).
void require_within_scenario(const Field& field, Duration start, Duration span, Duration scenario_duration,
                             const std::string& what) {
  if (span > scenario_duration - start) {
    field.fail(quote_value(field.node().scalar) + " ends after the scenario's end", what);
  }
}

Duration read_start_time(const Field& field, Duration scenario_duration) {
  const Duration start = read_duration(field, DurationBound::NonNegative);
  if (start >= scenario_duration) {
    field.fail(quote_value(field.node().scalar) + " is not before the scenario's end",
               "a time before the duration");
  }
  return start;
}

TrafficSpec::Campaign read_campaign(const Field& field, Duration scenario_duration) {
  const MapReader fields(field, {"recipients", "at", "over"});
  TrafficSpec::Campaign campaign;
  campaign.recipients = read_integer(fields.need("recipients", "a whole number >= 1"), 1);
  if (auto at = fields.get("at")) campaign.at = read_start_time(*at, scenario_duration);
  if (auto over = fields.get("over")) {
    campaign.over = read_duration(*over, DurationBound::NonNegative);
    require_within_scenario(*over, campaign.at, campaign.over, scenario_duration, "at + over <= duration");
  }
  return campaign;
}

TrafficSpec::Stream read_stream(const Field& field, Duration scenario_duration) {
  const MapReader fields(field,
                         {"rate", "from", "until", "diurnal_amplitude", "diurnal_peak_hour", "population"});
  TrafficSpec::Stream stream;
  stream.rate = read_rate(fields.need("rate", "a rate > 0 such as 20000/d"));
  if (auto from = fields.get("from")) stream.from = read_start_time(*from, scenario_duration);
  if (auto until = fields.get("until")) {
    stream.until = read_duration(*until, DurationBound::NonNegative);
    if (*stream.until <= stream.from) {
      until->fail(quote_value(until->node().scalar) + " is not after from", "until > from");
    }
    require_within_scenario(*until, Duration{0}, *stream.until, scenario_duration, "until <= duration");
  }
  if (auto amplitude = fields.get("diurnal_amplitude")) {
    stream.diurnal_amplitude = read_number(*amplitude, kShareRange);
  }
  if (auto peak = fields.get("diurnal_peak_hour")) stream.diurnal_peak_hour = read_int(*peak, 0, 23);
  if (auto population = fields.get("population")) stream.population = read_integer(*population, 1);
  return stream;
}

/// Reads whichever of `campaign` and `stream` is given; exactly one must be.
void read_source(const MapReader& fields, Duration scenario_duration, TrafficSpec& traffic) {
  const auto campaign = fields.get("campaign");
  const auto stream = fields.get("stream");
  if (campaign && stream) {
    stream->fail("is given together with campaign", "exactly one of campaign or stream");
  }
  if (!campaign && !stream) {
    fields.field().fail("has neither campaign nor stream", "exactly one of campaign or stream");
  }
  if (campaign) traffic.campaign = read_campaign(*campaign, scenario_duration);
  if (stream) traffic.stream = read_stream(*stream, scenario_duration);
}

/// Fails unless a provider hosts `domain` (by name, or with "*"), as Scenario::provider_for_domain finds.
void require_routed(const std::string& domain, const TrafficNames& names, const SourcePosition& at,
                    const std::string& field_path) {
  if (names.hosted.contains(domain) || names.hosted.contains("*")) return;
  fail_at(at, field_path, quote_value(domain) + " is not hosted by any provider",
          "a domain in some providers.<name>.domains, or a provider with \"*\"");
}

std::vector<std::pair<std::string, double>> read_domain_mix(const Field& field, const TrafficNames& names) {
  std::vector<std::pair<std::string, double>> mix;
  double sum = 0.0;
  for (const NamedField& entry : named_entries(field, "a mapping of recipient domain to share")) {
    const auto domain = normalized_domain_name(entry.name);
    if (!domain) {
      fail_at(entry.name_position, entry.value.path(), quote_value(entry.name) + " is not a domain name",
              "a domain name such as gmail.com");
    }
    require_routed(*domain, names, entry.name_position, entry.value.path());
    const double share = read_number(entry.value, NumberRange{0.0, false, 1.0, true});
    mix.emplace_back(*domain, share);
    sum += share;
  }
  if (mix.empty()) field.fail("is empty", "a mapping of recipient domain to share");
  require_sum_of_one(field, sum);
  return mix;
}

EngagementSegment read_segment(const Field& field, NameIndex& earlier) {
  const MapReader fields(field, {"name", "share", "complaint_rate", "open_rate", "not_spam_rate"});
  EngagementSegment segment = default_segment();
  const Field name = fields.need("name", "a name");
  segment.name = read_name(name);
  if (!earlier.add(segment.name)) {
    name.fail(quote_value(segment.name) + " names two segments", "a name used once in this list");
  }
  if (auto value = fields.get("share")) {
    segment.share = read_number(*value, NumberRange{0.0, false, 1.0, true});
  }
  if (auto value = fields.get("complaint_rate")) segment.complaint_rate = read_number(*value, kShareRange);
  if (auto value = fields.get("open_rate")) segment.open_rate = read_number(*value, kShareRange);
  if (auto value = fields.get("not_spam_rate")) segment.not_spam_rate = read_number(*value, kShareRange);
  return segment;
}

SuppressionRules read_suppression(const Field& field, const TrafficSpec& traffic) {
  if (traffic.campaign) {
    field.fail("is set for a campaign, which mails each recipient once (nothing to suppress)",
               "suppress on a stream's list");
  }
  const MapReader fields(field, {"hard_bounces", "complainers", "unengaged_after_sends"});
  SuppressionRules rules;
  if (auto value = fields.get("hard_bounces")) rules.hard_bounces = read_bool(*value);
  if (auto value = fields.get("complainers")) rules.complainers = read_bool(*value);
  if (auto value = fields.get("unengaged_after_sends")) {
    rules.unengaged_after_sends = read_int(*value, 0, kMaxUnengagedSends);
  }
  return rules;
}

ListQuality read_list(const Field& field, const TrafficSpec& traffic) {
  const MapReader fields(field, {"unknown_user_share", "spam_trap_share", "segments", "suppress"});
  ListQuality list;
  if (auto value = fields.get("unknown_user_share")) {
    list.unknown_user_share = read_number(*value, kShareRange);
  }
  if (auto value = fields.get("spam_trap_share")) {
    list.spam_trap_share = read_number(*value, kShareRange);
    if (list.unknown_user_share + list.spam_trap_share > 1.0) {
      value->fail("unknown_user_share + spam_trap_share is above 1", "shares summing to at most 1");
    }
  }
  if (auto segments = fields.get("segments")) {
    double sum = 0.0;
    NameIndex names;
    for (const Field& item :
         list_items(*segments, "a list of {name, share, complaint_rate, open_rate, not_spam_rate}")) {
      list.segments.push_back(read_segment(item, names));
      sum += list.segments.back().share;
    }
    if (list.segments.empty()) segments->fail("is empty", "at least one segment");
    require_sum_of_one(*segments, sum);
  } else {
    list.segments = {default_segment()};
  }
  if (auto suppress = fields.get("suppress")) list.suppress = read_suppression(*suppress, traffic);
  return list;
}

TrafficSpec read_traffic_entry(const Field& field, const Scenario& scenario, TrafficNames& names) {
  const MapReader fields(field, {"name", "class", "pool", "dkim_domain", "spf_domain", "campaign", "stream",
                                 "domains", "list", "message_size_bytes"});
  TrafficSpec traffic;
  const Field name = fields.need("name", "a name");
  traffic.name = read_name(name);
  if (!names.traffic.add(traffic.name)) {
    name.fail(quote_value(traffic.name) + " names two traffic entries", "a name used once in traffic");
  }
  if (auto value = fields.get("class")) traffic.traffic_class = read_choice(*value, kClasses);

  const Field pool = fields.need("pool", "the name of a pool");
  traffic.pool = read_name(pool);
  require_declared(traffic.pool, names.pools, "pool", pool);

  const Field dkim = fields.need("dkim_domain", "a domain declared in identities.domains");
  traffic.dkim_domain = read_domain_name(dkim);
  require_declared(traffic.dkim_domain, names.domains, "domain (identities.domains)", dkim);
  traffic.spf_domain = traffic.dkim_domain;
  if (auto spf = fields.get("spf_domain")) {
    traffic.spf_domain = read_domain_name(*spf);
    require_declared(traffic.spf_domain, names.domains, "domain (identities.domains)", *spf);
  }

  read_source(fields, scenario.duration, traffic);
  if (auto domains = fields.get("domains")) {
    traffic.domain_mix = read_domain_mix(*domains, names);
  } else {
    traffic.domain_mix = {{"gmail.com", 1.0}};
    require_routed("gmail.com", names, field.node().position, field.child_path("domains"));
  }
  if (auto list = fields.get("list")) {
    traffic.list = read_list(*list, traffic);
  } else {
    traffic.list.segments = {default_segment()};
  }
  if (auto size = fields.get("message_size_bytes")) {
    traffic.message_size_bytes = read_integer(*size, 1, kMaxMessageBytes);
  }
  return traffic;
}

}  // namespace

void read_traffic(const MapReader& top, Scenario& scenario) {
  const std::string expected = "a list with at least one traffic entry";
  const auto field = top.get("traffic");
  if (!field) {
    fail_at(top.field().node().position, "traffic", "is missing (empty traffic: nothing to send)", expected);
  }
  TrafficNames names(scenario);
  for (const Field& item : list_items(*field, expected))
    scenario.traffic.push_back(read_traffic_entry(item, scenario, names));
  if (scenario.traffic.empty()) field->fail("is empty (empty traffic: nothing to send)", expected);
}

}  // namespace delivsim

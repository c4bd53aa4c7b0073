#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/acctlog/accounting_log_error.h"
#include "sim/acctlog/log_time.h"
#include "sim/scenario/replay_log.h"
#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/value_syntax.h"
#include "sim/yaml/scenario_error.h"

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

/// A replay's log file: `log` relative to the scenario's folder.
std::string replay_log_path(const Scenario& scenario, const std::string& log) {
  return (std::filesystem::path(scenario.source_path).parent_path() / log).lexically_normal().string();
}

/// A `replay` from/until time, in Unix ms.
std::int64_t read_log_time(const Field& field) {
  const std::string text = read_text(field, acctlog::kLogTimeForms);
  const auto time = acctlog::parse_log_time(text);
  if (!time) field.fail(quote_value(text) + " is not a time", std::string(acctlog::kLogTimeForms));
  return *time;
}

/// Reads the log `log` names (relative to the scenario's folder), selecting [from, until).
ReplayLog read_log_file(const Field& log, const std::string& path, std::optional<std::int64_t> from_ms,
                        std::optional<std::int64_t> until_ms) {
  const std::string expected = "a readable accounting log file (PowerMTA CSV layout)";
  // Only a regular file: a FIFO or a device (/dev/stdin) could block validate forever.
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error))
    log.fail(quote_value(path) + " is not a file", expected);
  std::ifstream in(path, std::ios::binary);
  if (!in) log.fail("cannot open " + quote_value(path), expected);
  try {
    return read_replay_log(in, from_ms, until_ms);
  } catch (const acctlog::AccountingLogError& e) {
    throw ScenarioError(path, static_cast<int>(e.line()), static_cast<int>(e.column()), e.field(), e.what(),
                        "an accounting log in PowerMTA's CSV layout (docs/log-stats.md)");
  }
}

/// `replay`: the log is read here, so a bad log is an error of loading the scenario. Fills the traffic's
/// domain mix with the log's domains, each routed to a provider.
TrafficSpec::Replay read_replay(const Field& field, const Scenario& scenario, const TrafficNames& names,
                                TrafficSpec& traffic) {
  const MapReader fields(field, {"log", "at", "from", "until"});
  TrafficSpec::Replay replay;
  const Field log = fields.need("log", "the path of an accounting log, relative to the scenario's folder");
  replay.log = read_text(log, "a path");
  if (auto at = fields.get("at")) replay.at = read_start_time(*at, scenario.duration);
  std::optional<std::int64_t> from_ms, until_ms;
  if (auto from = fields.get("from")) from_ms = read_log_time(*from);
  if (auto until = fields.get("until")) {
    until_ms = read_log_time(*until);
    if (from_ms && *until_ms <= *from_ms) until->fail("is not after from", "until > from");
  }
  const std::string path = replay_log_path(scenario, replay.log);
  auto messages = std::make_shared<ReplayLog>(read_log_file(log, path, from_ms, until_ms));
  if (messages->injections.empty()) {
    log.fail(quote_value(path) + " has no delivered, bounced or deferred message" +
                 (from_ms || until_ms ? " between from and until" : ""),
             "a log with d, b or t records");
  }
  // An injection past the scenario's end is an error, not cut silently: the run would replay part of it.
  const Duration span = messages->injections.back().at;
  if (span >= scenario.duration - replay.at) {
    throw ScenarioError(path, static_cast<int>(messages->last_line), 1, "timeQueued",
                        "this message is " + std::to_string(span.count() / 1000) +
                            " s after the log's first, past the scenario's end (at + " +
                            std::to_string(span.count() / 1000) + " s >= duration)",
                        "a longer duration, an earlier at, or from/until selecting less of the log");
  }
  const auto total = static_cast<double>(messages->injections.size());
  for (const ReplayDomain& domain : messages->domains) {
    if (!names.hosted.contains(domain.name) && !names.hosted.contains("*")) {
      throw ScenarioError(path, static_cast<int>(domain.first_line), 1, "rcpt",
                          quote_value(domain.name) + " is not hosted by any provider",
                          "a domain in some providers.<name>.domains, or a provider with \"*\"");
    }
    traffic.domain_mix.emplace_back(domain.name, static_cast<double>(domain.messages) / total);
  }
  replay.messages = std::move(messages);
  return replay;
}

/// The warning that a replayed log's records without timeQueued were injected at their timeLogged.
void note_replay_without_queued(const TrafficSpec& traffic, Scenario& scenario) {
  if (!traffic.replay || traffic.replay->messages->records_without_queued == 0) return;
  const ReplayLog& log = *traffic.replay->messages;
  const std::string path = replay_log_path(scenario, traffic.replay->log);
  scenario.import_warnings.push_back(path + ":" + std::to_string(log.first_line_without_queued) +
                                     ":1: warning: " + std::to_string(log.records_without_queued) +
                                     " message(s) have no timeQueued; each is replayed at its timeLogged");
}

/// Reads whichever of `campaign`, `stream` and `replay` is given; exactly one must be.
void read_source(const MapReader& fields, const Scenario& scenario, const TrafficNames& names,
                 TrafficSpec& traffic) {
  const std::string expected = "exactly one of campaign, stream or replay";
  const auto campaign = fields.get("campaign");
  const auto stream = fields.get("stream");
  const auto replay = fields.get("replay");
  const int given = int{campaign.has_value()} + int{stream.has_value()} + int{replay.has_value()};
  if (given > 1) {
    (replay ? *replay : *stream)
        .fail("is given together with " + std::string(campaign ? "campaign" : "stream"), expected);
  }
  if (given == 0) fields.field().fail("has none of campaign, stream or replay", expected);
  if (campaign) traffic.campaign = read_campaign(*campaign, scenario.duration);
  if (stream) traffic.stream = read_stream(*stream, scenario.duration);
  if (replay) traffic.replay = read_replay(*replay, scenario, names, traffic);
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
      if (list.segments.size() == kMaxSegments) {
        item.fail("is one segment too many", "at most " + std::to_string(kMaxSegments) + " segments");
      }
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
                                 "replay", "domains", "list", "message_size_bytes"});
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

  read_source(fields, scenario, names, traffic);
  if (auto domains = fields.get("domains")) {
    if (traffic.replay) domains->fail("is given with replay, whose log gives the domains", "no domains");
    traffic.domain_mix = read_domain_mix(*domains, names);
  } else if (!traffic.replay) {
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
  for (const Field& item : list_items(*field, expected)) {
    if (scenario.traffic.size() == kMaxTrafficEntries) {
      item.fail("is one traffic entry too many",
                "at most " + std::to_string(kMaxTrafficEntries) + " traffic entries");
    }
    scenario.traffic.push_back(read_traffic_entry(item, scenario, names));
    note_replay_without_queued(scenario.traffic.back(), scenario);
  }
  if (scenario.traffic.empty()) field->fail("is empty (empty traffic: nothing to send)", expected);
}

}  // namespace delivsim

#include "sim/report/run_tables.h"

#include <algorithm>
#include <stdexcept>

#include "sim/output/drain_state.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"
#include "sim/output/utc_time.h"
#include "sim/report/figure_format.h"
#include "sim/report/run_thresholds.h"
#include "sim/report/table_cells.h"

namespace delivsim::report {

namespace {

HtmlCell span_cell(double seconds) {
  return {format_elapsed(seconds), "num"};
}

/// Delivered mail's inbox share, e.g. "93.2%"; a dash when nothing was delivered (summary.json's 0).
HtmlCell share_cell(std::int64_t delivered, double share) {
  return {delivered > 0 ? format_percent(share, 1) : std::string(kMissingFigure), "num"};
}

/// A deferral rate coloured by the provider's alert levels; a dash when no attempt was made.
HtmlCell deferral_cell(std::int64_t attempts, double rate, const ProviderThresholds& thresholds) {
  if (attempts == 0) return missing_cell();
  return {format_percent(rate, 2), "num " + deferral_class(rate, thresholds)};
}

/// Mean, p50, p95, p99 and max delivery latency; dashes when nothing was delivered (summary.json's 0s).
std::vector<HtmlCell> latency_cells(std::int64_t delivered, const LatencySummary& latency) {
  if (delivered == 0) return std::vector<HtmlCell>(5, missing_cell());
  return {span_cell(latency.mean_s), span_cell(latency.p50_s), span_cell(latency.p95_s),
          span_cell(latency.p99_s), span_cell(latency.max_s)};
}

std::string replies_text(const std::map<std::string, std::int64_t>& replies) {
  std::vector<std::pair<std::string, std::int64_t>> sorted(replies.begin(), replies.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string text;
  for (const auto& [reply, count] : sorted) {
    text += (text.empty() ? "" : "; ") + reply + ": " + format_count(count);
  }
  return text.empty() ? "none" : text;
}

std::vector<HtmlCell> counts_cells(const MessageCounts& counts) {
  return {count_cell(counts.injected), count_cell(counts.delivered),     count_cell(counts.bounced),
          count_cell(counts.expired),  count_cell(counts.queued_at_end), count_cell(counts.attempts)};
}

std::string spam_rate_class(double rate, const ProviderThresholds& thresholds) {
  if (rate >= thresholds.spam_rate_bad) return "num act";
  if (rate > thresholds.spam_rate_good) return "num unusual";
  return "num";
}

/// "2026-01-05T14:00Z" for `seconds` after `start_date`; empty when the start date cannot be read.
std::string utc_text(const std::string& start_date, double seconds) {
  try {
    const UtcTime at = parse_utc_timestamp(start_date) + Duration(static_cast<std::int64_t>(seconds * 1000));
    return format_utc_timestamp_ms(at).substr(0, 16) + "Z";
  } catch (const std::invalid_argument&) {
    return "";
  }
}

}  // namespace

HtmlTable provider_table(const RunResult& run) {
  HtmlTable table{
      "providers",
      {"provider", "injected", "delivered", "bounced", "expired", "queued at end", "attempts",
       "deferral rate", "inbox share", "deferrals by reply", "bounces by reply", "max queue", "time to drain",
       "mean latency", "p50 latency", "p95 latency", "p99 latency", "max latency"},
      {},
      {}};
  for (std::size_t index = 0; index < run.providers.size(); ++index) {
    const ProviderResult& provider = run.providers[index];
    std::vector<HtmlCell> row{{provider.name, ""}};
    for (HtmlCell& cell : counts_cells(provider.counts)) row.push_back(std::move(cell));
    row.push_back(deferral_cell(provider.counts.attempts, provider.deferral_rate, provider.thresholds));
    row.push_back(share_cell(provider.counts.delivered, provider.counts.inbox_share()));
    row.push_back({replies_text(provider.deferrals_by_reply), ""});
    row.push_back({replies_text(provider.bounces_by_reply), ""});
    row.push_back(count_cell(provider.max_queue));
    row.push_back({drain_text(run, index), "num"});
    for (HtmlCell& cell : latency_cells(provider.counts.delivered, provider.latency))
      row.push_back(std::move(cell));
    table.rows.push_back(std::move(row));
  }
  std::vector<HtmlCell> total{{"TOTAL", ""}};
  for (HtmlCell& cell : counts_cells(run.totals)) total.push_back(std::move(cell));
  total.push_back(deferral_cell(run.totals.attempts, run.totals.deferral_rate(), judged_thresholds(run)));
  total.push_back(share_cell(run.totals.delivered, run.totals.inbox_share()));
  while (total.size() < table.header.size()) total.push_back({"", ""});
  table.rows.push_back(std::move(total));
  return table;
}

HtmlTable traffic_table(const RunResult& run) {
  HtmlTable table{"traffic",
                  {"traffic", "class", "injected", "delivered", "inbox share", "mean latency", "p50 latency",
                   "p95 latency", "p99 latency", "max latency"},
                  {},
                  {}};
  for (const TrafficResult& source : run.traffic) {
    std::vector<HtmlCell> row{{source.name, ""},
                              {source.traffic_class, ""},
                              count_cell(source.injected),
                              count_cell(source.delivered),
                              share_cell(source.delivered, source.inbox_share())};
    for (HtmlCell& cell : latency_cells(source.delivered, source.latency)) row.push_back(std::move(cell));
    table.rows.push_back(std::move(row));
  }
  return table;
}

HtmlTable identity_table(const RunResult& run) {
  HtmlTable table{"identities", {"kind", "id", "provider", "final tier", "score", "peak spam rate"}, {}, {}};
  for (const IdentityResult& identity : run.identities) {
    table.rows.push_back(
        {{std::string(identity_kind_name(identity.kind)), ""},
         {identity.id, ""},
         {identity.provider, ""},
         {std::string(tier_name(identity.final_tier)), tier_class(identity.final_tier)},
         {format_fixed(identity.final_score, 2), "num"},
         {format_percent(identity.peak_spam_rate, 2),
          spam_rate_class(identity.peak_spam_rate, provider_thresholds(run, identity.provider))}});
  }
  return table;
}

/// A filter colour's text class: the report's good, warning and bad colours.
std::string filter_colour_class(FilterColour colour) {
  switch (colour) {
    case FilterColour::Green:
      return "normal";
    case FilterColour::Yellow:
      return "unusual";
    case FilterColour::Red:
      return "act";
  }
  return "";
}

HtmlTable filter_colour_table(const RunResult& run) {
  HtmlTable table{
      "filter-colours", {"provider", "ip", "green days", "yellow days", "red days", "worst colour"}, {}, {}};
  for (const IdentityResult& identity : run.identities) {
    if (!identity.filter_colours) continue;
    const FilterColourDays& days = *identity.filter_colours;
    const std::optional<FilterColour> worst = days.worst();
    table.rows.push_back({{identity.provider, ""},
                          {identity.id, ""},
                          count_cell(days.green),
                          count_cell(days.yellow),
                          count_cell(days.red),
                          worst
                              ? HtmlCell{std::string(filter_colour_name(*worst)), filter_colour_class(*worst)}
                              : HtmlCell{"none", ""}});
  }
  return table;
}

HtmlTable alert_table(const RunResult& run) {
  HtmlTable table{
      "alerts", {"provider", "level", "from (UTC)", "from start", "hours", "peak deferral share"}, {}, {}};
  struct Span {
    const Alert* first;
    int hours;
    double peak;
  };
  std::vector<Span> spans;
  for (const Alert& alert : run.alerts) {
    const auto open = std::find_if(spans.rbegin(), spans.rend(), [&](const Span& span) {
      return span.first->provider == alert.provider && span.first->level == alert.level &&
             span.first->hour_start_s + 3600.0 * span.hours == alert.hour_start_s;
    });
    if (open != spans.rend()) {
      ++open->hours;
      open->peak = std::max(open->peak, alert.deferral_share);
    } else {
      spans.push_back({&alert, 1, alert.deferral_share});
    }
  }
  for (const Span& span : spans) {
    table.rows.push_back({{span.first->provider, ""},
                          {span.first->level, span.first->level},
                          {utc_text(run.start_date, span.first->hour_start_s), ""},
                          span_cell(span.first->hour_start_s),
                          count_cell(span.hours),
                          {format_percent(span.peak, 1), "num " + span.first->level}});
  }
  return table;
}

}  // namespace delivsim::report

#include "sim/output/summary_table.h"

#include <algorithm>
#include <utility>

#include "sim/output/drain_state.h"
#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"

namespace delivsim {

namespace {

constexpr std::size_t kTopDeferralRepliesShown = 3;
constexpr std::size_t kAlertsShown = 5;
constexpr std::string_view kSectionIndent = "  ";
/// The delivered-mail section's title: its last five columns are latencies.
constexpr std::string_view kDeliveredHeading =
    "Delivered mail: inbox or spam folder, and latency from injection to delivery (mean, p50, p95, p99, max)";
/// The filter-colour section's title: the colours are an assumption (docs/model.md).
constexpr std::string_view kFilterColoursHeading =
    "Filter colours per IP, days by colour (SNDS-style, assumed: each day's spam-folder share; "
    "docs/model.md)";
/// Shown in the TOTAL row for figures that exist only per provider.
constexpr std::string_view kNotApplicable = "-";

using Align = TextTable::Align;

std::string heading_line(const RunResult& result) {
  return "Scenario " + result.scenario + "  seed " + std::to_string(result.seed) + "  simulated " +
         format_fixed(to_seconds(result.simulated) / 86400.0, 2) + " days from " + result.start_date + "  (" +
         format_count(result.events_processed) + " events)\n";
}

/// The counting cells that provider rows and the TOTAL row share; no deferral rate without an attempt.
std::vector<std::string> count_cells(const std::string& name, const MessageCounts& counts,
                                     double deferral_rate) {
  return {name,
          format_count(counts.injected),
          format_count(counts.delivered),
          format_count(counts.bounced),
          format_count(counts.expired),
          format_count(counts.queued_at_end),
          format_count(counts.attempts),
          counts.attempts > 0 ? format_percent(deferral_rate, 1) : std::string(kNotApplicable)};
}

std::string providers_section(const RunResult& result) {
  TextTable table({{"provider", Align::Left},
                   {"injected"},
                   {"delivered"},
                   {"bounced"},
                   {"expired"},
                   {"queued"},
                   {"attempts"},
                   {"deferral %"},
                   {"max queue"},
                   {"drain", Align::Left}});
  for (std::size_t p = 0; p < result.providers.size(); ++p) {
    const ProviderResult& provider = result.providers[p];
    std::vector<std::string> cells = count_cells(provider.name, provider.counts, provider.deferral_rate);
    cells.push_back(format_count(provider.max_queue));
    cells.push_back(drain_text(result, p));
    table.add_row(std::move(cells));
  }
  std::vector<std::string> total = count_cells("TOTAL", result.totals, result.totals.deferral_rate());
  total.insert(total.end(), 2, std::string(kNotApplicable));
  table.add_row(std::move(total));
  return table.render();
}

/// The cells of one row of the delivered-mail section, after its name (and class). Nothing delivered has
/// no inbox share and no latency (summary.json writes 0 for them).
std::vector<std::string> delivered_cells(std::int64_t delivered, std::int64_t inbox, double inbox_share,
                                         const LatencySummary& latency) {
  std::vector<std::string> cells{format_count(delivered), format_count(inbox),
                                 format_count(delivered - inbox)};
  if (delivered == 0) {
    cells.insert(cells.end(), 6, std::string(kNotApplicable));
    return cells;
  }
  cells.insert(cells.end(), {format_percent(inbox_share, 1), format_short_duration(latency.mean_s),
                             format_short_duration(latency.p50_s), format_short_duration(latency.p95_s),
                             format_short_duration(latency.p99_s), format_short_duration(latency.max_s)});
  return cells;
}

/// The columns of the delivered-mail tables after the first `leading` ones.
std::vector<TextTable::Column> delivered_columns(std::vector<TextTable::Column> leading) {
  for (const char* heading : {"delivered", "inbox", "spam", "inbox %", "mean", "p50", "p95", "p99", "max"}) {
    leading.push_back({heading});
  }
  return leading;
}

/// Where delivered mail went (inbox or spam folder) and how long it took, per provider and per traffic
/// source.
std::string delivered_section(const RunResult& result) {
  TextTable providers(delivered_columns({{"provider", Align::Left}}));
  for (const ProviderResult& provider : result.providers) {
    std::vector<std::string> cells{provider.name};
    for (std::string& cell : delivered_cells(provider.counts.delivered, provider.counts.delivered_inbox,
                                             provider.counts.inbox_share(), provider.latency)) {
      cells.push_back(std::move(cell));
    }
    providers.add_row(std::move(cells));
  }
  std::string text = std::string(kDeliveredHeading) + "\n" + providers.render(kSectionIndent);
  if (result.traffic.empty()) return text;
  TextTable traffic(delivered_columns({{"traffic", Align::Left}, {"class", Align::Left}}));
  for (const TrafficResult& source : result.traffic) {
    std::vector<std::string> cells{source.name, source.traffic_class};
    for (std::string& cell :
         delivered_cells(source.delivered, source.delivered_inbox, source.inbox_share(), source.latency)) {
      cells.push_back(std::move(cell));
    }
    traffic.add_row(std::move(cells));
  }
  return text + traffic.render(kSectionIndent);
}

/// The most frequent replies first; equal counts in reply order, so the listing is deterministic.
std::vector<std::pair<std::string, std::int64_t>> top_replies(
    const std::map<std::string, std::int64_t>& counts, std::size_t how_many) {
  std::vector<std::pair<std::string, std::int64_t>> sorted(counts.begin(), counts.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  sorted.resize(std::min(how_many, sorted.size()));
  return sorted;
}

std::string deferral_replies_section(const RunResult& result) {
  TextTable table({{"provider", Align::Left}, {"reply", Align::Left}, {"deferrals"}});
  for (const ProviderResult& provider : result.providers) {
    const auto replies = top_replies(provider.deferrals_by_reply, kTopDeferralRepliesShown);
    if (replies.empty()) table.add_row({provider.name, "none", ""});
    for (std::size_t i = 0; i < replies.size(); ++i) {
      table.add_row({i == 0 ? provider.name : "", replies[i].first, format_count(replies[i].second)});
    }
  }
  return "Top deferral replies\n" + table.render(kSectionIndent);
}

std::string identities_section(const RunResult& result) {
  if (result.identities.empty()) return "Identities: none\n";
  TextTable table({{"kind", Align::Left},
                   {"id", Align::Left},
                   {"provider", Align::Left},
                   {"tier", Align::Left},
                   {"score"},
                   {"peak spam rate"}});
  for (const IdentityResult& identity : result.identities) {
    table.add_row({std::string(identity_kind_name(identity.kind)), identity.id, identity.provider,
                   std::string(tier_name(identity.final_tier)), format_fixed(identity.final_score, 2),
                   format_percent(identity.peak_spam_rate, 2)});
  }
  return "Identities\n" + table.render(kSectionIndent);
}

/// The IPs' SNDS-style filter colour days, for providers whose profile has colour bands; empty when none has.
std::string filter_colours_section(const RunResult& result) {
  TextTable table({{"provider", Align::Left},
                   {"ip", Align::Left},
                   {"green days"},
                   {"yellow days"},
                   {"red days"},
                   {"worst", Align::Left}});
  bool any = false;
  for (const IdentityResult& identity : result.identities) {
    if (!identity.filter_colours) continue;
    any = true;
    const FilterColourDays& days = *identity.filter_colours;
    const std::optional<FilterColour> worst = days.worst();
    table.add_row({identity.provider, identity.id, format_count(days.green), format_count(days.yellow),
                   format_count(days.red), worst ? std::string(filter_colour_name(*worst)) : "none"});
  }
  if (!any) return {};
  return std::string(kFilterColoursHeading) + "\n" + table.render(kSectionIndent) + "\n";
}

std::string alerts_section(const RunResult& result) {
  std::string text = "Alerts: " + format_count(static_cast<std::int64_t>(result.alerts.size())) + "\n";
  if (result.alerts.empty()) return text;
  TextTable table(
      {{"provider", Align::Left}, {"hour from", Align::Left}, {"deferral share"}, {"level", Align::Left}});
  const std::size_t shown = std::min(kAlertsShown, result.alerts.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const Alert& alert = result.alerts[i];
    table.add_row({alert.provider, format_elapsed(alert.hour_start_s),
                   format_percent(alert.deferral_share, 1), alert.level});
  }
  text += table.render(kSectionIndent);
  if (shown < result.alerts.size()) {
    text += std::string(kSectionIndent) + "... and " +
            format_count(static_cast<std::int64_t>(result.alerts.size() - shown)) + " more\n";
  }
  return text;
}

}  // namespace

std::string format_summary_table(const RunResult& result) {
  return heading_line(result) + "\n" + providers_section(result) + "\n" + delivered_section(result) + "\n" +
         deferral_replies_section(result) + "\n" + identities_section(result) + "\n" +
         filter_colours_section(result) + alerts_section(result);
}

}  // namespace delivsim

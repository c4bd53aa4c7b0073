#include "sim/report/live_report.h"

#include <algorithm>
#include <numeric>

#include "sim/output/duration_format.h"
#include "sim/output/identity_groups.h"
#include "sim/output/number_format.h"
#include "sim/output/output_dir.h"
#include "sim/report/html_escape.h"
#include "sim/report/live_tables.h"
#include "sim/report/run_charts.h"

namespace delivsim::report {

namespace {

/// The run the chart builders draw: the providers with their profiles' thresholds, and each identity's
/// standing with each provider at the end.
RunResult chart_run_of(const LiveSummary& live) {
  RunResult run;
  run.scenario = live.scenario;
  run.start_date = live.start_date;
  run.simulated = live.model_time;
  for (const LiveProvider& provider : live.providers) {
    ProviderResult result;
    result.name = provider.name;
    result.profile = provider.profile;
    result.thresholds = provider.thresholds;
    run.providers.push_back(std::move(result));
    for (const LiveIdentity& identity : provider.identities) {
      IdentityResult shown;
      shown.kind = identity.kind;
      shown.id = identity.id;
      shown.provider = provider.name;
      shown.final_tier = identity.tier;
      shown.final_score = identity.score;
      run.identities.push_back(std::move(shown));
    }
  }
  return run;
}

/// True when the MTA reached `provider`: a connection (admitted or refused) or a reply about mail.
bool heard_from(const LiveProvider& provider) {
  return provider.connections > 0 || provider.connections_refused > 0 || provider.attempts > 0;
}

/// `count` summed over the providers (live_summary_from_json checked that it fits).
std::int64_t total(const LiveSummary& live, std::int64_t LiveProvider::*count) {
  return std::accumulate(
      live.providers.begin(), live.providers.end(), std::int64_t{0},
      [&](std::int64_t sum, const LiveProvider& provider) { return sum + provider.*count; });
}

std::string meta_line(const LiveSummary& live) {
  return "live run from " + live.start_date + ": " + format_elapsed(to_seconds(live.model_time)) +
         " of model time, its clock running " + format_significant(live.time_scale) +
         " times as fast as real time";
}

std::vector<HeadlineCard> fact_cards(const LiveSummary& live) {
  const auto total_card = [&](const char* label, std::int64_t LiveProvider::*count, const char* detail) {
    return HeadlineCard{label, format_count(total(live, count)), detail, ""};
  };
  return {
      {"Model time covered", format_elapsed(to_seconds(live.model_time)), "", ""},
      {"Time scale", format_significant(live.time_scale) + "\u00d7", "model seconds per real second", ""},
      {"Clients refused as unknown", format_count(live.unknown_clients), "no sending IP of the scenario", ""},
      total_card("Connections", &LiveProvider::connections, "admitted, all providers"),
      total_card("Replies about mail", &LiveProvider::attempts, "one per recipient"),
      total_card("Accepted", &LiveProvider::delivered, "recipients"),
      total_card("Deferrals", &LiveProvider::deferrals, "4xx"),
      total_card("Bounces", &LiveProvider::bounces, "5xx")};
}

/// True when the series has a quota column of an identity of `provider`.
bool has_quota(const RunView& view, const std::string& provider) {
  return std::any_of(
      view.run.identities.begin(), view.run.identities.end(), [&](const IdentityResult& identity) {
        return identity.provider == provider && view.series.find(identity_column(identity, "quota_per_hour"));
      });
}

std::string charts_html(const LiveFolder& folder) {
  const RunResult run = chart_run_of(folder.summary);
  const RunView view{run, folder.series};
  const TimeAxis time = time_axis(to_seconds(run.simulated));
  std::string out = element("p",
                            "No queue chart: in live mode the receiver cannot see the sending MTA's queue "
                            "(read it from the MTA itself).");
  out += "<div class=\"charts\">\n" + attempts_chart_svg(view, time) + "</div>\n";
  std::string silent;
  for (const LiveProvider& provider : folder.summary.providers) {
    if (!heard_from(provider)) {
      silent += (silent.empty() ? "" : ", ") + provider.name;
      continue;
    }
    if (provider.identities.empty()) continue;
    out += element("h3", "Identities with " + provider.name);
    out += "<div class=\"charts\">\n" + reputation_chart_svg(view, time, provider.name) +
           spam_rate_chart_svg(view, time, provider.name) +
           (has_quota(view, provider.name) ? quota_chart_svg(view, time, provider.name) : "") + "</div>\n";
  }
  if (!silent.empty()) {
    out += element("p", "No connection reached " + silent +
                            ": their identities are in the table below, without charts.");
  }
  return out;
}

}  // namespace

LiveFolder read_live_folder(const std::filesystem::path& dir, const nlohmann::ordered_json& summary) {
  LiveFolder folder;
  folder.summary = live_summary_from_json(summary, dir / kSummaryJsonName);
  folder.series = read_timeseries_csv(dir / kTimeseriesCsvName);
  return folder;
}

std::string live_folder_html(const LiveFolder& folder) {
  const LiveSummary& live = folder.summary;
  std::string out = element("h1", "delivsim live report: " + live.scenario, "title");
  out += "<p class=\"meta\">" + escape_xml(meta_line(live)) + "</p>\n";
  out += cards_html(fact_cards(live));
  out += element("h2", "Charts", "charts-section");
  out += charts_html(folder);
  out += element("h2", "Providers", "providers-section") + table_html(live_provider_table(live));
  out += element("h2", "Deferrals and bounces by reply", "replies-section");
  const HtmlTable replies = live_reply_table(live);
  out += replies.rows.empty() ? element("p", "No deferrals or bounces.") : table_html(replies);
  out += element("h2", "Identities", "identities-section") + table_html(live_identity_table(live));
  return out;
}

}  // namespace delivsim::report

#include "sim/report/run_report.h"

#include <cmath>
#include <string_view>

#include "models/provider_profile.h"
#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/report/figure_format.h"
#include "sim/report/html_escape.h"
#include "sim/report/run_charts.h"
#include "sim/report/run_tables.h"
#include "sim/report/run_thresholds.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim::report {

namespace {

/// The colour class of a figure's value: deferral rate by the alert levels of `run`'s judged provider, tier
/// by tier.
std::string card_class(std::string_view key, std::optional<double> value, const RunResult& run) {
  if (!value) return "";
  if (key == "deferral_rate") return deferral_class(*value, judged_thresholds(run));
  if (key == "final_tier") return tier_class(static_cast<Tier>(static_cast<int>(std::lround(*value))));
  return "";
}

std::string meta_line(const RunFolder& folder) {
  const RunResult& run = folder.run;
  std::string meta = "simulated " + format_elapsed(to_seconds(run.simulated)) + " from " + run.start_date;
  if (!folder.is_replications()) {
    return "seed " + std::to_string(run.seed) + " · " + meta + " · " + format_count(run.events_processed) +
           " events";
  }
  std::string seeds;
  for (const RunResult& replication : folder.replications) {
    seeds += (seeds.empty() ? "" : ", ") + std::to_string(replication.seed);
  }
  return format_count_noun(folder.replications.size(), "replication", "replications") + " (seeds " + seeds +
         ") · " + meta;
}

/// "5% unusual, 15% act" when every provider has the same alert levels, else per provider:
/// "gmail: 5% unusual, 15% act; other: 10% unusual, 20% act".
std::string alert_levels_text(const RunResult& run) {
  const auto levels = [](const ProviderThresholds& thresholds) {
    return format_significant(thresholds.alert_unusual_share * 100, 3) + "% unusual, " +
           format_significant(thresholds.alert_act_share * 100, 3) + "% act";
  };
  std::string each;
  bool same = true;
  for (const ProviderResult& provider : run.providers) {
    each += (each.empty() ? "" : "; ") + provider.name + ": " + levels(provider.thresholds);
    same = same && levels(provider.thresholds) == levels(run.providers.front().thresholds);
  }
  return same ? levels(judged_thresholds(run)) : each;
}

/// The IPs' SNDS-style filter colours, only when a provider's profile has colour bands (microsoft).
std::string filter_colours_html(const RunResult& run, bool replications) {
  const HtmlTable table = filter_colour_table(run);
  if (table.rows.empty()) return "";
  std::string bands = "by the provider's bands";
  for (const ProviderResult& provider : run.providers) {
    const ProviderProfile* profile = find_provider_profile(provider.profile);
    if (!provider.filter_colours || profile == nullptr || !profile->filter_colours) continue;
    const FilterColourBands& b = *profile->filter_colours;
    bands = "Green when at most " + format_significant(b.green_max_share * 100, 3) +
            "% of the day's delivered mail was judged spam, Yellow up to " +
            format_significant(b.yellow_max_share * 100, 3) +
            "%, Red above (bands: " + std::string(b.source) + ")";
    break;
  }
  return element("h2", replications ? "Filter colours (first replication)" : "Filter colours",
                 "filter-colours-section") +
         element("p",
                 "SNDS-style colours of each IP's days with the provider (days on which it delivered "
                 "mail): " +
                     bands +
                     ". Assumed: the model's spam-folder placement stands for SNDS's spam verdict, so a "
                     "colour is only as good as the modelled placement.") +
         table_html(table);
}

std::string tables_html(const RunResult& run, bool replications) {
  std::string out =
      element("h2", replications ? "Providers (first replication)" : "Providers", "providers-section");
  out += table_html(provider_table(run));
  out += element("h2", "Traffic sources") + table_html(traffic_table(run));
  out += element("h2", replications ? "Identities (first replication)" : "Identities") +
         table_html(identity_table(run));
  out += filter_colours_html(run, replications);
  out += element("h2", replications ? "Alerts (first replication)" : "Alerts", "alerts-section");
  const std::string levels = alert_levels_text(run);
  if (run.alerts.empty()) {
    out += element(
        "p", "No alerts: no hour's deferral share crossed its provider's alert levels (" + levels + ").");
  } else {
    out += element("p", std::to_string(run.alerts.size()) +
                            " alert hours (deferral share above the levels: " + levels +
                            "), merged into spans:");
    out += table_html(alert_table(run));
  }
  return out;
}

}  // namespace

std::string run_charts_html(const RunView& view) {
  const TimeAxis time = time_axis(to_seconds(view.run.simulated));
  std::string out =
      "<div class=\"charts\">\n" + queue_chart_svg(view, time) + attempts_chart_svg(view, time) + "</div>\n";
  for (const std::string& provider : providers_with_identities(view.run)) {
    out += element("h3", "Identities with " + provider);
    out += "<div class=\"charts\">\n" + reputation_chart_svg(view, time, provider) +
           spam_rate_chart_svg(view, time, provider) + quota_chart_svg(view, time, provider) + "</div>\n";
  }
  return out;
}

std::vector<HeadlineCard> run_headline_cards(const RunResult& run) {
  const Headline headline = headline_of(run);
  std::vector<HeadlineCard> cards;
  for (const HeadlineFigure& figure : headline_figures()) {
    const std::optional<double> value = figure.value(headline);
    cards.push_back({figure_heading(figure.label), format_figure(figure.key, value), "",
                     card_class(figure.key, value, run)});
  }
  return cards;
}

std::vector<HeadlineCard> replication_headline_cards(const std::vector<RunResult>& replications) {
  std::vector<Headline> headlines;
  for (const RunResult& run : replications) headlines.push_back(headline_of(run));
  std::vector<HeadlineCard> cards;
  for (const HeadlineFigure& figure : headline_figures()) {
    std::vector<double> values;
    for (const Headline& headline : headlines) {
      if (const std::optional<double> value = figure.value(headline)) values.push_back(*value);
    }
    // As in the aggregate summary and compare.json: a figure missing in some replication (never drained)
    // has no mean; the detail gives the range of the others.
    const std::size_t missing = headlines.size() - values.size();
    HeadlineCard card{figure_heading(figure.label), format_figure(figure.key, std::nullopt), "", ""};
    if (missing > 0)
      card.detail =
          "in " + std::to_string(missing) + " of " + std::to_string(headlines.size()) + " replications";
    if (!values.empty()) {
      const SampleStats stats = sample_stats(values);
      const std::string range =
          format_figure(figure.key, stats.p5) + " – " + format_figure(figure.key, stats.p95);
      if (missing == 0) {
        card.value = format_figure(figure.key, stats.mean);
        card.detail = "p5–p95: " + range;
        card.css_class = card_class(figure.key, stats.mean, replications.front());
      } else {
        card.detail += "; the others p5–p95: " + range;
      }
    }
    cards.push_back(std::move(card));
  }
  return cards;
}

std::string run_folder_html(const RunFolder& folder) {
  const bool replications = folder.is_replications();
  std::string out = element("h1", "delivsim report: " + folder.run.scenario, "title");
  out += "<p class=\"meta\">" + escape_xml(meta_line(folder)) + "</p>\n";
  out += cards_html(replications ? replication_headline_cards(folder.replications)
                                 : run_headline_cards(folder.run));
  if (replications) {
    out += element("p",
                   "Headline figures are means over the replications with their 5th–95th percentiles; "
                   "charts show the mean line over a shaded p5–p95 band.");
  }
  out += element("h2", "Charts", "charts-section");
  out += run_charts_html(RunView{folder.run, folder.series});
  out += tables_html(folder.run, replications);
  return out;
}

}  // namespace delivsim::report

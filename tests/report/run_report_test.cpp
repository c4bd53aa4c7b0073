#include <gtest/gtest.h>

#include "sim/output/chart_palette.h"
#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/report/chart_axis.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "sim/report/svg_chart.h"
#include "sim/report/tier_bands.h"
#include "tests/report/report_fixture.h"
#include "tests/report/xml_check.h"

namespace delivsim::report {
namespace {

using testing::fresh_test_dir;

/// The part of `html` from the element with id `id` to the end of that element's first closing `</div>`.
std::string headline_block(const std::string& html) {
  const std::size_t start = html.find("<div id=\"headline\">");
  return start == std::string::npos ? "" : html.substr(start, html.find("</div>\n</div>", start) - start);
}

/// The colour class of the value on the headline card labelled `label` ("" when it has none).
std::string card_class_of(const std::string& html, const std::string& label) {
  const std::string block = headline_block(html);
  const std::size_t at = block.find("<div class=\"label\">" + label + "</div>");
  if (at == std::string::npos) return "";
  const std::size_t value = block.find("<div class=\"value", at) + std::string("<div class=\"value").size();
  const std::string classes = block.substr(value, block.find('"', value) - value);
  return classes.empty() ? "" : classes.substr(1);
}

/// The value shown on the headline card labelled `label`.
std::string card_value(const std::string& html, const std::string& label) {
  const std::string block = headline_block(html);
  const std::size_t at = block.find("<div class=\"label\">" + label + "</div>");
  if (at == std::string::npos) return "";
  const std::size_t value = block.find('>', block.find("<div class=\"value", at)) + 1;
  return block.substr(value, block.find("</div>", value) - value);
}

class RunReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = testing::small_report_scenario().run();
    dir_ = fresh_test_dir() / "run";
    write_run_outputs(result_, dir_, false);
  }
  RunResult result_;
  std::filesystem::path dir_;
};

TEST_F(RunReportTest, HasTheFiveChartsAsWellFormedSvg) {
  const std::string html = report_html(dir_);
  for (const char* id :
       {"chart-queue", "chart-attempts", "chart-reputation-p", "chart-spam-rate-p", "chart-quota-p"}) {
    EXPECT_NE(html.find(std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"") + id + "\""),
              std::string::npos)
        << id;
  }
  const std::vector<std::string> svgs = testing::svg_elements(html);
  EXPECT_EQ(svgs.size(), 5u);
  for (const std::string& svg : svgs) EXPECT_EQ(testing::xml_problem(svg), "") << svg.substr(0, 200);
  const std::size_t body = html.find("<body>");
  EXPECT_EQ(testing::xml_problem(html.substr(body, html.find("</body>") + 7 - body)), "");
  EXPECT_NE(html.find("Time (hours)"), std::string::npos);  // a one-day run
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no external resources
}

TEST_F(RunReportTest, HeadlineFiguresAreTheRunsOwn) {
  const Headline headline = headline_of(result_);
  ASSERT_GT(result_.totals.bounced, 0);
  ASSERT_GT(result_.totals.deferrals, 0);
  const std::string html = report_html(dir_);
  EXPECT_EQ(card_value(html, "Delivered share"), format_percent(headline.delivered_share, 1));
  EXPECT_EQ(card_value(html, "Deferral rate"), format_percent(headline.deferral_rate, 2));
  EXPECT_EQ(card_value(html, "Bounced"), format_count(result_.totals.bounced));
  EXPECT_EQ(card_value(html, "Expired"), format_count(result_.totals.expired));
  EXPECT_EQ(card_value(html, "Max queue"), format_count(headline.max_queue));
  EXPECT_EQ(card_value(html, "Final tier"), std::string(tier_name(*headline.final_tier)));
  ASSERT_TRUE(headline.time_to_drain_s.has_value());
  EXPECT_EQ(card_value(html, "Time to drain"), format_elapsed(*headline.time_to_drain_s));
  EXPECT_EQ(card_value(html, "p95 latency"), format_elapsed(headline.p95_latency_s));
}

TEST_F(RunReportTest, HasTheTables) {
  const std::string html = report_html(dir_);
  for (const char* id : {"providers", "traffic", "identities"}) {
    EXPECT_NE(html.find(std::string("<table id=\"") + id + "\">"), std::string::npos) << id;
  }
  EXPECT_NE(html.find("<td>192.0.2.1</td>"), std::string::npos);
  EXPECT_NE(html.find("550 5.1.1"), std::string::npos) << "bounces by reply are not in the table";
}

TEST_F(RunReportTest, HasNoFilterColoursWithoutAProviderWithBands) {
  EXPECT_EQ(report_html(dir_).find("filter-colours"), std::string::npos);
}

TEST(RunReportAlone, MicrosoftRunShowsEachIpsFilterColourDays) {
  testing::SmallScenario scenario = testing::small_report_scenario();
  scenario.provider = "{profile: microsoft, domains: [\"*\"]}";
  const RunResult result = scenario.run();
  const std::filesystem::path dir = fresh_test_dir() / "run";
  write_run_outputs(result, dir, false);
  const std::string html = report_html(dir);
  const std::size_t table = html.find("<table id=\"filter-colours\">");
  ASSERT_NE(table, std::string::npos);
  EXPECT_NE(
      html.find("Green when at most 10% of the day&#39;s delivered mail was judged spam, Yellow up to 90%"),
      std::string::npos);
  EXPECT_NE(html.find("Return Path", html.find("filter-colours-section")), std::string::npos);
  const std::string rows = html.substr(table, html.find("</table>", table) - table);
  EXPECT_NE(rows.find("<td>192.0.2.1</td>"), std::string::npos) << rows;
  EXPECT_NE(rows.find("<td class=\"normal\">green</td>"), std::string::npos) << "a warm IP, a clean list";
}

TEST_F(RunReportTest, SameFolderSameBytes) {
  EXPECT_EQ(report_html(dir_), report_html(dir_));
}

TEST(RunReportAlone, HostileNamesAreEscaped) {
  RunResult result = testing::small_report_scenario().run();
  result.scenario = "<script>alert('x')</script> & \"co\"";
  const std::filesystem::path dir = fresh_test_dir() / "run";
  write_run_outputs(result, dir, false);
  const std::string html = report_html(dir);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;"),
            std::string::npos);
}

TEST(RunReportAlone, LongRunsUseDaysAndAlertsAreMerged) {
  testing::SmallScenario scenario = testing::small_report_scenario();
  scenario.duration = "4d";  // over 72 h (sim/output/days_axis.h)
  scenario.recipients = 20000;
  scenario.destination = "{max_smtp_out: 20}";
  const RunResult result = scenario.run();
  ASSERT_FALSE(result.alerts.empty());
  const std::filesystem::path dir = fresh_test_dir() / "run";
  write_run_outputs(result, dir, false);
  const std::string html = report_html(dir);
  EXPECT_NE(html.find("Time (days)"), std::string::npos);
  ASSERT_NE(html.find("<table id=\"alerts\">"), std::string::npos);
  const std::string alerts = html.substr(html.find("<table id=\"alerts\">"));
  const std::size_t rows =
      static_cast<std::size_t>(std::count(alerts.begin(), alerts.begin() + alerts.find("</table>"), '\n')) -
      1;
  EXPECT_LT(rows, result.alerts.size());  // consecutive hours became spans
}

/// The <svg> element with id `id` in `html`, or "".
std::string svg_with_id(const std::string& html, const std::string& id) {
  for (const std::string& svg : testing::svg_elements(html)) {
    if (svg.find(" id=\"" + id + "\"") != std::string::npos) return svg;
  }
  return "";
}

/// The vertical extent and colour of a <rect>: `y="..." height="..." fill="..."`.
std::string rect_y_height_fill(const std::string& rect) {
  const auto attribute = [&](const std::string& name) {
    const std::size_t at = rect.find(" " + name + "=\"");
    return at == std::string::npos ? std::string()
                                   : rect.substr(at, rect.find('"', at + name.size() + 3) - at + 1);
  };
  return attribute("y") + attribute("height") + attribute("fill");
}

/// rect_y_height_fill() of each shaded band (a <rect> with a fill-opacity) in `svg`.
std::vector<std::string> band_rects(const std::string& svg) {
  std::vector<std::string> rects;
  for (std::size_t at = svg.find("<rect"); at != std::string::npos; at = svg.find("<rect", at + 1)) {
    const std::string rect = svg.substr(at, svg.find('>', at) - at);
    if (rect.find("fill-opacity") != std::string::npos) rects.push_back(rect_y_height_fill(rect));
  }
  return rects;
}

/// Where a score chart draws a band from score `low` to `high` in `tier`'s colour (its y, height, fill).
std::string band_at(double low, double high, Tier tier) {
  SvgChart probe("probe", "", value_axis("x", 1), score_axis());
  probe.band(low, high, tier_rgb(tier), 0.5);
  return band_rects(probe.svg()).at(0);
}

TEST(RunReportAlone, ChartsAndColoursUseTheProvidersOwnThresholds) {
  // The run defers about 1.9% of its attempts: "normal" at Gmail's 5%, "unusual" above 1%.
  testing::SmallScenario scenario = testing::small_report_scenario();
  scenario.provider =
      "{profile: gmail, domains: [\"*\"], params: {max_connections_per_ip: 2, tier_high_min: 0.9, "
      "spam_rate_bad: 0.005, alert_unusual_share: 0.01, alert_act_share: 0.5}}";
  const RunResult result = scenario.run();
  ASSERT_GT(result.totals.deferral_rate(), 0.01);
  ASSERT_LT(result.totals.deferral_rate(), 0.05);
  const std::filesystem::path dir = fresh_test_dir() / "run";
  write_run_outputs(result, dir, false);
  const std::string html = report_html(dir);

  const std::string reputation = svg_with_id(html, "chart-reputation-p");
  const std::vector<std::string> bands = band_rects(reputation);
  ASSERT_EQ(bands.size(), 4u) << reputation;
  EXPECT_EQ(bands, (std::vector<std::string>{band_at(0, 0.3, Tier::Bad), band_at(0.3, 0.55, Tier::Low),
                                             band_at(0.55, 0.9, Tier::Medium), band_at(0.9, 1, Tier::High)}));

  const std::string spam_rate = svg_with_id(html, "chart-spam-rate-p");
  EXPECT_NE(spam_rate.find(">never reach 0.5%<"), std::string::npos);
  EXPECT_EQ(spam_rate.find(">never reach 0.3%<"), std::string::npos);
  EXPECT_NE(spam_rate.find(">keep below 0.1%<"), std::string::npos);  // not overridden

  EXPECT_EQ(card_class_of(html, "Deferral rate"), "unusual");
  EXPECT_NE(html.find("<td class=\"num unusual\">" + format_percent(result.totals.deferral_rate(), 2)),
            std::string::npos);
  EXPECT_NE(html.find("levels: 1% unusual, 50% act)"), std::string::npos);  // above the alerts table
}

TEST(RunReportAlone, EmptyOrMissingFolderHasNothingToReport) {
  const std::filesystem::path dir = fresh_test_dir();
  EXPECT_THROW(report_html(dir / "absent"), ReportInputError);
  try {
    report_html(dir);
    FAIL() << "an empty folder was reported";
  } catch (const ReportInputError& e) {
    EXPECT_NE(std::string(e.what()).find("summary.json"), std::string::npos) << e.what();
  }
}

TEST(RunReportAlone, MalformedSummaryIsReportInputError) {
  const std::filesystem::path dir = fresh_test_dir();
  testing::write_file(dir / "summary.json", "{\"scenario\": 3}");
  testing::write_file(dir / "timeseries.csv", "t_s\n0\n");
  EXPECT_THROW(report_html(dir), ReportInputError);
}

}  // namespace
}  // namespace delivsim::report

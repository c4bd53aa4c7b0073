#include <gtest/gtest.h>

#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"
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

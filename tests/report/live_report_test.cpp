// The report of a live run's folder (`delivsim serve --out DIR`), on a real one
// (tests/report/live_fixture.h).
#include <gtest/gtest.h>

#include "sim/report/report.h"
#include "tests/report/live_fixture.h"
#include "tests/report/xml_check.h"

namespace delivsim::report {
namespace {

using testing::kLiveFolder;
using testing::read_file;
using testing::write_file;

bool has_chart(const std::string& html, const std::string& id) {
  return html.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\"") != std::string::npos;
}

/// The <tr> rows of the table with id `id`, header included, as one string.
std::string table_text(const std::string& html, const std::string& id) {
  const std::size_t start = html.find("<table id=\"" + id + "\">");
  return start == std::string::npos ? "" : html.substr(start, html.find("</table>", start) - start);
}

TEST(LiveReport, IsAWellFormedSelfContainedPage) {
  const std::string html = report_html(kLiveFolder);
  EXPECT_NE(html.find("<title>delivsim live report: live-gmail</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1 id=\"title\">delivsim live report: live-gmail</h1>"), std::string::npos);
  const std::size_t body = html.find("<body>");
  EXPECT_EQ(testing::xml_problem(html.substr(body, html.find("</body>") + 7 - body)), "");
  for (const std::string& svg : testing::svg_elements(html)) EXPECT_EQ(testing::xml_problem(svg), "");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), html.find("http://www.w3.org/2000/svg"));  // no external resources
}

TEST(LiveReport, SameFolderSameBytes) {
  EXPECT_EQ(report_html(kLiveFolder), report_html(kLiveFolder));
}

TEST(LiveReport, StatesTheRunsFacts) {
  const std::string html = report_html(kLiveFolder);
  EXPECT_NE(html.find("live run from 2026-01-05T00:00:00Z: 10h 29m of model time, its clock running 3600 "
                      "times as fast as real time"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"label\">Clients refused as unknown</div><div class=\"value\">1</div>"),
            std::string::npos);
  EXPECT_NE(html.find("<div class=\"label\">Replies about mail</div><div class=\"value\">300</div>"),
            std::string::npos);
}

TEST(LiveReport, TablesCarryTheSummarysFigures) {
  const std::string html = report_html(kLiveFolder);
  EXPECT_NE(table_text(html, "live-providers")
                .find("<tr><td>gmail</td><td class=\"num\">12</td><td class=\"num\">0</td><td "
                      "class=\"num\">300</td><td class=\"num\">249</td><td class=\"num\">92.0%</td><td "
                      "class=\"num\">49</td><td class=\"num\">2</td><td class=\"num\">0</td><td "
                      "class=\"num\">0.00%</td><td class=\"num\">8,055</td></tr>"),
            std::string::npos)
      << table_text(html, "live-providers");
  // A provider nothing reached has no shares to show.
  EXPECT_NE(table_text(html, "live-providers").find("<tr><td>yahoo</td>"), std::string::npos);
  const std::string replies = table_text(html, "live-replies");
  EXPECT_NE(replies.find("<tr><td>gmail</td><td>deferral</td><td>421 4.7.0</td><td class=\"num\">49</td><td "
                         "class=\"num\">16.3%</td></tr>"),
            std::string::npos)
      << replies;
  EXPECT_NE(replies.find("<tr><td>gmail</td><td>bounce</td><td>550 5.1.1</td><td class=\"num\">2</td>"),
            std::string::npos)
      << replies;
  EXPECT_LT(replies.find("deferral"), replies.find("bounce"));
  const std::string identities = table_text(html, "live-identities");
  EXPECT_NE(identities.find("<tr><td>gmail</td><td>ip</td><td>203.0.113.10</td><td "
                            "class=\"tier-medium\">MEDIUM</td><td class=\"num\">0.61</td></tr>"),
            std::string::npos)
      << identities;
  EXPECT_NE(identities.find("<tr><td>other</td><td>spf</td><td>news.example.com</td>"), std::string::npos);
}

TEST(LiveReport, DrawsWhatTheSeriesCarriesAndNoQueue) {
  const std::string html = report_html(kLiveFolder);
  EXPECT_TRUE(has_chart(html, "chart-attempts"));
  EXPECT_TRUE(has_chart(html, "chart-reputation-gmail"));
  EXPECT_TRUE(has_chart(html, "chart-spam-rate-gmail"));
  EXPECT_EQ(testing::svg_elements(html).size(), 3u);  // no queue, no quota column, nothing reached the others
  EXPECT_FALSE(has_chart(html, "chart-queue"));
  EXPECT_NE(html.find("No queue chart: in live mode the receiver cannot see the sending MTA"),
            std::string::npos);
  EXPECT_NE(html.find("No connection reached microsoft, yahoo, other"), std::string::npos);
  // The attempts chart stacks the reply that deferred mail.
  const std::string attempts = testing::svg_elements(html).front();
  EXPECT_NE(attempts.find(">421 4.7.0<"), std::string::npos);
}

TEST(LiveReport, DrawsTheQuotaWhenTheSeriesHasIt) {
  const std::filesystem::path dir = testing::fresh_test_dir() / "live";
  std::filesystem::copy(kLiveFolder, dir);
  std::istringstream rows(read_file(kLiveFolder / "timeseries.csv"));
  std::string csv, line;
  for (bool header = true; std::getline(rows, line); header = false) {
    csv += line + (header ? ",gmail.ip[203.0.113.10].quota_per_hour\n" : ",500\n");
  }
  write_file(dir / "timeseries.csv", csv);
  const std::string html = report_html(dir);
  EXPECT_TRUE(has_chart(html, "chart-quota-gmail"));
  EXPECT_FALSE(has_chart(html, "chart-quota-microsoft"));
}

TEST(LiveReport, NothingDeferredOrBouncedSaysSo) {
  const std::filesystem::path dir = testing::live_folder_with_summary([](nlohmann::ordered_json& summary) {
    for (nlohmann::ordered_json& provider : summary["providers"]) {
      provider["deferrals_by_reply"] = nlohmann::ordered_json::object();
      provider["bounces_by_reply"] = nlohmann::ordered_json::object();
    }
  });
  const std::string html = report_html(dir);
  EXPECT_NE(html.find("<p>No deferrals or bounces.</p>"), std::string::npos);
  EXPECT_EQ(html.find("<table id=\"live-replies\">"), std::string::npos);
}

}  // namespace
}  // namespace delivsim::report

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/report/chart_axis.h"
#include "sim/report/html_escape.h"
#include "sim/report/svg_chart.h"
#include "sim/report/thin_points.h"
#include "tests/report/xml_check.h"

namespace delivsim::report {
namespace {

std::vector<std::string> labels(const ChartAxis& axis) {
  std::vector<std::string> out;
  for (const AxisTick& tick : axis.ticks) out.push_back(tick.label);
  return out;
}

TEST(ChartAxisTest, ValueAxisEndsOnANiceTickAboveTheData) {
  const ChartAxis axis = value_axis("Messages", 1234);
  EXPECT_EQ(labels(axis), (std::vector<std::string>{"0", "250", "500", "750", "1,000", "1,250"}));
  EXPECT_EQ(axis.max, 1250);
}

TEST(ChartAxisTest, ValueAxisOfSmallValuesHasDecimalLabels) {
  EXPECT_EQ(labels(value_axis("Percent", 0.36)), (std::vector<std::string>{"0", "0.1", "0.2", "0.3", "0.4"}));
}

TEST(ChartAxisTest, FlatValueAxisStillHasARange) {
  const ChartAxis axis = value_axis("Messages", 0);
  EXPECT_EQ(axis.min, 0);
  EXPECT_GE(axis.max, 1);
}

TEST(ChartAxisTest, TimeAxisIsInHoursUpToThreeDaysThenInDays) {
  const TimeAxis day = time_axis(86400);
  EXPECT_EQ(day.axis.title, "Time (hours)");
  EXPECT_EQ(labels(day.axis), (std::vector<std::string>{"0", "3", "6", "9", "12", "15", "18", "21", "24"}));
  const TimeAxis three_days = time_axis(3 * 86400);
  EXPECT_EQ(three_days.axis.title, "Time (hours)");
  EXPECT_EQ(labels(three_days.axis), (std::vector<std::string>{"0", "12", "24", "36", "48", "60", "72"}));
  EXPECT_EQ(time_axis(3 * 86400 + 3600).axis.title, "Time (days)");
  const TimeAxis fortnight = time_axis(14 * 86400);
  EXPECT_EQ(fortnight.axis.title, "Time (days)");
  EXPECT_EQ(labels(fortnight.axis), (std::vector<std::string>{"0", "2", "4", "6", "8", "10", "12", "14"}));
  EXPECT_DOUBLE_EQ(fortnight.at(3 * 86400), 3);
}

TEST(ThinPointsTest, LongSeriesKeepTheirPeaksInAboutAThousandPoints) {
  std::vector<ChartPoint> points;
  for (int i = 0; i < 5000; ++i) points.push_back({static_cast<double>(i), std::sin(i * 0.01)});
  points[2345].y = 9;  // a one-point spike
  const std::vector<ChartPoint> thinned = thin_line(points);
  EXPECT_LE(thinned.size(), kMaxChartPoints);
  EXPECT_GT(thinned.size(), kMaxChartPoints / 2);
  EXPECT_TRUE(std::any_of(thinned.begin(), thinned.end(), [](const ChartPoint& p) { return p.y == 9; }));
  EXPECT_TRUE(std::is_sorted(thinned.begin(), thinned.end(),
                             [](const ChartPoint& a, const ChartPoint& b) { return a.x < b.x; }));
  const std::vector<ChartPoint> short_series(points.begin(), points.begin() + 100);
  EXPECT_EQ(thin_line(short_series).size(), 100u);
}

TEST(SvgChartTest, EscapesTextAndIsWellFormed) {
  SvgChart chart("chart-x", "Title <b>&</b>", value_axis("x \"units\"", 10), value_axis("y's", 5));
  chart.line({{0, 0}, {5, 2}, {10, 5}}, 0x4e79a7);
  chart.area({{0, 1}, {10, 3}}, {{0, 0}, {10, 0}}, 0x59a14f, 0.5);
  chart.band(0, 2, 0xe15759, 0.2);
  chart.legend("<script>alert(1)</script>", 0x4e79a7);
  const std::string svg = chart.svg();
  EXPECT_EQ(testing::xml_problem(svg), "");
  EXPECT_NE(svg.find("Title &lt;b&gt;&amp;&lt;/b&gt;"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart-x\""), std::string::npos);
}

TEST(SvgChartTest, LegendWrapsIntoMoreRowsWhenItIsLong) {
  SvgChart few("a", "A", value_axis("x", 1), value_axis("y", 1));
  SvgChart many("b", "B", value_axis("x", 1), value_axis("y", 1));
  few.legend("one", 0);
  for (int i = 0; i < 12; ++i) many.legend("a rather long legend label " + std::to_string(i), 0);
  const auto height = [](const std::string& svg) {
    const std::size_t at = svg.find("height=\"") + 8;
    return std::stod(svg.substr(at, svg.find('"', at) - at));
  };
  EXPECT_GT(height(many.svg()), height(few.svg()) + 3 * 18);
}

TEST(HtmlEscapeTest, EscapesTheFiveSpecialCharacters) {
  EXPECT_EQ(escape_xml("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(html_id("gmail.com/x y"), "gmail_com_x_y");
}

}  // namespace
}  // namespace delivsim::report

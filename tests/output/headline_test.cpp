#include "sim/output/headline.h"

#include <gtest/gtest.h>

#include <map>
#include <string_view>

#include "tests/output/sample_run_result.h"

namespace delivsim {
namespace {

TEST(Headline, SummarisesTheSampleRun) {
  const Headline headline = headline_of(sample_run_result());
  EXPECT_DOUBLE_EQ(headline.delivered_share, 1395.0 / 1500.0);
  EXPECT_DOUBLE_EQ(headline.deferral_rate, 415.0 / 2020.0);
  EXPECT_EQ(headline.max_queue, 350);
  EXPECT_FALSE(headline.time_to_drain_s.has_value()) << "gmail never drained";
  EXPECT_DOUBLE_EQ(headline.p95_latency_s, 15120);
  EXPECT_EQ(headline.bounced, 35);
  EXPECT_EQ(headline.expired, 20);
  EXPECT_EQ(headline.final_tier, Tier::Low) << "the worst identity's tier";
}

TEST(Headline, DrainTimeIsTheSlowestProvidersWhenAllDrained) {
  RunResult result = sample_run_result();
  result.providers[0].time_to_drain_s = 1000;
  EXPECT_EQ(headline_of(result).time_to_drain_s, 273600);
}

TEST(Headline, FiguresAreListedOnceEachWithTheirDirection) {
  const auto figures = headline_figures();
  ASSERT_EQ(figures.size(), 8u);
  EXPECT_EQ(figures[0].key, "delivered_share");
  EXPECT_EQ(figures[0].better, Better::Higher);
  Headline headline;
  headline.final_tier = Tier::Low;
  headline.max_queue = 7;
  for (const HeadlineFigure& figure : figures) {
    if (figure.key == "final_tier") {
      EXPECT_EQ(figure.value(headline), 1.0);
    } else if (figure.key == "max_queue") {
      EXPECT_EQ(figure.value(headline), 7.0);
    } else if (figure.key == "time_to_drain_s") {
      EXPECT_FALSE(figure.value(headline).has_value());
    }
  }
}

TEST(Headline, EachFigureNamesTheUnitItsTablesWriteItIn) {
  const std::map<std::string_view, FigureUnit> units{
      {"delivered_share", FigureUnit::Share}, {"deferral_rate", FigureUnit::Share},
      {"max_queue", FigureUnit::Count},       {"time_to_drain_s", FigureUnit::Drain},
      {"p95_latency_s", FigureUnit::Latency}, {"final_tier", FigureUnit::Tier},
      {"bounced", FigureUnit::Count},         {"expired", FigureUnit::Count}};
  for (const HeadlineFigure& figure : headline_figures()) {
    ASSERT_TRUE(units.contains(figure.key)) << figure.key;
    EXPECT_EQ(figure.unit, units.at(figure.key)) << figure.key;
  }
}

TEST(Headline, HeadingsDropTheSecondsSuffixOnly) {
  EXPECT_EQ(figure_heading("Time to drain (s)"), "Time to drain");
  EXPECT_EQ(figure_heading("Deferral rate"), "Deferral rate");
  EXPECT_EQ(figure_heading("(s)"), "(s)");
  EXPECT_EQ(figure_heading(headline_figures()[*headline_figure_index("p95_latency_s")]), "p95 latency");
}

}  // namespace
}  // namespace delivsim

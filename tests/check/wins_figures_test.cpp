// wins() in the expectation language (sim/scenario) names the headline figures that sim/output computes:
// the parser keeps its own list of their keys, since sim/scenario may not include sim/output, and this test
// pins that list to headline_figures(), key for key and in order.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/output/headline.h"
#include "sim/scenario/world_expectation.h"

namespace delivsim {
namespace {

TEST(WinsFiguresTest, AcceptsEveryHeadlineFigure) {
  for (const HeadlineFigure& figure : headline_figures()) {
    const std::string key(figure.key);
    EXPECT_EQ(parse_world_expectation("wins(a, b, totals." + key + ") > 0").figure, key);
  }
}

TEST(WinsFiguresTest, OffersExactlyTheHeadlineFiguresInTheirOrder) {
  std::vector<std::string> headline_paths;
  for (const HeadlineFigure& figure : headline_figures())
    headline_paths.push_back("totals." + std::string(figure.key));
  try {
    parse_world_expectation("wins(a, b, totals.no_such_figure) > 0");
    FAIL() << "an unknown figure was accepted";
  } catch (const ExpectationSyntaxError& error) {
    EXPECT_EQ(error.allowed_names, headline_paths);
  }
}

}  // namespace
}  // namespace delivsim

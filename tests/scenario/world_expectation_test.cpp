// Expectations over receiver worlds: recognising share_of_worlds(...) and wins(...), parsing both forms,
// and a clear message for each malformed one.
#include <gtest/gtest.h>

#include "sim/scenario/world_expectation.h"

namespace delivsim {
namespace {

TEST(WorldExpectationTest, RecognisesBothFormsWithSpaces) {
  EXPECT_TRUE(is_world_expectation("share_of_worlds(totals.delivered_share > 0.9) >= 0.95"));
  EXPECT_TRUE(is_world_expectation("  share_of_worlds (totals.delivered_share > 0.9) >= 0.95"));
  EXPECT_TRUE(is_world_expectation("wins(a, b, totals.delivered_share) >= 0.9"));
  EXPECT_TRUE(is_world_expectation(" wins  ( a,b,totals.bounced ) == 1"));
  EXPECT_FALSE(is_world_expectation("totals.delivered_share > 0.9"));
  EXPECT_FALSE(is_world_expectation("p95(providers.gmail.time_to_drain_s) < 3600"));
  EXPECT_FALSE(is_world_expectation("providers.gmail.deferrals_by_reply[\"wins(\"] < 1"));
  EXPECT_FALSE(is_world_expectation("winsome(a, b, totals.bounced) >= 1"));
}

TEST(WorldExpectationTest, ParsesShareOfWorldsWithItsInnerExpectation) {
  const WorldExpectation parsed =
      parse_world_expectation("share_of_worlds( p95(providers.gmail.time_to_drain_s) < 3600 ) > 0.8");
  EXPECT_EQ(parsed.kind, WorldExpectation::Kind::ShareOfWorlds);
  EXPECT_EQ(parsed.condition.statistic, Statistic::P95);
  EXPECT_EQ(parsed.condition.figure.scope, FigureScope::Provider);
  EXPECT_EQ(parsed.condition.figure.name, "gmail");
  EXPECT_EQ(parsed.condition.figure.field, "time_to_drain_s");
  EXPECT_EQ(parsed.condition.op, CompareOp::Less);
  EXPECT_EQ(parsed.condition.value, 3600.0);
  EXPECT_EQ(parsed.op, CompareOp::Greater);
  EXPECT_DOUBLE_EQ(parsed.share, 0.8);
}

TEST(WorldExpectationTest, ShareOfWorldsKeepsParenthesesInsideAReplyKey) {
  const WorldExpectation parsed =
      parse_world_expectation("share_of_worlds(providers.gmail.deferrals_by_reply[\"4)21\"] < 5) == 1");
  EXPECT_EQ(parsed.condition.figure.reply, "4)21");
  EXPECT_EQ(parsed.op, CompareOp::Equal);
  EXPECT_DOUBLE_EQ(parsed.share, 1.0);
}

TEST(WorldExpectationTest, ParsesWinsWithItsStrategiesAndHeadlineFigure) {
  const WorldExpectation parsed =
      parse_world_expectation("wins(warmup, cold-blast, totals.delivered_share) >= 0.9");
  EXPECT_EQ(parsed.kind, WorldExpectation::Kind::Wins);
  EXPECT_EQ(parsed.strategy, "warmup");
  EXPECT_EQ(parsed.rival, "cold-blast");
  EXPECT_EQ(parsed.figure, "delivered_share");
  EXPECT_EQ(parsed.figure_text, "totals.delivered_share");
  EXPECT_EQ(parsed.op, CompareOp::GreaterEqual);
  EXPECT_DOUBLE_EQ(parsed.share, 0.9);
}

TEST(WorldExpectationTest, WinsTakesEveryHeadlineFigureUnderTotals) {
  for (const char* key : {"delivered_share", "deferral_rate", "max_queue", "time_to_drain_s", "p95_latency_s",
                          "final_tier", "bounced", "expired"}) {
    const WorldExpectation parsed =
        parse_world_expectation("wins(a, b, totals." + std::string(key) + ") > 0");
    EXPECT_EQ(parsed.figure, key);
  }
}

struct BadWorldExpectation {
  const char* text;
  const char* message;  ///< a part of what()
  const char* hint;     ///< the unknown name a did-you-mean would be picked for; empty when none
};

class WorldExpectationErrorTest : public testing::TestWithParam<BadWorldExpectation> {};

TEST_P(WorldExpectationErrorTest, SaysWhatIsWrongAndWhatIsExpected) {
  try {
    parse_world_expectation(GetParam().text);
    ADD_FAILURE() << GetParam().text << " was accepted";
  } catch (const ExpectationSyntaxError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("; expected "), std::string::npos) << e.what();
    EXPECT_EQ(e.unknown_name, GetParam().hint) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Malformed, WorldExpectationErrorTest,
    testing::Values(
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9 >= 0.5",
                            "has no closing ')'; expected share_of_worlds(<expectation>) <op> <share>", ""},
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9)",
                            "'' after ')' is not '<op> <share>'", ""},
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9) >= 0.5 or so",
                            "'>= 0.5 or so' after ')' is not '<op> <share>'", ""},
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9) => 0.5", "unknown operator '=>'",
                            ""},
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9) >= 95%",
                            "share '95%' is not a number in [0, 1]; expected a share of worlds in [0, 1]",
                            ""},
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9) >= 1.5",
                            "share '1.5' is not a number in [0, 1]", ""},
        BadWorldExpectation{"share_of_worlds(totals.delivered_share > 0.9) >= -0.1",
                            "share '-0.1' is not a number in [0, 1]", ""},
        BadWorldExpectation{"share_of_worlds(totals.delivred_share > 0.9) >= 0.5",
                            "inside share_of_worlds(): unknown totals figure 'delivred_share'", ""},
        BadWorldExpectation{"share_of_worlds(p96(totals.delivered_share) > 0.9) >= 0.5",
                            "inside share_of_worlds(): unknown function 'p96'", "p96"},
        BadWorldExpectation{"share_of_worlds() >= 0.5", "inside share_of_worlds(): '' is not", ""},
        BadWorldExpectation{"wins(a, b) >= 0.5", "wins() takes 3 arguments, got 'a, b'; expected wins(", ""},
        BadWorldExpectation{"wins(a, , totals.bounced) >= 0.5", "wins() takes 3 arguments", ""},
        BadWorldExpectation{"wins(a, b, totals.bounced, x) >= 0.5", "wins() takes 3 arguments", ""},
        BadWorldExpectation{"wins(a, a, totals.bounced) >= 0.5", "wins() compares strategy 'a' with itself",
                            ""},
        BadWorldExpectation{
            "wins(a, b, totals.delivred_share) >= 0.5",
            "unknown figure path 'totals.delivred_share'; expected one of totals.delivered_share, "
            "totals.deferral_rate, totals.max_queue, totals.time_to_drain_s, totals.p95_latency_s, "
            "totals.final_tier, totals.bounced, totals.expired",
            "totals.delivred_share"},
        BadWorldExpectation{
            "wins(a, b, providers.gmail.delivered) >= 0.5",
            "'providers.gmail.delivered' is not a headline figure (wins() compares the run-wide "
            "headline figures)",
            "providers.gmail.delivered"},
        BadWorldExpectation{"wins(a, b, delivered_share) >= 0.5", "unknown figure path 'delivered_share'",
                            "delivered_share"},
        BadWorldExpectation{"wins(a, b, totals.bounced) >= 2", "share '2' is not a number in [0, 1]", ""},
        BadWorldExpectation{"totals.bounced < 2", "is not an expectation over worlds", ""}));

}  // namespace
}  // namespace delivsim

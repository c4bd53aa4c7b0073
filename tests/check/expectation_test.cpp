// Expectations: parsing every figure form and operator, evaluating them against a run's figures, and the
// messages for malformed ones.
#include <gtest/gtest.h>

#include "sim/check/expectation_evaluate.h"
#include "sim/scenario/expectation.h"

namespace delivsim {
namespace {

RunResult sample_result() {
  RunResult result;
  result.totals.injected = 1000;
  result.totals.delivered = 900;
  result.totals.delivered_inbox = 810;
  result.totals.attempts = 1200;
  result.totals.deferrals = 300;
  ProviderResult gmail;
  gmail.name = "gmail";
  gmail.counts.injected = 1000;
  gmail.counts.delivered = 900;
  gmail.counts.delivered_inbox = 810;
  gmail.deferrals_by_reply = {{"421 4.7.28", 250}};
  gmail.bounces_by_reply = {{"550 5.7.1", 40}};
  gmail.deferral_rate = 0.25;
  gmail.max_queue = 700;
  gmail.latency = {.mean_s = 900, .p50_s = 60, .p95_s = 3600, .p99_s = 5400, .max_s = 7200};
  ProviderResult other;
  other.name = "other";
  other.time_to_drain_s = 120;
  result.providers = {gmail, other};
  result.traffic = {{"news",
                     "marketing",
                     1000,
                     900,
                     450,
                     {.mean_s = 400, .p50_s = 30, .p95_s = 1800, .p99_s = 2700, .max_s = 3600},
                     250}};
  result.identities = {
      {IdentityKind::Ip, "203.0.113.10", "gmail", Tier::Medium, 0.6, 0.001, std::nullopt},
      {IdentityKind::Ip, "203.0.113.10", "other", Tier::High, 0.9, 0.0005, std::nullopt},
      {IdentityKind::Dkim, "news.example.com", "gmail", Tier::Low, 0.3, 0.002, std::nullopt}};
  return result;
}

ExpectationOutcome check(const std::string& text) {
  return evaluate_expectation(parse_expectation(text), sample_result());
}

TEST(ExpectationTest, EachOperatorComparesTheFigure) {
  EXPECT_TRUE(check("providers.gmail.max_queue < 701").passed);
  EXPECT_FALSE(check("providers.gmail.max_queue < 700").passed);
  EXPECT_TRUE(check("providers.gmail.max_queue <= 700").passed);
  EXPECT_FALSE(check("providers.gmail.max_queue <= 699").passed);
  EXPECT_TRUE(check("providers.gmail.max_queue > 699").passed);
  EXPECT_FALSE(check("providers.gmail.max_queue > 700").passed);
  EXPECT_TRUE(check("providers.gmail.max_queue >= 700").passed);
  EXPECT_FALSE(check("providers.gmail.max_queue >= 701").passed);
  EXPECT_TRUE(check("providers.gmail.max_queue == 700").passed);
  EXPECT_FALSE(check("providers.gmail.max_queue == 701").passed);
  EXPECT_FALSE(check("providers.gmail.max_queue != 700").passed);
  EXPECT_TRUE(check("providers.gmail.max_queue != 1").passed);
}

TEST(ExpectationTest, ReportsTheActualValue) {
  EXPECT_EQ(check("providers.gmail.max_queue < 1").actual, "700");
  EXPECT_EQ(check("totals.deferral_rate < 1").actual, "0.25");
  EXPECT_EQ(check("totals.delivered_share >= 0.9").actual, "0.9");
  EXPECT_EQ(check("providers.gmail.delivered_share > 0.8").actual, "0.9");
  EXPECT_EQ(check("providers.other.delivered_share > 0.8").actual, "0");
  EXPECT_TRUE(check("totals.delivered_share >= 0.9").passed);
  EXPECT_EQ(check("providers.gmail.delivery_latency_s.p95 <= 3600").actual, "3600");
  EXPECT_EQ(check("traffic.news.delivery_latency_s.p95 < 2000").actual, "1800");
  EXPECT_EQ(check("traffic.news.injected == 1000").actual, "1000");
  EXPECT_EQ(check("traffic.news.suppressed > 0").actual, "250");
  EXPECT_TRUE(check("traffic.news.suppressed == 250").passed);
}

TEST(ExpectationTest, ReadsTheMeanAndP99LatencyAndThePlacementOfDeliveredMail) {
  EXPECT_EQ(check("providers.gmail.delivery_latency_s.mean < 1000").actual, "900");
  EXPECT_EQ(check("providers.gmail.delivery_latency_s.p99 < 6000").actual, "5400");
  EXPECT_EQ(check("traffic.news.delivery_latency_s.mean < 1000").actual, "400");
  EXPECT_EQ(check("traffic.news.delivery_latency_s.p99 < 6000").actual, "2700");
  EXPECT_EQ(check("providers.gmail.delivered_inbox == 810").actual, "810");
  EXPECT_EQ(check("providers.gmail.delivered_spam == 90").actual, "90");
  EXPECT_EQ(check("providers.gmail.inbox_share >= 0.9").actual, "0.9");
  EXPECT_TRUE(check("providers.gmail.inbox_share >= 0.9").passed);
  EXPECT_EQ(check("totals.delivered_inbox > 0").actual, "810");
  EXPECT_EQ(check("totals.delivered_spam > 0").actual, "90");
  EXPECT_EQ(check("totals.inbox_share > 0").actual, "0.9");
  EXPECT_EQ(check("traffic.news.delivered_inbox > 0").actual, "450");
  EXPECT_EQ(check("traffic.news.delivered_spam > 0").actual, "450");
  EXPECT_FALSE(check("traffic.news.inbox_share > 0.5").passed);
  EXPECT_EQ(check("providers.other.inbox_share == 0").actual, "0") << "nothing delivered";
}

TEST(ExpectationTest, TiersCompareByOrder) {
  EXPECT_TRUE(check("identities[ip=203.0.113.10].final_tier >= MEDIUM").passed);
  EXPECT_TRUE(check("identities[ip=203.0.113.10].final_tier > LOW").passed);
  EXPECT_FALSE(check("identities[ip=203.0.113.10].final_tier >= HIGH").passed);
  EXPECT_EQ(check("identities[ip=203.0.113.10].final_tier == BAD").actual, "MEDIUM");
  EXPECT_TRUE(check("identities[ip=203.0.113.10,provider=other].final_tier == HIGH").passed);
  EXPECT_TRUE(check("identities[dkim=news.example.com].final_tier < MEDIUM").passed);
  EXPECT_EQ(check("identities[dkim=news.example.com].peak_spam_rate < 1").actual, "0.002");
}

TEST(ExpectationTest, NeverDrainedIsNullAndFailsNumbers) {
  EXPECT_EQ(check("providers.gmail.time_to_drain_s == null").actual, "null");
  EXPECT_TRUE(check("providers.gmail.time_to_drain_s == null").passed);
  EXPECT_FALSE(check("providers.gmail.time_to_drain_s != null").passed);
  EXPECT_FALSE(check("providers.gmail.time_to_drain_s < 1e12").passed);
  EXPECT_FALSE(check("providers.gmail.time_to_drain_s != 5").passed);
  EXPECT_TRUE(check("providers.other.time_to_drain_s <= 120").passed);
  EXPECT_TRUE(check("providers.other.time_to_drain_s != null").passed);
  EXPECT_FALSE(check("providers.other.time_to_drain_s == null").passed);
}

TEST(ExpectationTest, ReplyKeysInBracketsAndMissingKeyIsZero) {
  EXPECT_EQ(check("providers.gmail.deferrals_by_reply[\"421 4.7.28\"] < 300").actual, "250");
  EXPECT_TRUE(check("providers.gmail.bounces_by_reply[\"550 5.7.1\"] > 0").passed);
  EXPECT_EQ(check("providers.gmail.deferrals_by_reply[\"421 4.7.0\"] == 0").actual, "0");
  EXPECT_TRUE(check("providers.gmail.deferrals_by_reply[\"421 4.7.0\"] == 0").passed);
}

TEST(ExpectationTest, MissingProviderOrIdentityFails) {
  EXPECT_EQ(check("providers.yahoo.delivered >= 0").actual, "missing");
  EXPECT_FALSE(check("providers.yahoo.delivered >= 0").passed);
  EXPECT_FALSE(check("identities[spf=nowhere.example].final_score >= 0").passed);
  EXPECT_FALSE(check("traffic.other.delivered >= 0").passed);
}

TEST(ExpectationTest, ReadsFilterColourDaysWhereAProfileHasBandsAndMissingElsewhere) {
  RunResult result = sample_result();
  ProviderResult microsoft;
  microsoft.name = "microsoft";
  microsoft.filter_colours = FilterColourDays{.green = 4, .yellow = 2, .red = 1};
  result.providers.push_back(microsoft);
  result.identities.push_back({IdentityKind::Ip, "203.0.113.10", "microsoft", Tier::Low, 0.4, 0.004,
                               FilterColourDays{.green = 1, .yellow = 0, .red = 3}});
  const auto outcome = [&](const std::string& text) {
    return evaluate_expectation(parse_expectation(text), result);
  };
  EXPECT_EQ(outcome("providers.microsoft.filter_colours.green == 4").actual, "4");
  EXPECT_EQ(outcome("providers.microsoft.filter_colours.yellow == 2").actual, "2");
  EXPECT_TRUE(outcome("providers.microsoft.filter_colours.red == 1").passed);
  EXPECT_FALSE(outcome("providers.microsoft.filter_colours.red == 0").passed);
  EXPECT_EQ(outcome("identities[ip=203.0.113.10,provider=microsoft].filter_colours.red > 0").actual, "3");
  EXPECT_TRUE(outcome("identities[ip=203.0.113.10,provider=microsoft].filter_colours.green == 1").passed);
  // No bands (gmail): the figure is missing, and the expectation fails.
  EXPECT_EQ(outcome("providers.gmail.filter_colours.red == 0").actual, "missing");
  EXPECT_FALSE(outcome("providers.gmail.filter_colours.red == 0").passed);
  EXPECT_EQ(outcome("identities[ip=203.0.113.10,provider=gmail].filter_colours.red == 0").actual, "missing");
  EXPECT_EQ(parse_figure_path("providers.microsoft.filter_colours.red").type, FigureType::Count);
  EXPECT_THROW(parse_expectation("providers.microsoft.filter_colours.blue == 0"), ExpectationSyntaxError);
  EXPECT_THROW(parse_expectation("identities[dkim=a.example].filter_colours == 0"), ExpectationSyntaxError);
}

TEST(ExpectationTest, ParsesTheFigure) {
  const Expectation e = parse_expectation("identities[provider=other,spf=a.example].final_score  >=  0.5");
  EXPECT_EQ(e.figure.scope, FigureScope::Identity);
  EXPECT_EQ(e.figure.identity_kind, IdentityKind::Spf);
  EXPECT_EQ(e.figure.name, "a.example");
  EXPECT_EQ(e.figure.identity_provider, "other");
  EXPECT_EQ(e.op, CompareOp::GreaterEqual);
  EXPECT_EQ(e.value, 0.5);
  const Expectation reply = parse_expectation("providers.gmail.bounces_by_reply[\"550 5.7.1\"] > 0");
  EXPECT_EQ(reply.figure.field, "bounces_by_reply");
  EXPECT_EQ(reply.figure.reply, "550 5.7.1");
}

void expect_malformed(const std::string& text, const std::string& problem_part) {
  try {
    parse_expectation(text);
    ADD_FAILURE() << text << " parsed";
  } catch (const ExpectationSyntaxError& e) {
    EXPECT_NE(e.problem.find(problem_part), std::string::npos) << text << ": " << e.what();
    EXPECT_FALSE(e.expected.empty()) << text;
  }
}

TEST(ExpectationTest, MalformedExpectationsSayWhatIsWrong) {
  expect_malformed("providers.gmail.max_queue =< 5", "unknown operator '=<'");
  expect_malformed("providers.gmail.max_queue = 5", "unknown operator '='");
  expect_malformed("providers.gmail.max_queu <= 5", "unknown provider figure 'max_queu'");
  expect_malformed("totals.max_queue <= 5", "unknown totals figure");
  expect_malformed("traffic.news.max_queue <= 5", "unknown traffic figure");
  expect_malformed("traffic.news.delivery_latency_s.p90 <= 5", "unknown traffic figure");
  expect_malformed("providers.gmail.latency_mean <= 5", "unknown provider figure");
  expect_malformed("provider.gmail.delivered > 0", "unknown figure path");
  expect_malformed("providers.gmail > 0", "names no providers figure");
  expect_malformed("providers.gmail.delivered > lots", "is not a number");
  expect_malformed("providers.gmail.delivered > 1e999", "is not a number");
  expect_malformed("providers.gmail.delivered > null", "is not a number");
  expect_malformed("providers.gmail.time_to_drain_s < null", "null can only be compared");
  expect_malformed("identities[ip=1.2.3.4].final_tier >= medium", "is not a tier");
  expect_malformed("identities[ip=1.2.3.4].final_tier >= 2", "is not a tier");
  expect_malformed("identities[ip=1.2.3.4].final_tiers >= HIGH", "unknown identity figure");
  expect_malformed("identities[address=1.2.3.4].final_tier >= HIGH", "selector key 'address'");
  expect_malformed("identities[ip=1.2.3.4,ip=1.2.3.5].final_tier >= HIGH", "unknown or repeated");
  expect_malformed("identities[provider=gmail].final_tier >= HIGH", "names no identity");
  expect_malformed("identities[ip=].final_tier >= HIGH", "has no value");
  expect_malformed("identities[ip=1.2.3.4]final_tier >= HIGH", "malformed identity figure");
  expect_malformed("providers.gmail.deferrals_by_reply[421] > 0", "unknown provider figure");
  expect_malformed("providers.gmail.deferrals_by_reply[\"\"] > 0", "empty reply key");
  expect_malformed("providers.gmail.delivered > 0 extra", "is not '<figure> <op> <value>'");
  expect_malformed("providers.gmail.delivered", "is not '<figure> <op> <value>'");
}

TEST(ExpectationTest, ThresholdsInSummaryJsonAreSettingsNotFigures) {
  expect_malformed("providers.gmail.thresholds.spam_rate_bad < 0.01",
                   "unknown provider figure 'thresholds.spam_rate_bad'");
  expect_malformed("providers.gmail.thresholds < 1", "unknown provider figure 'thresholds'");
}

}  // namespace
}  // namespace delivsim

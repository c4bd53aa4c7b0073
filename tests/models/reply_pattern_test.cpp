#include "models/reply_pattern.h"

#include <gtest/gtest.h>

#include "models/reply_catalog.h"

namespace delivsim {
namespace {

using std::chrono::minutes;

PatternRule prefix_rule(std::string pattern, Duration retry_after) {
  PatternRule rule;
  rule.pattern = std::move(pattern);
  rule.retry_after = retry_after;
  return rule;
}

PatternRule regex_rule(std::string pattern) {
  PatternRule rule;
  rule.match = PatternRule::Match::Regex;
  rule.pattern = std::move(pattern);
  rule.backoff = true;
  return rule;
}

/// Seed 003's Gmail smtp-pattern-list with section 5's catch-all for other 421s.
std::vector<PatternRule> seed_003_rules() {
  PatternRule quota = prefix_rule("421 4.7.28", minutes(45));
  quota.max_smtp_out = 3;
  return {prefix_rule("421 4.7.0", minutes(30)), quota, prefix_rule("421 4.2.1", minutes(15)),
          prefix_rule("421 4.3.2", minutes(5)), prefix_rule("421 ", minutes(20))};
}

std::string gmail_reply(ReplyKind kind) {
  return ReplyCatalog::gmail().one_line(kind, IdentityKind::Ip, "203.0.113.42");
}

/// A Gmail reply and the index of the seed 003 rule it must hit (nullopt: none).
struct ReplyMatch {
  ReplyKind kind;
  std::optional<std::size_t> rule;
};

class Seed003MatchTest : public ::testing::TestWithParam<ReplyMatch> {};

TEST_P(Seed003MatchTest, FirstMatchingPrefixWins) {
  const PatternMatcher matcher(seed_003_rules());
  EXPECT_EQ(matcher.match(gmail_reply(GetParam().kind)), GetParam().rule);
}

INSTANTIATE_TEST_SUITE_P(GmailReplies, Seed003MatchTest,
                         ::testing::Values(ReplyMatch{ReplyKind::TooManyConnections, 0},
                                           ReplyMatch{ReplyKind::LowReputation, 0},
                                           ReplyMatch{ReplyKind::QuotaExceeded, 1},   // not "421 4.7.0"
                                           ReplyMatch{ReplyKind::TransientFault, 4},  // 4.3.0: catch-all
                                           ReplyMatch{ReplyKind::Unauthenticated, 4},
                                           ReplyMatch{ReplyKind::RecipientRateLimited, std::nullopt},  // 450
                                           ReplyMatch{ReplyKind::Accepted, std::nullopt},
                                           ReplyMatch{ReplyKind::Blocked, std::nullopt}));

TEST(PatternMatcherTest, MatchedRuleCarriesItsActions) {
  const PatternMatcher matcher(seed_003_rules());
  const auto index = matcher.match(gmail_reply(ReplyKind::QuotaExceeded));
  ASSERT_TRUE(index.has_value());
  EXPECT_EQ(matcher.rule(*index).retry_after, minutes(45));
  EXPECT_EQ(matcher.rule(*index).max_smtp_out, 3);
}

TEST(PatternMatcherTest, RegexSearchesAnywhereAndEarlierRuleWins) {
  // KumoMTA's community Gmail rule keys on the "unusual rate" wording, which spans a line break on the wire.
  std::vector<PatternRule> rules = seed_003_rules();
  rules.insert(rules.begin(), regex_rule(R"(unusual rate of\s+unsolicited)"));
  const PatternMatcher matcher(std::move(rules));
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::QuotaExceeded)), 0u);
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::LowReputation)), 1u);
  EXPECT_TRUE(matcher.rule(0).backoff);
}

TEST(PatternMatcherTest, RegexWithNoMatchFallsThrough) {
  const PatternMatcher matcher({regex_rule(R"(^4\d\d 4\.7\.2[67]\b)"), prefix_rule("4", minutes(1))});
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::Unauthenticated)), 0u);
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::QuotaExceeded)), 1u);  // 4.7.28 is neither 4.7.26 nor .27
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::UnknownUser)), std::nullopt);
}

TEST(PatternMatcherTest, EmptyMatchesNothing) {
  const PatternMatcher matcher;
  EXPECT_TRUE(matcher.empty());
  EXPECT_EQ(matcher.match("421 4.7.0 Try again later"), std::nullopt);
}

TEST(PatternMatcherTest, MalformedRegexThrows) {
  EXPECT_THROW(PatternMatcher({regex_rule("(unclosed")}), std::regex_error);
}

}  // namespace
}  // namespace delivsim

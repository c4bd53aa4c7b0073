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
  return ReplyCatalog::gmail().one_line(kind, IdentityKind::Ip, "203.0.113.42", "203.0.113.42");
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

INSTANTIATE_TEST_SUITE_P(
    GmailReplies, Seed003MatchTest,
    ::testing::Values(ReplyMatch{ReplyKind::TooManyConnections, 0}, ReplyMatch{ReplyKind::LowReputation, 0},
                      ReplyMatch{ReplyKind::QuotaExceeded, 1},   // not "421 4.7.0"
                      ReplyMatch{ReplyKind::TransientFault, 4},  // 4.3.0: catch-all
                      ReplyMatch{ReplyKind::Unauthenticated, 4}, ReplyMatch{ReplyKind::SpfRequired, 4},
                      ReplyMatch{ReplyKind::DkimRequired, 4}, ReplyMatch{ReplyKind::NotAligned, 4},
                      ReplyMatch{ReplyKind::DmarcRequired, 4},
                      ReplyMatch{ReplyKind::RejectedNotAligned, 4},  // "421 5.7.32"
                      ReplyMatch{ReplyKind::RejectedSpf, std::nullopt},
                      ReplyMatch{ReplyKind::RejectedUnauthenticated, std::nullopt},
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
  // KumoMTA's community Gmail rule keys on the pre-2024 "unusual rate of unsolicited" wording, which spans a
  // line break on the wire.
  std::vector<PatternRule> rules = seed_003_rules();
  rules.insert(rules.begin(), regex_rule(R"(unusual rate of\s+unsolicited)"));
  const PatternMatcher matcher(std::move(rules));
  const ReplyCatalog legacy = ReplyCatalog::gmail_legacy();
  EXPECT_EQ(matcher.match(
                legacy.one_line(ReplyKind::QuotaExceeded, IdentityKind::Ip, "203.0.113.42", "203.0.113.42")),
            0u);
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::LowReputation)), 1u);
  EXPECT_TRUE(matcher.rule(0).backoff);
  // Google's current IP text says "unusual rate of email": the rule misses it, the "421 4.7.28" prefix
  // catches it. The DKIM- and SPF-domain texts still say "unsolicited".
  EXPECT_EQ(matcher.match(gmail_reply(ReplyKind::QuotaExceeded)), 2u);
  EXPECT_EQ(matcher.match(ReplyCatalog::gmail().one_line(ReplyKind::QuotaExceeded, IdentityKind::Dkim,
                                                         "news.example", "203.0.113.42")),
            0u);
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
  EXPECT_THROW(PatternMatcher({regex_rule("(unclosed")}), std::invalid_argument);
}

// std::regex backtracked exponentially here: each '.' can be either branch, and the missing '!' makes it
// try them all. RE2 matches in time linear in the reply.
TEST(PatternMatcherTest, CatastrophicBacktrackingPatternMatchesInLinearTime) {
  const PatternMatcher matcher({regex_rule("^(.|.)*!")});
  const std::string reply = "421 " + std::string(100'000, 'x');
  EXPECT_EQ(matcher.match(reply), std::nullopt);
  EXPECT_EQ(matcher.match(reply + "!"), 0u);
}

/// A pattern PatternMatcher cannot take, and a part of the reason regex_problem gives.
struct RefusedPattern {
  std::string name;
  std::string pattern;
  std::string problem_part;
};

class RefusedPatternTest : public ::testing::TestWithParam<RefusedPattern> {};

TEST_P(RefusedPatternTest, RegexProblemNamesItAndTheMatcherThrows) {
  const auto problem = regex_problem(GetParam().pattern);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find(GetParam().problem_part), std::string::npos) << *problem;
  EXPECT_THROW(PatternMatcher({regex_rule(GetParam().pattern)}), std::invalid_argument);
}

std::string nested_groups(std::size_t depth) {
  return std::string(depth, '(') + "a" + std::string(depth, ')');
}

INSTANTIATE_TEST_SUITE_P(
    Patterns, RefusedPatternTest,
    ::testing::Values(RefusedPattern{"Unclosed", "421 (4.7", "missing )"},
                      RefusedPattern{"Backreference", R"((4\d\d) \1)", "invalid escape sequence"},
                      RefusedPattern{"Lookahead", "421(?= 4.7)", "invalid perl operator: (?="},
                      RefusedPattern{"Lookbehind", "(?<=421) 4.7", "invalid perl operator: (?<"},
                      // 16,000 nested groups (32 KB) overflowed std::regex's recursion (SIGSEGV).
                      RefusedPattern{"HugeNesting", nested_groups(16'000), "32001 bytes long"},
                      RefusedPattern{"TooBigOnceCompiled", R"(\pL{1000})", "pattern too large"}),
    [](const auto& info) { return info.param.name; });

// The deepest nesting that fits in the size limit compiles and matches (RE2 does not recurse on it).
TEST(RegexProblemTest, DeepNestingWithinTheSizeLimitMatches) {
  const std::string pattern = nested_groups((kMaxRegexPatternBytes - 1) / 2);
  ASSERT_EQ(regex_problem(pattern), std::nullopt);
  EXPECT_EQ(PatternMatcher({regex_rule(pattern)}).match("421 a"), 0u);
}

TEST(RegexProblemTest, AcceptsAPatternAtTheSizeLimit) {
  EXPECT_EQ(regex_problem(std::string(kMaxRegexPatternBytes, 'a')), std::nullopt);
  EXPECT_EQ(regex_problem(R"(^4\d\d 4\.7\.2[67]\b)"), std::nullopt);
}

}  // namespace
}  // namespace delivsim

// The sender's connection use against the M/M/c closed form (docs/model.md 4.2): with Poisson arrivals, an
// exponential transaction time, a receiver that accepts everything and c = max_smtp_out, a queue that opens a
// connection whenever no open one is free to take the next message is an M/M/c queue, so its mean time in
// system (injected -> delivered) is Erlang C's W = 1/mu + C(c, a) / (c mu - lambda).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <ostream>
#include <sstream>
#include <string>

#include "sim/scenario/scenario_loader.h"
#include "sim/stats/erlang_c.h"
#include "sim/world/run.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

struct ErlangCase {
  int connections;  ///< c = max_smtp_out
  double load;      ///< rho = lambda / (c mu)
};

/// Mean transaction time, minutes. Stream messages arrive at their own Poisson times within the one-minute
/// injection tick (docs/model.md 4.1), so any value would do; minutes keep the event count low.
constexpr int kServiceMinutes = 5;

/// Messages to simulate: the mean of a queue near saturation converges slowly (for an M/M/1 at rho = 0.9,
/// 2 million messages give a standard error of about 1.3%, by Blomqvist's variance of the mean sojourn time).
double messages_for(double load) {
  return load >= 0.9 ? 2e6 : load >= 0.7 ? 5e5 : 2e5;
}

/// A scenario is at most 400 days long, so the messages are split over this many runs (seeds 1, 2, ...).
int runs_for(const ErlangCase& c, double per_minute) {
  return static_cast<int>(std::ceil(messages_for(c.load) / (per_minute * 400 * 24 * 60)));
}

std::string scenario_text(const ErlangCase& c) {
  const int minutes = kServiceMinutes;
  const double per_minute = c.load * c.connections / minutes;  // lambda
  const double span_minutes = messages_for(c.load) / per_minute / runs_for(c, per_minute);
  const std::string duration = std::to_string(static_cast<long>(std::ceil(span_minutes))) + "m";
  std::ostringstream rate;
  rate << per_minute;
  return "name: erlang-c\nseed: 11\nduration: " + duration + "\ntimeseries_interval: " + duration +
         "\naccounting: true\n"
         "identities:\n  ips: [{address: 192.0.2.1, age: warm, established_per_day: 10000}]\n"
         "  domains: [{name: example.com, age: warm, established_per_day: 10000}]\n"
         "pools: {main: [192.0.2.1]}\ntraffic:\n  - name: t\n    pool: main\n    dkim_domain: example.com\n"
         "    stream: {rate: " +
         rate.str() +
         "/m}\n    domains: {example.org: 1.0}\n"
         "    list: {segments: [{name: all, share: 1, complaint_rate: 0}]}\n"
         "providers:\n  p: {profile: generic, domains: [\"*\"], params: {connect_time: 0ms, message_time: "
         "{kind: exponential, mean: " +
         std::to_string(minutes) +
         "m}}}\n"
         "sender:\n  destinations:\n    p: {max_smtp_out: " +
         std::to_string(c.connections) + ", max_msg_per_connection: 0, max_msg_rate: unlimited}\n";
}

void PrintTo(const ErlangCase& c, std::ostream* out) {
  *out << "c = " << c.connections << ", load " << c.load;
}

class ErlangC : public ::testing::TestWithParam<ErlangCase> {};

TEST_P(ErlangC, MeanTimeInSystemMatchesTheClosedFormWithin5Percent) {
  const ErlangCase c = GetParam();
  const Scenario scenario = parse_scenario(scenario_text(c), "erlang-c.yaml");
  const double mu = 1.0 / kServiceMinutes;  // per minute
  const double lambda = c.load * c.connections * mu;
  double total_minutes = 0;
  std::int64_t delivered = 0;
  for (int run = 1; run <= runs_for(c, lambda); ++run) {
    RunOptions options;
    options.seed = static_cast<std::uint64_t>(run);
    const RunResult result = run_scenario(scenario, options);
    const ProviderResult& p = testing::provider(result, "p");
    // The mechanism: nothing but queueing for a connection. Every attempt is accepted at the first try.
    EXPECT_EQ(p.counts.deferrals, 0);
    EXPECT_EQ(p.counts.attempts, p.counts.delivered);
    for (const AccountingRecord& record : result.accounting) {
      if (record.type != 'd') continue;
      total_minutes += to_seconds(record.logged - record.queued) / 60.0;
      ++delivered;
    }
  }
  ASSERT_GT(delivered, static_cast<std::int64_t>(0.99 * messages_for(c.load)));
  const double mean_minutes = total_minutes / static_cast<double>(delivered);

  const double expected = mmc_mean_time_in_system(c.connections, lambda, mu);
  EXPECT_NEAR(mean_minutes / expected, 1.0, 0.05) << ::testing::PrintToString(c) << ": simulated "
                                                  << mean_minutes << " min, Erlang C " << expected << " min";
  RecordProperty("relative_error", std::to_string(mean_minutes / expected - 1.0));
}

std::string case_name(const ::testing::TestParamInfo<ErlangCase>& info) {
  return "c" + std::to_string(info.param.connections) + "_load" +
         std::to_string(static_cast<int>(info.param.load * 100 + 0.5));
}

INSTANTIATE_TEST_SUITE_P(ConnectionsAndLoads, ErlangC,
                         ::testing::Values(ErlangCase{1, 0.5}, ErlangCase{1, 0.7}, ErlangCase{1, 0.9},
                                           ErlangCase{5, 0.5}, ErlangCase{5, 0.7}, ErlangCase{5, 0.9},
                                           ErlangCase{20, 0.5}, ErlangCase{20, 0.7}, ErlangCase{20, 0.9}),
                         case_name);

}  // namespace
}  // namespace delivsim

// A sender's idle_timeout as a whole run sees it: an idle connection carries the next message without a new
// connection's setup, and the receiver counts it among the sender's open connections while it waits.
#include <gtest/gtest.h>

#include <cmath>

#include "sim/scenario/scenario_loader.h"
#include "tests/scenario_fixture.h"

namespace delivsim {
namespace {

using testing::provider;

/// A warm IP streaming `rate` to one provider whose SMTP steps take constant times: 1 s to connect, 100 ms
/// per message, no faults.
std::string stream_scenario(const std::string& rate, const std::string& destination) {
  return "name: idle\nseed: 5\nduration: 3d\nidentities:\n"
         "  ips: [{address: 192.0.2.1, age: warm, established_per_day: 10000}]\n"
         "  domains: [{name: example.com, age: warm, established_per_day: 10000}]\n"
         "pools: {main: [192.0.2.1]}\n"
         "traffic:\n  - name: t\n    pool: main\n    dkim_domain: example.com\n"
         "    stream: {rate: " +
         rate +
         ", population: 100000}\n    domains: {example.org: 1.0}\n    list: {unknown_user_share: 0.0}\n"
         "providers:\n  p: {profile: generic, domains: [\"*\"], params: {transient_fault_share: 0, "
         "connect_time: {kind: constant, value: 1s}, message_time: {kind: constant, value: 100ms}}}\n"
         "sender:\n  destinations:\n    p: " +
         destination + "\n";
}

double mean_latency_s(const std::string& destination) {
  const RunResult result = run_scenario(parse_scenario(stream_scenario("1440/d", destination), "idle.yaml"));
  return provider(result, "p").latency.mean_s;
}

TEST(IdleConnection, AnIdleConnectionSparesTheNextMessageItsSetup) {
  // Without idle_timeout nearly every message opens a connection: 1 s + 100 ms (a few arrive during another
  // message's transaction and follow it on its connection). With 60 s, a message arriving within a minute
  // of the last reply finds the connection open: with Poisson arrivals of one a minute that is 1 - e^-1 of
  // them, so the mean is 0.1 + e^-1 s.
  const double closing = mean_latency_s("{}");
  EXPECT_NEAR(closing, 1.1, 0.01);
  EXPECT_NEAR(mean_latency_s("{idle_timeout: 60s}"), 0.1 + std::exp(-1.0), 0.03);
  EXPECT_EQ(mean_latency_s("{idle_timeout: 0s}"), closing);
}

/// Two IPs, each with a campaign of one message (the second's at `second_at`), to a receiver that takes one
/// connection from the sender at a time.
std::string two_ip_scenario(const std::string& destination, const std::string& second_at) {
  return "name: idle\nseed: 5\nduration: 1h\nidentities:\n"
         "  ips: [{address: 192.0.2.1, age: warm, established_per_day: 10000},\n"
         "        {address: 192.0.2.2, age: warm, established_per_day: 10000}]\n"
         "  domains: [{name: example.com, age: warm, established_per_day: 10000}]\n"
         "pools: {first: [192.0.2.1], second: [192.0.2.2]}\n"
         "traffic:\n"
         "  - {name: a, pool: first, dkim_domain: example.com, campaign: {recipients: 1, at: 0m},\n"
         "     domains: {example.org: 1.0}, list: {unknown_user_share: 0.0}}\n"
         "  - {name: b, pool: second, dkim_domain: example.com, campaign: {recipients: 1, at: " +
         second_at +
         "},\n"
         "     domains: {example.org: 1.0}, list: {unknown_user_share: 0.0}}\n"
         "providers:\n  p: {profile: gmail, domains: [\"*\"], params: {transient_fault_share: 0, "
         "max_connections_per_sender: 1}}\n"
         "sender:\n  destinations:\n    p: " +
         destination + "\n";
}

TEST(IdleConnection, TheReceiverCountsAnIdleConnectionAmongTheSendersOpenOnes) {
  // The first IP's connection, idle for 10 minutes after its message, is the sender's one connection at
  // the receiver when the second IP connects a minute later: 421 4.7.0 too many connections. Eleven minutes
  // later it has closed.
  const auto refusals = [](const std::string& destination, const std::string& second_at = "1m") {
    const RunResult result =
        run_scenario(parse_scenario(two_ip_scenario(destination, second_at), "idle.yaml"));
    const ProviderResult& p = provider(result, "p");
    EXPECT_EQ(p.counts.delivered, 2);
    const auto it = p.deferrals_by_reply.find("421 4.7.0");
    return it == p.deferrals_by_reply.end() ? std::int64_t{0} : it->second;
  };
  EXPECT_EQ(refusals("{}"), 0);
  EXPECT_EQ(refusals("{idle_timeout: 10m}"), 1);
  EXPECT_EQ(refusals("{idle_timeout: 10m}", "11m"), 0);
}

}  // namespace
}  // namespace delivsim

// The work estimate of one run: each part from the scenario's parameters, with the key that asks for it.
#include "sim/world/work_estimate.h"

#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/scenario_batch.h"
#include "sim/scenario/scenario_loader.h"

namespace delivsim {
namespace {

/// Two traffic entries (a campaign and a stream) at the default providers (gmail and other).
std::string two_sources(const std::string& campaign, const std::string& stream,
                        const std::string& extra = "") {
  return "duration: 1d\n" + extra +
         "identities:\n"
         "  ips: [{address: 192.0.2.1}]\n"
         "  domains: [{name: example.com}]\n"
         "pools: {main: [192.0.2.1]}\n"
         "traffic:\n"
         "  - name: blast\n"
         "    pool: main\n"
         "    dkim_domain: example.com\n"
         "    campaign: " +
         campaign +
         "\n"
         "  - name: trickle\n"
         "    pool: main\n"
         "    dkim_domain: example.com\n"
         "    stream: " +
         stream + "\n";
}

const WorkPart& part_named(const std::vector<WorkPart>& parts, const std::string& what) {
  for (const WorkPart& part : parts) {
    if (part.what == what) return part;
  }
  throw std::out_of_range("no part " + what);
}

TEST(WorkEstimate, CountsACampaignsRecipientsAndAStreamsRateOverItsSpan) {
  const Scenario scenario = parse_scenario(
      two_sources("{recipients: 1000}", "{rate: 100/h, from: 12h, population: 500}"), "w.yaml");
  const WorkEstimate estimate = estimate_work(scenario, false);
  EXPECT_DOUBLE_EQ(estimate.messages, 1000 + 1200);
  EXPECT_DOUBLE_EQ(estimate.recipients, 1000 + 500);
  EXPECT_EQ(estimate.most_messages.field, "traffic[1].stream.rate");
  EXPECT_EQ(estimate.most_recipients.field, "traffic[0].campaign.recipients");
}

TEST(WorkEstimate, MessagePartsGrowWithMessages) {
  const Scenario small_scenario =
      parse_scenario(two_sources("{recipients: 1000}", "{rate: 100/h, population: 500}"), "w.yaml");
  const WorkEstimate small = estimate_work(small_scenario, false);
  const WorkEstimate big = estimate_work(
      parse_scenario(two_sources("{recipients: 3000}", "{rate: 100/h, population: 500}"), "w.yaml"), false);
  EXPECT_DOUBLE_EQ(part_named(big.memory, "messages of traffic 'blast'").amount,
                   3 * part_named(small.memory, "messages of traffic 'blast'").amount);
}

// The recipient limiters list the admissions of one day (8 bytes each, room to grow included): those of a
// day's messages and of the messages still in care, however long the list.
TEST(WorkEstimate, RecipientLimitsListOneDaysAdmissions) {
  const auto month_of = [](const std::string& stream) {
    std::string text = two_sources("{recipients: 10}", stream);
    return estimate_work(parse_scenario(text.replace(text.find("1d"), 2, "30d"), "w.yaml"), false);
  };
  const double million = part_named(month_of("{rate: 100/h, population: 1000000}").memory,
                                    "recipient limits of traffic 'trickle'")
                             .amount;
  EXPECT_DOUBLE_EQ(million, part_named(month_of("{rate: 100/h, population: 2000000}").memory,
                                       "recipient limits of traffic 'trickle'")
                                .amount);
  EXPECT_DOUBLE_EQ(2 * million, part_named(month_of("{rate: 200/h, population: 1000000}").memory,
                                           "recipient limits of traffic 'trickle'")
                                    .amount);
  EXPECT_LT(million, 72000 * 8.0);  // fewer than the month's 72,000 messages
  EXPECT_GT(million, 2400 * 8.0);   // more than one day's
}

TEST(WorkEstimate, ASuppressionListAddsOneBytePerRecipient) {
  const std::string stream = "{rate: 100/h, population: 500}";
  const WorkEstimate without =
      estimate_work(parse_scenario(two_sources("{recipients: 1000}", stream), "w.yaml"), false);
  const WorkEstimate with = estimate_work(
      parse_scenario(
          two_sources("{recipients: 1000}", stream + "\n    list: {suppress: {complainers: true}}"),
          "w.yaml"),
      false);
  EXPECT_THROW(part_named(without.memory, "suppression list of traffic 'trickle'"), std::out_of_range);
  const WorkPart& list = part_named(with.memory, "suppression list of traffic 'trickle'");
  EXPECT_DOUBLE_EQ(list.amount, 500);
  EXPECT_EQ(list.field, "traffic[1].stream.population");
}

TEST(WorkEstimate, TimeSeriesRowsAndEventsFollowTheInterval) {
  const std::string traffic = two_sources("{recipients: 10}", "{rate: 1/h}", "timeseries_interval: 1m\n");
  const WorkEstimate estimate = estimate_work(parse_scenario(traffic, "w.yaml"), false);
  EXPECT_DOUBLE_EQ(part_named(estimate.events, "time series rows").amount, 24 * 60);
  const WorkPart& rows = part_named(estimate.memory, "time series rows");
  EXPECT_TRUE(rows.kept);
  const WorkEstimate hourly =
      estimate_work(parse_scenario(two_sources("{recipients: 10}", "{rate: 1/h}"), "w.yaml"), false);
  EXPECT_DOUBLE_EQ(rows.amount, 60 * part_named(hourly.memory, "time series rows").amount);
}

TEST(WorkEstimate, AccountingAddsRecordsKeptWithTheResult) {
  const Scenario scenario = parse_scenario(two_sources("{recipients: 1000}", "{rate: 1/h}"), "w.yaml");
  const WorkEstimate without = estimate_work(scenario, false);
  const WorkEstimate with = estimate_work(scenario, true);
  EXPECT_GT(with.result_bytes(), without.result_bytes());
  EXPECT_TRUE(part_named(with.memory, "accounting records of traffic 'blast'").kept);
  EXPECT_THROW(part_named(without.memory, "accounting records of traffic 'blast'"), std::out_of_range);
}

TEST(WorkEstimate, PartsPointAtTheKeyThatAsksForThem) {
  const Scenario scenario = parse_scenario(
      two_sources("{recipients: 1e9}", "{rate: 1/h, population: 20}", "timeseries_interval: 1m\n"), "w.yaml");
  const WorkEstimate estimate = estimate_work(scenario, false);
  const WorkPart& largest = estimate.largest_memory();
  EXPECT_EQ(largest.field, "traffic[0].campaign.recipients");
  EXPECT_EQ(largest.at.file, "w.yaml");
  EXPECT_EQ(largest.at.line, 11);
  EXPECT_EQ(largest.at.column, 28);
  const WorkPart& rows = part_named(estimate.events, "time series rows");
  EXPECT_EQ(rows.field, "timeseries_interval");
  EXPECT_EQ(rows.at.line, 2);
  EXPECT_EQ(rows.at.column, 22);
}

TEST(WorkEstimate, AKeyLeftAtItsDefaultPointsAtItsMapping) {
  const Scenario scenario = parse_scenario(
      two_sources("{recipients: 10}", "{rate: 1/h}\n    list: {suppress: {complainers: true}}"), "w.yaml");
  const WorkEstimate estimate = estimate_work(scenario, false);
  const WorkPart& population = part_named(estimate.memory, "suppression list of traffic 'trickle'");
  EXPECT_EQ(population.field, "traffic[1].stream.population");
  EXPECT_EQ(population.at.line, 14);
  EXPECT_EQ(population.at.column, 13);
}

TEST(WorkEstimate, StrategySettingsPointAtTheSetting) {
  const std::string text = two_sources("{recipients: 10}", "{rate: 1/h}") +
                           "strategies:\n"
                           "  - name: big\n"
                           "    set:\n"
                           "      traffic[0].campaign.recipients: 5000\n";
  const ScenarioBatch batch = parse_scenario_batch(text, "w.yaml");
  const WorkEstimate estimate = estimate_work(batch.strategies.at(0).scenario, false);
  const WorkPart& messages = part_named(estimate.memory, "messages of traffic 'blast'");
  EXPECT_EQ(messages.at.line, 18);
  EXPECT_EQ(messages.at.column, 39);
}

// The sender holds a stream's messages for their lifetime at most (bounce_after), a campaign's all at once.
TEST(WorkEstimate, AStreamHoldsItsMessagesForTheirLifetimeOnly) {
  const std::string stream = "{rate: 1000/h, population: 5000}";
  const auto messages_part = [&](const std::string& extra) {
    const Scenario scenario = parse_scenario(two_sources("{recipients: 1}", stream, extra), "w.yaml");
    return part_named(estimate_work(scenario, false).memory, "messages of traffic 'trickle'").amount;
  };
  const double short_lives = messages_part("sender: {defaults: {bounce_after: 1h}}\n");
  const double long_lives = messages_part("sender: {defaults: {bounce_after: 5d}}\n");
  EXPECT_LT(short_lives, long_lives);
  // Lifetimes past half the run: every message may be held at once.
  EXPECT_DOUBLE_EQ(long_lives, messages_part("sender: {defaults: {bounce_after: 12h}}\n"));
}

}  // namespace
}  // namespace delivsim

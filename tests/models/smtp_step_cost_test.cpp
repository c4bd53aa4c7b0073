#include "models/smtp_step_cost.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

ReceiverParams constant_times() {
  ReceiverParams params;
  params.message_time = {DelayDistribution::Kind::Constant, Duration(300), 0};
  params.command_time = {DelayDistribution::Kind::Constant, Duration(40), 0};
  return params;
}

TEST(SmtpStepCostTest, EnvelopeRepliesCostCommandTimeAndEndOfDataTheWholeMessage) {
  const ReceiverParams params = constant_times();
  RandomEngine engine(1);
  EXPECT_EQ(transaction_time(SmtpStep::MailFrom, params, engine), Duration(40));
  EXPECT_EQ(transaction_time(SmtpStep::RcptTo, params, engine), Duration(40));
  EXPECT_EQ(transaction_time(SmtpStep::EndOfData, params, engine), Duration(300));
}

TEST(SmtpStepCostTest, OnlyEndOfDataSendsTheBody) {
  EXPECT_TRUE(sends_body(SmtpStep::EndOfData));
  for (SmtpStep step : {SmtpStep::Greeting, SmtpStep::MailFrom, SmtpStep::RcptTo, SmtpStep::None})
    EXPECT_FALSE(sends_body(step)) << smtp_step_name(step);
}

TEST(SmtpStepCostTest, EachStepDrawsOnceFromItsOwnDistribution) {
  ReceiverParams params;  // lognormal defaults: command median 100 ms, message median 300 ms
  RandomEngine a(7), b(7), c(7);
  const Duration command = transaction_time(SmtpStep::MailFrom, params, a);
  const Duration message = transaction_time(SmtpStep::EndOfData, params, b);
  EXPECT_EQ(command, sample(params.command_time, c));
  EXPECT_GT(message, 2 * command);  // the same draw at three times the median
}

}  // namespace
}  // namespace delivsim

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
  const SmtpTimes times(constant_times());
  RandomEngine engine(1);
  EXPECT_EQ(times.transaction(SmtpStep::MailFrom, engine), Duration(40));
  EXPECT_EQ(times.transaction(SmtpStep::RcptTo, engine), Duration(40));
  EXPECT_EQ(times.transaction(SmtpStep::EndOfData, engine), Duration(300));
}

TEST(SmtpStepCostTest, OnlyEndOfDataSendsTheBody) {
  EXPECT_TRUE(sends_body(SmtpStep::EndOfData));
  for (SmtpStep step : {SmtpStep::Greeting, SmtpStep::MailFrom, SmtpStep::RcptTo, SmtpStep::None})
    EXPECT_FALSE(sends_body(step)) << smtp_step_name(step);
}

TEST(SmtpStepCostTest, EachStepDrawsOnceFromItsOwnDistribution) {
  const ReceiverParams params;  // lognormal defaults: connect median 200 ms, command 100, message 300
  const SmtpTimes times(params);
  RandomEngine a(7), b(7), c(7), d(7), e(7);
  const Duration command = times.transaction(SmtpStep::MailFrom, a);
  const Duration message = times.transaction(SmtpStep::EndOfData, b);
  EXPECT_EQ(command, sample(params.command_time, c));
  EXPECT_GT(message, 2 * command);  // the same draw at three times the median
  EXPECT_EQ(times.connect(d), sample(params.connect_time, e));
}

}  // namespace
}  // namespace delivsim

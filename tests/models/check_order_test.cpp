// The receiver's judgement order: each check at the SMTP step of its reply in the provider's catalog, ties in
// the fixed ReceiverCheck order, checks whose replies the catalog lacks left out.
#include "models/check_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace delivsim {
namespace {

std::vector<ReceiverCheck> checks_of(const ReplyCatalog& catalog) {
  const CheckOrder order(catalog);
  return {order.begin(), order.end()};
}

struct NamedCatalog {
  const char* name;
  ReplyCatalog (*make)();
};

class CheckOrderOfEveryCatalog : public testing::TestWithParam<NamedCatalog> {};

TEST_P(CheckOrderOfEveryCatalog, StepsNeverGoBackAndTiesKeepTheFixedOrder) {
  const ReplyCatalog catalog = GetParam().make();
  const std::vector<ReceiverCheck> checks = checks_of(catalog);
  for (std::size_t i = 1; i < checks.size(); ++i) {
    const SmtpStep before = CheckOrder::step(checks[i - 1], catalog),
                   after = CheckOrder::step(checks[i], catalog);
    EXPECT_LE(before, after) << i;
    if (before == after) {
      EXPECT_LT(checks[i - 1], checks[i]) << i;
    }
  }
}

TEST_P(CheckOrderOfEveryCatalog, HoldsExactlyTheChecksWhoseRepliesTheCatalogOffers) {
  const ReplyCatalog catalog = GetParam().make();
  const std::vector<ReceiverCheck> checks = checks_of(catalog);
  for (std::size_t i = 0; i < kReceiverCheckCount; ++i) {
    const auto check = static_cast<ReceiverCheck>(i);
    const bool listed = std::find(checks.begin(), checks.end(), check) != checks.end();
    EXPECT_EQ(listed, CheckOrder::step(check, catalog) != SmtpStep::None) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogs, CheckOrderOfEveryCatalog,
                         testing::Values(NamedCatalog{"gmail", &ReplyCatalog::gmail},
                                         NamedCatalog{"microsoft", &ReplyCatalog::microsoft},
                                         NamedCatalog{"yahoo", &ReplyCatalog::yahoo},
                                         NamedCatalog{"yahoo_legacy", &ReplyCatalog::yahoo_legacy},
                                         NamedCatalog{"generic", &ReplyCatalog::generic}),
                         [](const testing::TestParamInfo<NamedCatalog>& info) { return info.param.name; });

TEST(CheckOrder, YahooJudgesTheSenderAtMailFromAndTheUnknownUserAtEndOfData) {
  // [TSS09], [TSS04] (low reputation and quota) at MAIL FROM; 450 at RCPT TO; 5.7.9 and 554 at end of DATA.
  // No transient fault and no greylisting in Yahoo's catalog.
  EXPECT_EQ(checks_of(ReplyCatalog::yahoo()),
            (std::vector<ReceiverCheck>{ReceiverCheck::Block, ReceiverCheck::LowReputation,
                                        ReceiverCheck::Quota, ReceiverCheck::RecipientRate,
                                        ReceiverCheck::Authentication, ReceiverCheck::UnknownUser}));
}

TEST(CheckOrder, GmailJudgesTheRecipientBeforeEveryEndOfDataReply) {
  EXPECT_EQ(checks_of(ReplyCatalog::gmail()),
            (std::vector<ReceiverCheck>{ReceiverCheck::UnknownUser, ReceiverCheck::RecipientRate,
                                        ReceiverCheck::Block, ReceiverCheck::TransientFault,
                                        ReceiverCheck::Authentication, ReceiverCheck::LowReputation,
                                        ReceiverCheck::Quota}));
}

TEST(CheckOrder, StepsComeFromTheCatalogAndNoneWhereItOffersNoReply) {
  // Microsoft offers only the bulk rejections (550 5.7.515, end of DATA); Gmail all ten, at end of DATA.
  EXPECT_EQ(CheckOrder::step(ReceiverCheck::Authentication, ReplyCatalog::microsoft()), SmtpStep::EndOfData);
  EXPECT_EQ(CheckOrder::step(ReceiverCheck::Greylist, ReplyCatalog::microsoft()), SmtpStep::None);
  EXPECT_EQ(CheckOrder::step(ReceiverCheck::Greylist, ReplyCatalog::generic()), SmtpStep::RcptTo);
}

}  // namespace
}  // namespace delivsim

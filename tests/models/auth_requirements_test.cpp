// Google's authentication requirements: which one a message fails, for a bulk sender and for any sender,
// and the reply pair (temporary, then rejection) each one maps to.
#include "models/auth_requirements.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

const ReplyCatalog kGmail = ReplyCatalog::gmail();

TEST(AuthRequirements, EverySenderNeedsSpfOrDkimOnly) {
  EXPECT_EQ(first_failed_requirement({false, false, true, true}, false, kGmail), AuthRequirement::SpfOrDkim);
  EXPECT_EQ(first_failed_requirement({true, false, false, false}, false, kGmail), std::nullopt);
  EXPECT_EQ(first_failed_requirement({false, true, false, false}, false, kGmail), std::nullopt);
  EXPECT_EQ(first_failed_requirement({true, true, true, true}, false, kGmail), std::nullopt);
}

TEST(AuthRequirements, GmailEnforcesEveryRequirement) {
  for (AuthRequirement requirement :
       {AuthRequirement::SpfOrDkim, AuthRequirement::Spf, AuthRequirement::Dkim, AuthRequirement::Dmarc,
        AuthRequirement::Alignment, AuthRequirement::Tls}) {
    EXPECT_TRUE(provider_enforces(requirement, kGmail));
  }
}

/// Authentication results of a bulk sender and the requirement they fail first.
struct BulkCase {
  AuthResults results;
  std::optional<AuthRequirement> failed;
};

class BulkRequirementTest : public ::testing::TestWithParam<BulkCase> {};

TEST_P(BulkRequirementTest, FirstFailedInCheckOrder) {
  EXPECT_EQ(first_failed_requirement(GetParam().results, true, kGmail), GetParam().failed);
}

INSTANTIATE_TEST_SUITE_P(Bulk, BulkRequirementTest,
                         ::testing::Values(BulkCase{{false, false, false, false}, AuthRequirement::SpfOrDkim},
                                           BulkCase{{false, true, false, false}, AuthRequirement::Spf},
                                           BulkCase{{true, false, false, false}, AuthRequirement::Dkim},
                                           BulkCase{{true, true, false, false}, AuthRequirement::Dmarc},
                                           BulkCase{{true, true, true, false}, AuthRequirement::Alignment},
                                           BulkCase{{true, true, true, true, false}, AuthRequirement::Tls},
                                           BulkCase{{true, true, true, true}, std::nullopt}));

TEST(AuthRequirements, OnlyBulkSendersNeedTls) {
  EXPECT_EQ(first_failed_requirement({true, true, true, true, false}, false, kGmail), std::nullopt);
  EXPECT_FALSE(provider_enforces(AuthRequirement::Tls, ReplyCatalog::microsoft()));
}

/// A requirement, its two replies and whether they quote the SPF domain.
struct ReplyPair {
  AuthRequirement requirement;
  ReplyKind deferral, rejection;
  bool spf_domain;
};

class AuthReplyTest : public ::testing::TestWithParam<ReplyPair> {};

TEST_P(AuthReplyTest, TemporaryThenRejection) {
  const ReplyPair& p = GetParam();
  EXPECT_EQ(deferral_reply(p.requirement), p.deferral);
  EXPECT_EQ(rejection_reply(p.requirement), p.rejection);
  EXPECT_EQ(names_spf_domain(p.requirement), p.spf_domain);
  const ReplyCatalog gmail = ReplyCatalog::gmail();
  EXPECT_TRUE(gmail.info(p.deferral).transient());
  // The twins share the requirement's code number: 4.7.27 -> 5.7.27 and so on.
  EXPECT_EQ(gmail.info(p.deferral).enhanced.substr(1), gmail.info(p.rejection).enhanced.substr(1));
}

INSTANTIATE_TEST_SUITE_P(
    Requirements, AuthReplyTest,
    ::testing::Values(
        ReplyPair{AuthRequirement::SpfOrDkim, ReplyKind::Unauthenticated, ReplyKind::RejectedUnauthenticated,
                  true},
        ReplyPair{AuthRequirement::Spf, ReplyKind::SpfRequired, ReplyKind::RejectedSpf, true},
        ReplyPair{AuthRequirement::Dkim, ReplyKind::DkimRequired, ReplyKind::RejectedDkim, false},
        ReplyPair{AuthRequirement::Dmarc, ReplyKind::DmarcRequired, ReplyKind::RejectedDmarc, false},
        ReplyPair{AuthRequirement::Alignment, ReplyKind::NotAligned, ReplyKind::RejectedNotAligned, false},
        ReplyPair{AuthRequirement::Tls, ReplyKind::TlsRequired, ReplyKind::RejectedTls, false}));

}  // namespace
}  // namespace delivsim

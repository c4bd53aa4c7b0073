#include "models/default_provider.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(DefaultProvider, EachProfileHostsItsOwnDomains) {
  for (const ProviderProfile& profile : provider_profiles()) {
    for (const std::string& domain : profile.domains) {
      if (domain == "*") continue;
      EXPECT_EQ(default_profile_of_domain(domain).name, profile.name) << domain;
    }
  }
  EXPECT_EQ(default_profile_of_domain("GMail.COM").default_provider, "gmail");
}

TEST(DefaultProvider, OtherDomainsGoToTheCatchAll) {
  EXPECT_EQ(default_profile_of_domain("example.org").default_provider, "other");
  EXPECT_EQ(default_profile_of_domain("").default_provider, "other");
  EXPECT_EQ(default_profile_of_domain("mail.gmail.com").default_provider, "other");
}

}  // namespace
}  // namespace delivsim

#include "models/provider_profile.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <type_traits>

namespace delivsim {
namespace {

const ProviderProfile& profile(std::string_view name) {
  const ProviderProfile* found = find_provider_profile(name);
  if (found == nullptr) throw std::invalid_argument("no profile " + std::string(name));
  return *found;
}

std::vector<std::string> names_of(const std::vector<NamedReplyTexts>& texts) {
  std::vector<std::string> names;
  for (const NamedReplyTexts& t : texts) names.push_back(t.name);
  return names;
}

TEST(ProviderProfileTest, TableHoldsGmailMicrosoftYahooThenGeneric) {
  std::vector<std::string> names;
  for (const ProviderProfile& p : provider_profiles()) names.push_back(p.name);
  EXPECT_EQ(names, (std::vector<std::string>{"gmail", "microsoft", "yahoo", "generic"}));
}

TEST(ProviderProfileTest, LookupByName) {
  EXPECT_EQ(&profile("gmail"), &provider_profiles()[0]);
  EXPECT_EQ(&profile("microsoft"), &provider_profiles()[1]);
  EXPECT_EQ(&profile("yahoo"), &provider_profiles()[2]);
  EXPECT_EQ(&profile("generic"), &provider_profiles()[3]);
  EXPECT_EQ(find_provider_profile("gmial"), nullptr);
  EXPECT_EQ(find_provider_profile("Gmail"), nullptr);  // names are exact, as a scenario writes them
  EXPECT_EQ(find_provider_profile(""), nullptr);
}

TEST(ProviderProfileTest, GmailDefaults) {
  const ProviderProfile& gmail = profile("gmail");
  EXPECT_EQ(gmail.domains, (std::vector<std::string>{"gmail.com", "googlemail.com"}));
  EXPECT_EQ(gmail.mx_host_of("gmail"), "gmail-smtp-in.l.google.com");
  EXPECT_EQ(gmail.mx_host_of("google"), "gmail-smtp-in.l.google.com");  // the host does not follow the name
  EXPECT_TRUE(gmail.params.quota_enabled);
  EXPECT_EQ(gmail.params.max_connections_per_ip, ReceiverParams::gmail().max_connections_per_ip);
  EXPECT_TRUE(gmail.throttles_by_reputation);
  EXPECT_EQ(gmail.default_provider, "gmail");
  EXPECT_FALSE(gmail.description.empty());
}

TEST(ProviderProfileTest, MicrosoftDefaults) {
  const ProviderProfile& microsoft = profile("microsoft");
  EXPECT_EQ(microsoft.domains,
            (std::vector<std::string>{"outlook.com", "hotmail.com", "live.com", "msn.com"}));
  EXPECT_EQ(microsoft.mx_host_of("microsoft"), "hotmail-com.olc.protection.outlook.com");
  EXPECT_EQ(microsoft.mx_host_of("outlook"), "hotmail-com.olc.protection.outlook.com");
  EXPECT_TRUE(microsoft.throttles_by_reputation);
  EXPECT_EQ(microsoft.default_provider, "microsoft");
  EXPECT_FALSE(microsoft.description.empty());
  // Published (domain-facts-wave2 1.2, seed 003).
  EXPECT_EQ(microsoft.params.max_connections_per_sender, 500);
  EXPECT_EQ(microsoft.params.bulk_sender_per_day, 5000);
  EXPECT_EQ(microsoft.params.auth_reject_after, Duration(0));
  EXPECT_EQ(microsoft.params.alert_unusual_share, 0.05);
  EXPECT_EQ(microsoft.params.alert_act_share, 0.10);
  // Assumed (param_flags).
  EXPECT_EQ(microsoft.params.max_messages_per_connection, 100);
  EXPECT_EQ(microsoft.params.max_connections_per_ip, 10);
  EXPECT_EQ(microsoft.params.spam_rate_bad, 0.003);
}

/// Microsoft publishes what Gmail does not (500 connections) and not what Gmail does (a complaint
/// threshold): the flags follow, and every assumed value lies in its range.
TEST(ProviderProfileTest, MicrosoftFlagsAndRanges) {
  const ProviderProfile& microsoft = profile("microsoft");
  std::map<std::string, ParamInfo> infos;
  visit_receiver_params(microsoft.params, [&](const ParamInfo& info, const auto& value) {
    const ParamInfo flagged = microsoft.param_info(info);
    infos.emplace(std::string(info.name), flagged);
    if constexpr (std::is_arithmetic_v<std::decay_t<decltype(value)>>) {
      if (flagged.low.empty()) return;
      EXPECT_LE(std::stod(std::string(flagged.low)), static_cast<double>(value)) << info.name;
      EXPECT_GE(std::stod(std::string(flagged.high)), static_cast<double>(value)) << info.name;
    }
  });
  for (const char* published : {"max_connections_per_sender", "bulk_sender_per_day", "auth_reject_after",
                                "alert_unusual_share", "alert_act_share"}) {
    EXPECT_TRUE(infos.at(published).published) << published;
  }
  for (const char* assumed :
       {"spam_rate_good", "spam_rate_bad", "mitigation_clean_days", "volume_spike_ratio",
        "max_connections_per_ip", "max_messages_per_connection"}) {
    EXPECT_FALSE(infos.at(assumed).published) << assumed;
    EXPECT_FALSE(infos.at(assumed).low.empty()) << assumed;
  }
  EXPECT_FALSE(infos.at("recipient_limits").published);
  // Every flag names a field, says where it comes from, and gives an assumption a range.
  for (const ParamFlag& flag : microsoft.param_flags) {
    EXPECT_TRUE(infos.contains(std::string(flag.name))) << flag.name;
    EXPECT_FALSE(flag.source.empty()) << flag.name;
  }
}

TEST(ProviderProfileTest, GenericDefaults) {
  const ProviderProfile& generic = profile("generic");
  EXPECT_EQ(generic.domains, (std::vector<std::string>{"*"}));
  EXPECT_EQ(generic.mx_host_of("other"), "mx.other");
  EXPECT_EQ(generic.mx_host_of("corp"), "mx.corp");
  EXPECT_FALSE(generic.params.quota_enabled);
  EXPECT_EQ(generic.params.max_connections_per_ip, ReceiverParams::generic().max_connections_per_ip);
  EXPECT_FALSE(generic.throttles_by_reputation);
  EXPECT_EQ(generic.default_provider, "other");
  EXPECT_FALSE(generic.description.empty());
}

TEST(ProviderProfileTest, YahooDefaults) {
  const ProviderProfile& yahoo = profile("yahoo");
  EXPECT_EQ(yahoo.domains, (std::vector<std::string>{"yahoo.com", "ymail.com", "rocketmail.com", "aol.com"}));
  EXPECT_EQ(yahoo.mx_host_of("yahoo"), "mta5.am0.yahoodns.net");
  EXPECT_TRUE(yahoo.throttles_by_reputation);
  EXPECT_EQ(yahoo.default_provider, "yahoo");
  EXPECT_FALSE(yahoo.description.empty());
  // Published (domain-facts-wave2 1.3, seed 003) and the assumptions this profile changes.
  EXPECT_DOUBLE_EQ(yahoo.params.spam_rate_bad, 0.003);
  EXPECT_DOUBLE_EQ(yahoo.params.alert_unusual_share, 0.08);
  EXPECT_DOUBLE_EQ(yahoo.params.alert_act_share, 0.20);
  EXPECT_EQ(yahoo.params.max_messages_per_connection, 20);
  EXPECT_TRUE(yahoo.params.close_silently_at_message_limit);
  EXPECT_FALSE(yahoo.params.block_domains);  // [TSS09] names the IP; domains are deferred
  EXPECT_EQ(yahoo.params.auth_reject_after, Duration(0));
  EXPECT_GT(yahoo.params.blocklist_trap_hits, 0.0);
}

/// Yahoo publishes its complaint ceiling but no volume threshold, no good rate, no per-connection figure:
/// the flags say so, and each assumed flag carries its reason.
TEST(ProviderProfileTest, YahooFlagsSayWhatIsPublished) {
  const ProviderProfile& yahoo = profile("yahoo");
  std::map<std::string_view, bool> published;
  ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto&) {
    published[info.name] = yahoo.param_info(info).published;
  });
  EXPECT_TRUE(published.at("spam_rate_bad"));
  EXPECT_TRUE(published.at("alert_unusual_share"));
  EXPECT_TRUE(published.at("alert_act_share"));
  EXPECT_TRUE(published.at("block_domains"));
  for (std::string_view name :
       {"spam_rate_good", "bulk_sender_per_day", "max_messages_per_connection",
        "close_silently_at_message_limit", "recipient_limits", "mitigation_clean_days", "volume_spike_ratio",
        "auth_reject_after", "blocklist_trap_hits"})
    EXPECT_FALSE(published.at(name)) << name;
  for (const ParamFlag& flag : yahoo.param_flags) EXPECT_FALSE(flag.source.empty()) << flag.name;
}

/// Every profile's flags name a ReceiverParams field; an assumed figure has a range, unless it does not apply
/// to the provider (no reply for its mechanism: then it has neither end and never varies); a published one or
/// a switch has none (as ParamInfo's own rule, tests/scenario/param_range_test.cpp).
TEST(ProviderProfileTest, EveryParamFlagNamesAFieldAndRangesFollowTheRule) {
  for (const ProviderProfile& p : provider_profiles()) {
    for (const ParamFlag& flag : p.param_flags) {
      bool found = false;
      ReceiverParams params;
      visit_receiver_params(params, [&](const ParamInfo& info, const auto& field) {
        if (info.name != flag.name) return;
        found = true;
        const bool is_switch = std::is_same_v<std::decay_t<decltype(field)>, bool>;
        const ParamInfo amended = p.param_info(info);
        if (amended.published || is_switch) {
          EXPECT_TRUE(flag.low.empty() && flag.high.empty()) << p.name << " " << flag.name;
        } else {
          EXPECT_EQ(amended.low.empty(), amended.high.empty()) << p.name << " " << flag.name;
        }
      });
      EXPECT_TRUE(found) << p.name << ": no field " << flag.name;
    }
  }
}

TEST(ProviderProfileTest, ReplyTextsFirstIsTheDefault) {
  EXPECT_EQ(names_of(profile("gmail").reply_texts), (std::vector<std::string>{"current", "legacy"}));
  EXPECT_EQ(names_of(profile("microsoft").reply_texts),
            (std::vector<std::string>{"current", "legacy", "network_block", "s3114"}));
  EXPECT_EQ(names_of(profile("yahoo").reply_texts), (std::vector<std::string>{"current", "legacy"}));
  EXPECT_EQ(names_of(profile("generic").reply_texts), (std::vector<std::string>{"current"}));
  EXPECT_EQ(profile("gmail").find_reply_texts("legacy"), &profile("gmail").reply_texts[1]);
  EXPECT_EQ(profile("generic").find_reply_texts("legacy"), nullptr);
  EXPECT_EQ(profile("generic").find_reply_texts("current"), &profile("generic").reply_texts[0]);
}

/// The catalogs are the ReplyCatalog ones, reply for reply (so the world's replies stay as they were).
TEST(ProviderProfileTest, ReplyTextsAreTheCatalogs) {
  const std::vector<std::pair<const ReplyCatalog*, ReplyCatalog>> pairs{
      {&profile("gmail").reply_texts[0].catalog, ReplyCatalog::gmail()},
      {&profile("gmail").reply_texts[1].catalog, ReplyCatalog::gmail_legacy()},
      {&profile("microsoft").reply_texts[0].catalog, ReplyCatalog::microsoft()},
      {&profile("microsoft").reply_texts[1].catalog, ReplyCatalog::microsoft_legacy()},
      {&profile("microsoft").reply_texts[2].catalog, ReplyCatalog::microsoft_network_block()},
      {&profile("microsoft").reply_texts[3].catalog, ReplyCatalog::microsoft_s3114()},
      {&profile("yahoo").reply_texts[0].catalog, ReplyCatalog::yahoo()},
      {&profile("yahoo").reply_texts[1].catalog, ReplyCatalog::yahoo_legacy()},
      {&profile("generic").reply_texts[0].catalog, ReplyCatalog::generic()}};
  for (const auto& [in_profile, expected] : pairs) {
    for (std::size_t k = 0; k < kReplyKindCount; ++k) {
      const auto kind = static_cast<ReplyKind>(k);
      EXPECT_EQ(in_profile->one_line(kind, IdentityKind::Dkim, "example.com", "192.0.2.1"),
                expected.one_line(kind, IdentityKind::Dkim, "example.com", "192.0.2.1"));
      EXPECT_EQ(in_profile->info(kind).step, expected.info(kind).step);
    }
  }
}

TEST(ProviderProfileTest, NamesThatMustBeUniqueAre) {
  std::set<std::string> profile_names, default_providers, default_domains;
  for (const ProviderProfile& p : provider_profiles()) {
    EXPECT_TRUE(profile_names.insert(p.name).second) << p.name;
    std::set<std::string> texts;
    for (const NamedReplyTexts& t : p.reply_texts) EXPECT_TRUE(texts.insert(t.name).second) << p.name;
    EXPECT_FALSE(p.reply_texts.empty()) << p.name;
    if (p.default_provider.empty()) continue;
    EXPECT_TRUE(default_providers.insert(p.default_provider).second) << p.default_provider;
    for (const std::string& domain : p.domains) EXPECT_TRUE(default_domains.insert(domain).second) << domain;
  }
}

/// Every catalog of every profile: each reply it offers has its code and a non-empty text, its key starts
/// with its codes (deferrals_by_reply counts by key), every text variant offers the same replies, and every
/// profile offers the acceptance and the sender's own expiry.
TEST(ProviderProfileTest, EveryCatalogIsComplete) {
  for (const ProviderProfile& p : provider_profiles()) {
    for (const NamedReplyTexts& texts : p.reply_texts) {
      EXPECT_TRUE(texts.catalog.info(ReplyKind::Accepted).used) << p.name;
      EXPECT_TRUE(texts.catalog.info(ReplyKind::Expired).used) << p.name;
      for (std::size_t k = 0; k < kReplyKindCount; ++k) {
        const ReplyInfo& info = texts.catalog.info(static_cast<ReplyKind>(k));
        EXPECT_EQ(info.used, p.reply_texts.front().catalog.info(static_cast<ReplyKind>(k)).used);
        if (!info.used) continue;
        EXPECT_FALSE(info.text.empty()) << p.name << " " << texts.name << " " << k;
        const std::string codes =
            std::to_string(info.basic_code) + (info.enhanced.empty() ? "" : " " + info.enhanced);
        EXPECT_EQ(info.key.substr(0, codes.size()), codes) << info.key;
      }
    }
  }
}

TEST(ProviderProfileTest, ParamFlagsAmendParamInfo) {
  ProviderProfile amended = profile("gmail");
  amended.param_flags = {{.name = "spam_rate_bad",
                          .published = false,
                          .source = "not published here",
                          .low = "0.002",
                          .high = "0.01"},
                         {.name = "weight_ip", .published = true, .source = "a page"}};
  ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto&) {
    const ParamInfo as_amended = amended.param_info(info);
    const ParamInfo as_gmail = profile("gmail").param_info(info);
    EXPECT_EQ(as_gmail.published, info.published) << info.name;
    if (info.name == "spam_rate_bad") {
      EXPECT_FALSE(as_amended.published);
      EXPECT_EQ(as_amended.low, "0.002");
      EXPECT_EQ(as_amended.high, "0.01");
    } else if (info.name == "weight_ip") {
      EXPECT_TRUE(as_amended.published);
      EXPECT_TRUE(as_amended.low.empty() && as_amended.high.empty());
    } else {
      EXPECT_EQ(as_amended.published, info.published) << info.name;
      EXPECT_EQ(as_amended.low, info.low) << info.name;
    }
  });
}

struct StepCase {
  ReplyKind kind;
  SmtpStep step;
};

class GmailReplyStepTest : public ::testing::TestWithParam<StepCase> {};

/// Pins the SMTP step of each Gmail reply (sources in models/reply_catalog.cpp); every text variant and the
/// generic catalog answer at the same step (Microsoft's and Yahoo's: tests/models/microsoft_catalog_test.cpp,
/// yahoo_catalog_test.cpp).
TEST_P(GmailReplyStepTest, AnswersItsStep) {
  const StepCase& expected = GetParam();
  for (const char* name : {"gmail", "generic"}) {
    const ProviderProfile& p = profile(name);
    for (const NamedReplyTexts& texts : p.reply_texts) {
      EXPECT_EQ(texts.catalog.info(expected.kind).step, expected.step) << p.name << " " << texts.name;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(EveryReply, GmailReplyStepTest,
                         ::testing::Values(StepCase{ReplyKind::Accepted, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::QuotaExceeded, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::TooManyConnections, SmtpStep::Greeting},
                                           StepCase{ReplyKind::LowReputation, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::RecipientRateLimited, SmtpStep::RcptTo},
                                           StepCase{ReplyKind::TransientFault, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::Unauthenticated, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::SpfRequired, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::DkimRequired, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::NotAligned, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::DmarcRequired, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::UnknownUser, SmtpStep::RcptTo},
                                           StepCase{ReplyKind::Blocked, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::RejectedUnauthenticated, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::RejectedSpf, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::RejectedDkim, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::RejectedNotAligned, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::RejectedDmarc, SmtpStep::EndOfData},
                                           StepCase{ReplyKind::Expired, SmtpStep::None}));

TEST(SmtpStepTest, Names) {
  EXPECT_EQ(smtp_step_name(SmtpStep::Greeting), "greeting");
  EXPECT_EQ(smtp_step_name(SmtpStep::MailFrom), "mail_from");
  EXPECT_EQ(smtp_step_name(SmtpStep::RcptTo), "rcpt_to");
  EXPECT_EQ(smtp_step_name(SmtpStep::EndOfData), "end_of_data");
  EXPECT_EQ(smtp_step_name(SmtpStep::None), "none");
}

struct JudgingCase {
  std::vector<std::string> profiles;  ///< profile names; "" for an unknown profile
  std::size_t expected;
};

class JudgingIndexTest : public ::testing::TestWithParam<JudgingCase> {};

TEST_P(JudgingIndexTest, FirstWithAReputationModelElseFirst) {
  std::vector<const ProviderProfile*> profiles;
  for (const std::string& name : GetParam().profiles) profiles.push_back(find_provider_profile(name));
  EXPECT_EQ(judging_index(profiles), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, JudgingIndexTest,
    ::testing::Values(JudgingCase{{"gmail", "generic"}, 0}, JudgingCase{{"generic", "gmail"}, 1},
                      JudgingCase{{"generic", "gmail", "gmail"}, 1}, JudgingCase{{"generic", "generic"}, 0},
                      JudgingCase{{"", "gmail"}, 1}, JudgingCase{{"", ""}, 0}, JudgingCase{{"generic"}, 0},
                      JudgingCase{{"generic", "microsoft", "gmail"}, 1},
                      JudgingCase{{"microsoft", "gmail"}, 0}));

}  // namespace
}  // namespace delivsim

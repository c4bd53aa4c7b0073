#include "models/reply_key.h"

#include <gtest/gtest.h>

#include "models/provider_profile.h"

namespace delivsim {
namespace {

// Every reply of every catalog, as its one-line text (what accounting.csv's dsnDiag holds), reads back as the
// key the catalog gives it: the round trip `delivsim log stats` relies on to reproduce summary.json.
TEST(ReplyKey, EveryCatalogReplyReadsBackAsItsKey) {
  int checked = 0;
  for (const ProviderProfile& profile : provider_profiles()) {
    for (const NamedReplyTexts& texts : profile.reply_texts) {
      for (std::size_t k = 0; k < kReplyKindCount; ++k) {
        const auto kind = static_cast<ReplyKind>(k);
        const ReplyInfo& info = texts.catalog.info(kind);
        if (!info.used) continue;
        for (const IdentityKind identity : {IdentityKind::Ip, IdentityKind::Dkim, IdentityKind::Spf}) {
          const std::string text = texts.catalog.one_line(kind, identity, "news.example", "203.0.113.9");
          EXPECT_EQ(reply_key_of_text(text), info.key) << profile.name << "/" << texts.name << ": " << text;
          EXPECT_EQ(reply_key_of_text("smtp;" + text), info.key) << text;
          ++checked;
        }
      }
    }
  }
  EXPECT_GT(checked, 100);
}

TEST(ReplyKey, TagsAndCodes) {
  EXPECT_EQ(reply_key_of_text("421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred"),
            "421 4.7.0 [TSS04]");
  EXPECT_EQ(reply_key_of_text("smtp;421 RP-001 (COL004-MC1F43) Unfortunately"), "421 RP-001");
  EXPECT_EQ(reply_key_of_text("  smtp; 421 4.7.28 Gmail has detected"), "421 4.7.28");
}

TEST(ReplyKey, RepliesNoCatalogHasAreKeyedByTheirCodes) {
  EXPECT_EQ(reply_key_of_text("451 4.3.0 Mail server temporarily rejected message."), "451 4.3.0");
  EXPECT_EQ(reply_key_of_text("421 Too many concurrent SMTP connections"), "421");
  EXPECT_EQ(reply_key_of_text("452 4.2.2"), "452 4.2.2");
  EXPECT_EQ(reply_key_of_text("450 4.7.1234 odd"), "450");  // four digits: no enhanced code
  EXPECT_EQ(reply_key_of_text("421 4.7.0x"), "421");
}

TEST(ReplyKey, TextsWithNoCodeShareOneKey) {
  EXPECT_EQ(reply_key_of_text(""), kNoReplyCodeKey);
  EXPECT_EQ(reply_key_of_text("smtp;"), kNoReplyCodeKey);
  EXPECT_EQ(reply_key_of_text("connection timed out"), kNoReplyCodeKey);
  EXPECT_EQ(reply_key_of_text("4210 too long a code"), kNoReplyCodeKey);
}

}  // namespace
}  // namespace delivsim

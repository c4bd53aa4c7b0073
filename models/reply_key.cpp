#include "models/reply_key.h"

#include <algorithm>
#include <vector>

#include "models/provider_profile.h"

namespace delivsim {

namespace {

/// Every key of every profile's catalogs, longest first (so "421 4.7.0 [TSS04]" is tried before "421 4.7.0").
const std::vector<std::string>& catalog_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> all;
    for (const ProviderProfile& profile : provider_profiles()) {
      for (const NamedReplyTexts& texts : profile.reply_texts) {
        for (std::size_t k = 0; k < kReplyKindCount; ++k) {
          const ReplyInfo& info = texts.catalog.info(static_cast<ReplyKind>(k));
          if (info.used && std::find(all.begin(), all.end(), info.key) == all.end()) all.push_back(info.key);
        }
      }
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    return all;
  }();
  return keys;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// True for an RFC 3463 enhanced status code: class "." subject "." detail, each 1-3 digits.
bool is_enhanced_code(std::string_view word) {
  int parts = 0;
  std::size_t digits = 0;
  for (const char c : word) {
    if (is_digit(c)) {
      if (++digits > 3) return false;
    } else if (c == '.' && digits > 0 && parts < 2) {
      ++parts;
      digits = 0;
    } else {
      return false;
    }
  }
  return parts == 2 && digits > 0;
}

std::string_view word_at(std::string_view text, std::size_t start) {
  const std::size_t end = text.find(' ', start);
  return text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
}

}  // namespace

std::string reply_key_of_text(std::string_view text) {
  constexpr std::string_view kSmtpPrefix = "smtp;";
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (text.substr(0, kSmtpPrefix.size()) == kSmtpPrefix) text.remove_prefix(kSmtpPrefix.size());
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  for (const std::string& key : catalog_keys()) {
    if (text.substr(0, key.size()) == key && (text.size() == key.size() || text[key.size()] == ' '))
      return key;
  }
  const std::string_view basic = word_at(text, 0);
  if (basic.size() != 3 || !std::all_of(basic.begin(), basic.end(), is_digit)) {
    return std::string(kNoReplyCodeKey);
  }
  std::string key(basic);
  if (text.size() > basic.size()) {
    const std::string_view enhanced = word_at(text, basic.size() + 1);
    if (is_enhanced_code(enhanced)) key += " " + std::string(enhanced);
  }
  return key;
}

}  // namespace delivsim

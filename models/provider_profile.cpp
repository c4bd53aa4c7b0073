#include "models/provider_profile.h"

#include <algorithm>

namespace delivsim {

namespace {

std::vector<ProviderProfile> build_profiles() {
  std::vector<ProviderProfile> profiles;
  profiles.push_back({
      .name = "gmail",
      .description = "Gmail (gmail.com, googlemail.com): Google's SMTP errors and codes page and sender "
                     "guidelines (domain-facts 1-2, domain-facts-wave2 1.1)",
      .domains = {"gmail.com", "googlemail.com"},
      .mx_host = "gmail-smtp-in.l.google.com",
      .params = ReceiverParams::gmail(),
      .param_flags = {},
      .reply_texts = {{"current", ReplyCatalog::gmail()}, {"legacy", ReplyCatalog::gmail_legacy()}},
      .throttles_by_reputation = true,
      .default_provider = "gmail",
  });
  profiles.push_back({
      .name = "generic",
      .description = "A provider with no published catalog: accepts all but unknown users, plain RFC 5321 "
                     "texts (delivsim's assumption)",
      .domains = {"*"},
      .mx_host = "mx.{provider}",
      .params = ReceiverParams::generic(),
      .param_flags = {},
      .reply_texts = {{"current", ReplyCatalog::generic()}},
      .throttles_by_reputation = false,
      .default_provider = "other",
  });
  return profiles;
}

}  // namespace

const NamedReplyTexts* ProviderProfile::find_reply_texts(std::string_view name) const {
  const auto found = std::find_if(reply_texts.begin(), reply_texts.end(),
                                  [&](const NamedReplyTexts& texts) { return texts.name == name; });
  return found == reply_texts.end() ? nullptr : &*found;
}

std::string ProviderProfile::mx_host_of(const std::string& provider) const {
  static constexpr std::string_view kPlaceholder = "{provider}";
  std::string host = mx_host;
  const auto at = host.find(kPlaceholder);
  if (at != std::string::npos) host.replace(at, kPlaceholder.size(), provider);
  return host;
}

ParamInfo ProviderProfile::param_info(const ParamInfo& info) const {
  const auto flag = std::find_if(param_flags.begin(), param_flags.end(),
                                 [&](const ParamFlag& f) { return f.name == info.name; });
  if (flag == param_flags.end()) return info;
  ParamInfo amended = info;
  amended.published = flag->published;
  amended.low = flag->published ? std::string_view{} : flag->low;
  amended.high = flag->published ? std::string_view{} : flag->high;
  return amended;
}

const std::vector<ProviderProfile>& provider_profiles() {
  static const std::vector<ProviderProfile> profiles = build_profiles();
  return profiles;
}

const ProviderProfile* find_provider_profile(std::string_view name) {
  const std::vector<ProviderProfile>& profiles = provider_profiles();
  const auto found = std::find_if(profiles.begin(), profiles.end(),
                                  [&](const ProviderProfile& profile) { return profile.name == name; });
  return found == profiles.end() ? nullptr : &*found;
}

std::size_t judging_index(const std::vector<const ProviderProfile*>& profiles) {
  const auto judging = std::find_if(profiles.begin(), profiles.end(), [](const ProviderProfile* profile) {
    return profile != nullptr && profile->throttles_by_reputation;
  });
  return judging == profiles.end() ? 0 : static_cast<std::size_t>(judging - profiles.begin());
}

}  // namespace delivsim

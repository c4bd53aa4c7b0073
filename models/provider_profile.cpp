#include "models/provider_profile.h"

#include <algorithm>

#include "models/profiles/profiles.h"

namespace delivsim {

namespace {

/// The table of profiles, one file each in models/profiles/.
std::vector<ProviderProfile> build_profiles() {
  return {gmail_profile(), microsoft_profile(), yahoo_profile(), generic_profile()};
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

std::vector<std::string> transient_reply_keys(const ProviderProfile& profile) {
  std::vector<std::string> keys;
  for (const NamedReplyTexts& texts : profile.reply_texts) {
    for (std::size_t k = 0; k < kReplyKindCount; ++k) {
      const ReplyInfo& info = texts.catalog.info(static_cast<ReplyKind>(k));
      if (info.transient() && std::find(keys.begin(), keys.end(), info.key) == keys.end())
        keys.push_back(info.key);
    }
  }
  return keys;
}

}  // namespace delivsim

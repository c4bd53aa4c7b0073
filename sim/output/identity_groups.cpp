#include "sim/output/identity_groups.h"

#include <algorithm>
#include <array>

namespace delivsim {

namespace {

/// The figures whose series must match for two identities to be merged ("tier" follows from "score").
constexpr std::array<const char*, 4> kComparedFigures{"score", "spam_rate", "quota_per_hour", "accepted"};

bool same_series(const IdentityResult& a, const IdentityResult& b, const SeriesColumns& series) {
  return std::all_of(kComparedFigures.begin(), kComparedFigures.end(), [&](const char* figure) {
    const std::optional<std::vector<double>> first = series(identity_column(a, figure));
    const std::optional<std::vector<double>> second = series(identity_column(b, figure));
    return first && second && *first == *second;
  });
}

}  // namespace

std::string identity_column(const IdentityResult& identity, const std::string& figure) {
  return identity.provider + "." + std::string(identity_kind_name(identity.kind)) + "[" + identity.id + "]." +
         figure;
}

std::vector<IdentityGroup> identity_groups(const std::vector<IdentityResult>& identities,
                                           const std::string& provider, const SeriesColumns& series) {
  std::vector<IdentityGroup> groups;
  std::vector<std::string> kinds;  // per group: "dkim+spf"
  for (const IdentityResult& identity : identities) {
    if (identity.provider != provider) continue;
    const std::string kind(identity_kind_name(identity.kind));
    const auto same = std::find_if(groups.begin(), groups.end(), [&](const IdentityGroup& group) {
      return group.identity->id == identity.id && same_series(*group.identity, identity, series);
    });
    if (same == groups.end()) {
      groups.push_back({&identity, kind + " " + identity.id});
      kinds.push_back(kind);
      continue;
    }
    std::string& merged = kinds[static_cast<std::size_t>(same - groups.begin())];
    merged += "+" + kind;
    same->label = merged + " " + identity.id;
  }
  return groups;
}

}  // namespace delivsim

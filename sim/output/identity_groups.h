#pragma once
/// @file A provider's sending identities as the charts show them: the time-series column of each figure,
/// and identities whose series are identical (a domain used both for DKIM and for SPF) merged into one
/// line. Qt-free: the GUI's charts and the HTML report's both use it.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/output/run_result.h"

namespace delivsim {

/// The column name of one of an identity's figures ("score", "tier", "spam_rate", "quota_per_hour",
/// "accepted"), e.g. "gmail.ip[203.0.113.10].score" (sim/world/recorder.cpp's naming).
std::string identity_column(const IdentityResult& identity, const std::string& figure);

/// A time series read by column name: the column's values, one per row (a single run's values, or the
/// replications' mean); nullopt when the series has no such column.
using SeriesColumns = std::function<std::optional<std::vector<double>>(const std::string& column)>;

/// Identities of one provider shown as one line: `identity` is the first of them, `label` names them all
/// ("dkim+spf news.example.com"; "ip 203.0.113.10" for one alone).
struct IdentityGroup {
  const IdentityResult* identity = nullptr;
  std::string label;
};

/// The identities of `provider` among `identities`, in their order, with identical ones merged. Two
/// identities are identical when they have the same id and, for each of "score", "spam_rate",
/// "quota_per_hour" and "accepted", both have the column in `series` and its values are equal row by row
/// (a NaN equals nothing; a column missing on either side means not identical).
std::vector<IdentityGroup> identity_groups(const std::vector<IdentityResult>& identities,
                                           const std::string& provider, const SeriesColumns& series);

}  // namespace delivsim

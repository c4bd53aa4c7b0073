#include "sim/output/identity_groups.h"

#include <gtest/gtest.h>

#include <limits>
#include <map>

namespace delivsim {
namespace {

const std::vector<std::string> kFigures{"score", "tier", "spam_rate", "quota_per_hour", "accepted"};

IdentityResult identity(IdentityKind kind, const std::string& id, const std::string& provider) {
  IdentityResult result;
  result.kind = kind;
  result.id = id;
  result.provider = provider;
  return result;
}

/// A provider's identities and a time series in which each has every figure's column.
struct IdentitySeries {
  std::vector<IdentityResult> identities;
  std::map<std::string, std::vector<double>> columns;

  /// Adds an identity whose figures all have the values `values`.
  void add(IdentityKind kind, const std::string& id, const std::string& provider,
           const std::vector<double>& values) {
    identities.push_back(identity(kind, id, provider));
    for (const std::string& figure : kFigures) columns[identity_column(identities.back(), figure)] = values;
  }
  SeriesColumns lookup() const {
    return [this](const std::string& column) -> std::optional<std::vector<double>> {
      const auto found = columns.find(column);
      if (found == columns.end()) return std::nullopt;
      return found->second;
    };
  }
  std::vector<std::string> labels(const std::string& provider) const {
    std::vector<std::string> out;
    for (const IdentityGroup& group : identity_groups(identities, provider, lookup()))
      out.push_back(group.label);
    return out;
  }
};

/// gmail: a DKIM and an SPF identity on news.example.com with the same series, after an IP.
IdentitySeries dkim_and_spf_domain() {
  IdentitySeries series;
  series.add(IdentityKind::Ip, "203.0.113.10", "gmail", {0.5, 0.6, 0.7});
  series.add(IdentityKind::Dkim, "news.example.com", "gmail", {0.5, 0.4, 0.3});
  series.add(IdentityKind::Spf, "news.example.com", "gmail", {0.5, 0.4, 0.3});
  return series;
}

TEST(IdentityColumn, NamesProviderKindIdAndFigure) {
  EXPECT_EQ(identity_column(identity(IdentityKind::Ip, "203.0.113.10", "gmail"), "score"),
            "gmail.ip[203.0.113.10].score");
  EXPECT_EQ(identity_column(identity(IdentityKind::Spf, "news.example.com", "yahoo"), "quota_per_hour"),
            "yahoo.spf[news.example.com].quota_per_hour");
}

TEST(IdentityGroups, MergesADomainUsedForDkimAndSpfIntoOneLabelledGroup) {
  const IdentitySeries series = dkim_and_spf_domain();
  const std::vector<IdentityGroup> groups = identity_groups(series.identities, "gmail", series.lookup());
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].label, "ip 203.0.113.10");
  EXPECT_EQ(groups[0].identity, &series.identities[0]);
  EXPECT_EQ(groups[1].label, "dkim+spf news.example.com");
  EXPECT_EQ(groups[1].identity, &series.identities[1]) << "the group's identity is its first";
}

TEST(IdentityGroups, KeepsOnlyTheProvidersIdentitiesInOrder) {
  IdentitySeries series = dkim_and_spf_domain();
  series.add(IdentityKind::Spf, "news.example.com", "yahoo", {0.5, 0.4, 0.3});
  series.add(IdentityKind::Ip, "203.0.113.11", "gmail", {0.9, 0.9, 0.9});
  EXPECT_EQ(series.labels("gmail"),
            (std::vector<std::string>{"ip 203.0.113.10", "dkim+spf news.example.com", "ip 203.0.113.11"}));
  EXPECT_EQ(series.labels("yahoo"), (std::vector<std::string>{"spf news.example.com"}));
  EXPECT_TRUE(series.labels("outlook").empty());
}

TEST(IdentityGroups, KeepsIdentitiesWithOtherIdsApartEvenWithTheSameSeries) {
  IdentitySeries series;
  series.add(IdentityKind::Ip, "203.0.113.10", "gmail", {1, 2});
  series.add(IdentityKind::Ip, "203.0.113.11", "gmail", {1, 2});
  EXPECT_EQ(series.labels("gmail"), (std::vector<std::string>{"ip 203.0.113.10", "ip 203.0.113.11"}));
}

/// A change to the SPF identity's column `figure` that should keep it apart from the DKIM one.
struct SplitCase {
  std::string name;
  std::string figure;
  std::optional<std::vector<double>> spf_values;  ///< nullopt: the column is missing
};

class KeptApart : public ::testing::TestWithParam<SplitCase> {};

TEST_P(KeptApart, WhenOneComparedFigureIsNotIdentical) {
  IdentitySeries series = dkim_and_spf_domain();
  const std::string column = identity_column(series.identities[2], GetParam().figure);
  if (GetParam().spf_values) {
    series.columns[column] = *GetParam().spf_values;
  } else {
    series.columns.erase(column);
  }
  EXPECT_EQ(series.labels("gmail"),
            (std::vector<std::string>{"ip 203.0.113.10", "dkim news.example.com", "spf news.example.com"}));
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

INSTANTIATE_TEST_SUITE_P(
    Figures, KeptApart,
    ::testing::Values(SplitCase{"Score", "score", std::vector<double>{0.5, 0.4, 0.31}},
                      SplitCase{"SpamRate", "spam_rate", std::vector<double>{0.5, 0.41, 0.3}},
                      SplitCase{"Quota", "quota_per_hour", std::vector<double>{0.6, 0.4, 0.3}},
                      SplitCase{"Accepted", "accepted", std::vector<double>{0.5, 0.4}},
                      SplitCase{"MissingAccepted", "accepted", std::nullopt},
                      SplitCase{"NaNScore", "score", std::vector<double>{0.5, kNaN, 0.3}}),
    [](const ::testing::TestParamInfo<SplitCase>& info) { return info.param.name; });

TEST(IdentityGroups, AMissingColumnOnBothSidesIsNotIdentical) {
  IdentitySeries series = dkim_and_spf_domain();
  series.columns.erase(identity_column(series.identities[1], "spam_rate"));
  series.columns.erase(identity_column(series.identities[2], "spam_rate"));
  EXPECT_EQ(series.labels("gmail"),
            (std::vector<std::string>{"ip 203.0.113.10", "dkim news.example.com", "spf news.example.com"}));
}

}  // namespace
}  // namespace delivsim

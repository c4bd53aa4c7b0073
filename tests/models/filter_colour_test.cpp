#include "models/filter_colour.h"

#include <gtest/gtest.h>

#include "models/provider_profile.h"

namespace delivsim {
namespace {

struct ShareColour {
  double spam_share;
  FilterColour colour;
};

class SndsBandEdgeTest : public ::testing::TestWithParam<ShareColour> {};

// Return Path: Green "up to 10%" (10% itself is Green), Yellow 10-90% (90% itself is Yellow), Red over 90%.
TEST_P(SndsBandEdgeTest, ShareGivesColour) {
  EXPECT_EQ(filter_colour(FilterColourBands::snds(), GetParam().spam_share), GetParam().colour);
}

INSTANTIATE_TEST_SUITE_P(
    BandEdges, SndsBandEdgeTest,
    ::testing::Values(ShareColour{0.0, FilterColour::Green}, ShareColour{0.10, FilterColour::Green},
                      ShareColour{0.1000001, FilterColour::Yellow}, ShareColour{0.5, FilterColour::Yellow},
                      ShareColour{0.90, FilterColour::Yellow}, ShareColour{0.9000001, FilterColour::Red},
                      ShareColour{1.0, FilterColour::Red}));

TEST(FilterColourTest, BandsFollowTheirFields) {
  const FilterColourBands bands{
      .green_max_share = 0.2, .yellow_max_share = 0.5, .source = "", .assumption = ""};
  EXPECT_EQ(filter_colour(bands, 0.15), FilterColour::Green);
  EXPECT_EQ(filter_colour(bands, 0.3), FilterColour::Yellow);
  EXPECT_EQ(filter_colour(bands, 0.6), FilterColour::Red);
}

TEST(FilterColourTest, NameAndParseAreInverse) {
  for (FilterColour colour : {FilterColour::Green, FilterColour::Yellow, FilterColour::Red}) {
    EXPECT_EQ(parse_filter_colour(filter_colour_name(colour)), colour);
  }
  EXPECT_EQ(filter_colour_name(FilterColour::Red), "red");
  EXPECT_EQ(parse_filter_colour("Red"), std::nullopt);
  EXPECT_EQ(parse_filter_colour(""), std::nullopt);
}

TEST(FilterColourTest, DaysCountAndWorst) {
  FilterColourDays days;
  EXPECT_EQ(days.worst(), std::nullopt);
  days.add(FilterColour::Green);
  days.add(FilterColour::Green);
  EXPECT_EQ(days.worst(), FilterColour::Green);
  days.add(FilterColour::Yellow);
  EXPECT_EQ(days.worst(), FilterColour::Yellow);
  days.add(FilterColour::Red);
  EXPECT_EQ(days.worst(), FilterColour::Red);
  EXPECT_EQ(days, (FilterColourDays{.green = 2, .yellow = 1, .red = 1}));
  FilterColourDays total{.green = 1, .yellow = 0, .red = 0};
  total.add(days);
  EXPECT_EQ(total, (FilterColourDays{.green = 3, .yellow = 1, .red = 1}));
}

TEST(FilterColourTest, OnlyMicrosoftHasBandsWithASource) {
  for (const ProviderProfile& profile : provider_profiles()) {
    EXPECT_EQ(profile.filter_colours.has_value(), profile.name == "microsoft") << profile.name;
  }
  const FilterColourBands& bands = *find_provider_profile("microsoft")->filter_colours;
  EXPECT_DOUBLE_EQ(bands.green_max_share, 0.10);
  EXPECT_DOUBLE_EQ(bands.yellow_max_share, 0.90);
  EXPECT_NE(bands.source.find("Return Path"), std::string_view::npos);
  EXPECT_NE(bands.assumption.find("spam folder"), std::string_view::npos);
}

}  // namespace
}  // namespace delivsim

#include "models/filter_colour.h"

#include <array>

namespace delivsim {

namespace {

constexpr std::array<std::string_view, 3> kNames = {"green", "yellow", "red"};

}  // namespace

std::string_view filter_colour_name(FilterColour colour) {
  return kNames[static_cast<std::size_t>(colour)];
}

std::optional<FilterColour> parse_filter_colour(std::string_view text) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == text) return static_cast<FilterColour>(i);
  }
  return std::nullopt;
}

FilterColourBands FilterColourBands::snds() {
  return {.green_max_share = 0.10,
          .yellow_max_share = 0.90,
          .source =
              "Return Path's help page \"What do the filter results mean in Microsoft's Smart Network "
              "Data Services (SNDS)?\" (a third party describing SNDS, not Microsoft's page)",
          .assumption =
              "the share of the IP's delivered mail placed in the spam folder that day stands for "
              "SNDS's spam verdict (delivsim's assumption; placement is itself assumed)"};
}

FilterColour filter_colour(const FilterColourBands& bands, double spam_share) {
  if (spam_share <= bands.green_max_share) return FilterColour::Green;
  if (spam_share <= bands.yellow_max_share) return FilterColour::Yellow;
  return FilterColour::Red;
}

void FilterColourDays::add(FilterColour colour) {
  switch (colour) {
    case FilterColour::Green:
      ++green;
      return;
    case FilterColour::Yellow:
      ++yellow;
      return;
    case FilterColour::Red:
      ++red;
      return;
  }
}

void FilterColourDays::add(const FilterColourDays& other) {
  green += other.green;
  yellow += other.yellow;
  red += other.red;
}

std::optional<FilterColour> FilterColourDays::worst() const {
  if (red > 0) return FilterColour::Red;
  if (yellow > 0) return FilterColour::Yellow;
  if (green > 0) return FilterColour::Green;
  return std::nullopt;
}

}  // namespace delivsim

#pragma once
/// @file Microsoft SNDS-style filter colours: a sending IP's daily colour from the share of its mail the
/// provider's filter judged spam (domain-facts-wave2 1.2). The bands are a third party's account of SNDS;
/// that delivsim's spam-folder share (the receiver's placement, Verdict::inbox) stands for SNDS's spam
/// verdict is delivsim's assumption, so a colour is only as good as the modelled placement.
#include <cstdint>
#include <optional>
#include <string_view>

namespace delivsim {

/// Ordered best to worst, so that `a < b` means a is better.
enum class FilterColour : std::uint8_t { Green, Yellow, Red };

/// "green", "yellow", "red".
std::string_view filter_colour_name(FilterColour colour);
/// Inverse of filter_colour_name; nullopt for anything else.
std::optional<FilterColour> parse_filter_colour(std::string_view text);

/// A provider's colour bands over the daily spam-verdict share (0..1).
struct FilterColourBands {
  double green_max_share = 0;   ///< a day whose share is at most this is Green
  double yellow_max_share = 0;  ///< above green_max_share and at most this: Yellow; above: Red
  /// Who publishes the bands (a third party describing SNDS, not Microsoft).
  std::string_view source;
  /// What delivsim assumes in applying them: the spam-folder share stands for the spam verdict.
  std::string_view assumption;

  /// SNDS's bands as Return Path's help page gives them: Green "up to 10%", Yellow 10-90%, Red over 90%.
  static FilterColourBands snds();
};

/// The colour of a day on which `spam_share` (0..1) of the IP's delivered mail was judged spam.
FilterColour filter_colour(const FilterColourBands& bands, double spam_share);

/// One IP's days by colour (days on which it delivered mail; a day without any has no colour).
struct FilterColourDays {
  std::int64_t green = 0, yellow = 0, red = 0;

  /// Counts one day of `colour`.
  void add(FilterColour colour);
  /// Adds another tally (an IP's days into its provider's IP-days).
  void add(const FilterColourDays& other);
  /// The worst colour with a day, or nullopt when no day has one.
  std::optional<FilterColour> worst() const;
  bool operator==(const FilterColourDays&) const = default;
};

}  // namespace delivsim

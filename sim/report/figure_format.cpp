#include "sim/report/figure_format.h"

#include <algorithm>
#include <cmath>

#include "sim/output/duration_format.h"
#include "sim/output/headline.h"
#include "sim/output/number_format.h"
#include "sim/report/table_cells.h"

namespace delivsim::report {

namespace {

const std::string kMissing(kMissingFigure);
const std::string kMinus = "\u2212";

/// The unit of the headline figure `key`; nullopt for a key that names none.
std::optional<FigureUnit> unit_of(std::string_view key) {
  const std::optional<std::size_t> figure = headline_figure_index(key);
  if (!figure) return std::nullopt;
  return headline_figures()[*figure].unit;
}

int share_decimals(std::string_view key) {
  return key == "deferral_rate" ? 2 : 1;
}

std::string tier_text(double value) {
  const double nearest = std::round(value);
  const std::string name(tier_name(static_cast<Tier>(static_cast<int>(std::clamp(nearest, 0.0, 3.0)))));
  if (value == nearest) return name;
  return format_fixed(value, 1) + " (" + name + ")";
}

}  // namespace

bool is_share_figure(std::string_view key) {
  return unit_of(key) == FigureUnit::Share;
}

std::string figure_key_of(std::string_view figure_path) {
  const std::size_t dot = figure_path.rfind('.');
  return std::string(dot == std::string_view::npos ? figure_path : figure_path.substr(dot + 1));
}

std::string format_figure(std::string_view key, std::optional<double> value) {
  const std::optional<FigureUnit> unit = unit_of(key);
  if (!value || !std::isfinite(*value)) return unit == FigureUnit::Drain ? "not drained" : kMissing;
  if (!unit) return format_significant(*value);
  switch (*unit) {
    case FigureUnit::Share:
      return format_percent(*value, share_decimals(key));
    case FigureUnit::Drain:
    case FigureUnit::Latency:
      return format_elapsed(*value);
    case FigureUnit::Count:
      break;
    case FigureUnit::Tier:
      return tier_text(*value);
  }
  return format_count(std::llround(*value));
}

std::string format_figure_magnitude(std::string_view key, double magnitude) {
  if (!std::isfinite(magnitude)) return kMissing;
  const std::optional<FigureUnit> unit = unit_of(key);
  if (!unit) return format_significant(magnitude);
  switch (*unit) {
    case FigureUnit::Share:
      return format_fixed(magnitude * 100, share_decimals(key)) + " pp";
    case FigureUnit::Drain:
    case FigureUnit::Latency:
      return format_elapsed(magnitude);
    case FigureUnit::Count:
      break;
    case FigureUnit::Tier:
      return format_significant(magnitude, 2) + (magnitude == 1 ? " tier" : " tiers");
  }
  return format_count(std::llround(magnitude));
}

std::string format_figure_difference(std::string_view key, double difference) {
  if (!std::isfinite(difference)) return kMissing;
  return (difference < 0 ? kMinus : "+") + format_figure_magnitude(key, std::abs(difference));
}

std::string deferral_class(double deferral_rate, const ProviderThresholds& thresholds) {
  switch (deferral_level(deferral_rate, thresholds)) {
    case DeferralLevel::Normal:
      return "normal";
    case DeferralLevel::Unusual:
      return "unusual";
    case DeferralLevel::Act:
      return "act";
  }
  return "normal";
}

std::string tier_class(Tier tier) {
  switch (tier) {
    case Tier::High:
      return "tier-high";
    case Tier::Medium:
      return "tier-medium";
    case Tier::Low:
      return "tier-low";
    case Tier::Bad:
      return "tier-bad";
  }
  return "";
}

}  // namespace delivsim::report

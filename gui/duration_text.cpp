#include "gui/duration_text.h"

#include <array>
#include <utility>

namespace delivsim::gui {

std::string duration_text(Duration duration) {
  if (duration.count() == 0) return "0";
  static constexpr std::array<std::pair<std::int64_t, const char*>, 5> kUnits{
      {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1'000, "s"}, {1, "ms"}}};
  std::int64_t left = duration.count();
  std::string text;
  for (const auto& [unit_ms, unit] : kUnits) {
    if (left >= unit_ms) {
      text += std::to_string(left / unit_ms) + unit;
      left %= unit_ms;
    }
  }
  return text;
}

}  // namespace delivsim::gui

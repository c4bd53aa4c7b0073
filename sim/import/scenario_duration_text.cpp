#include "sim/import/scenario_duration_text.h"

#include <array>
#include <string_view>
#include <utility>

namespace delivsim {

std::string scenario_duration_text(std::int64_t ms) {
  static constexpr std::array<std::pair<std::int64_t, std::string_view>, 5> kUnits = {
      {{86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1'000, "s"}, {1, "ms"}}};
  std::string text;
  for (const auto& [unit_ms, unit] : kUnits) {
    if (ms >= unit_ms) {
      text += std::to_string(ms / unit_ms) + std::string(unit);
      ms %= unit_ms;
    }
  }
  return text.empty() ? "0" : text;
}

}  // namespace delivsim

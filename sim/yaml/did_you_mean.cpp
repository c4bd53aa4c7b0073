#include "sim/yaml/did_you_mean.h"

#include <algorithm>
#include <limits>

namespace delivsim {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // d[i][j]: distance between the first i characters of a and the first j of b.
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates) {
  constexpr std::size_t kMaxDistance = 2;
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  if (word.size() > kMaxHintedNameBytes) return {};
  for (const std::string_view candidate : candidates) {
    if (candidate.size() > kMaxHintedNameBytes) continue;
    const bool prefix =
        !word.empty() && !candidate.empty() && (candidate.starts_with(word) || word.starts_with(candidate));
    // The distance is at least the difference in length, and exactly that when one is a prefix of the other.
    const std::size_t length_gap =
        std::max(word.size(), candidate.size()) - std::min(word.size(), candidate.size());
    if (!prefix && length_gap > kMaxDistance) continue;
    const std::size_t distance = prefix ? length_gap : edit_distance(word, candidate);
    if ((distance <= kMaxDistance || prefix) && distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return std::string(best);
}

}  // namespace delivsim

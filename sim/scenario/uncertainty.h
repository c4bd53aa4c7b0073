#pragma once
/// @file A scenario's `uncertainty:` block: which assumed receiver parameters the robust comparison varies
/// and over what range (`delivsim compare --robust`, `delivsim check` of world expectations, `sweep
/// --robust`). Without the block every assumed parameter of every provider whose profile throttles by
/// reputation (ProviderProfile::throttles_by_reputation: gmail) varies over its documented range
/// (ParamInfo::low .. high, docs/model.md section 6); published figures and on/off switches never vary, and
/// neither does a parameter the scenario sets in `providers.<p>.params` (it is pinned at the value written
/// there). The format is documented in docs/scenario-format.md.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "models/delay_distribution.h"
#include "models/units.h"

namespace delivsim {

/// A value of a varied ReceiverParams field, of the field's own type (recipient_limits and switches never
/// vary).
using ParamValue = std::variant<double, int, Duration, DelayDistribution>;

/// How draws spread between a range's ends: uniformly (Linear) or uniformly in the logarithm (Log).
enum class RangeScale { Linear, Log };

/// The most worlds a robust run may draw.
inline constexpr int kMaxWorlds = 10000;

/// `uncertainty.providers.<p>.ranges.<param>`: the file's own range for one parameter, or `fixed`.
struct ParamRangeOverride {
  std::string param;     ///< ReceiverParams key, e.g. "quota_floor_medium"
  bool fixed = false;    ///< `fixed`: held at the scenario's value (the default) in every world
  ParamValue low, high;  ///< the range (unset when fixed); low <= high, same DelayDistribution kind
  /// `scale:`; nullopt: the default (Log when both ends are > 0 and high >= 4 * low, else Linear; for a
  /// distribution, judged on its median, mean or value)
  std::optional<RangeScale> scale;
};

/// `uncertainty.providers.<p>`: one provider's part of the block.
struct ProviderUncertainty {
  std::string provider;  ///< a provider of the scenario whose profile throttles by reputation
  /// `vary: assumed` (false, the default): every assumed parameter with a documented range, as overridden
  /// by `ranges`; `vary: listed` (true): only the parameters given a range in `ranges`.
  bool listed_only = false;
  std::vector<ParamRangeOverride> ranges;  ///< in the order written
};

/// The whole `uncertainty:` block.
struct UncertaintySpec {
  /// `worlds:`: how many worlds `delivsim check` and `compare --robust` (without a number) draw; nullopt when
  /// not written.
  std::optional<int> worlds;
  /// `seed:`: the seed of the Latin hypercube; nullopt: the scenario's seed.
  std::optional<std::uint64_t> seed;
  std::vector<ProviderUncertainty> providers;  ///< in the order written
};

}  // namespace delivsim

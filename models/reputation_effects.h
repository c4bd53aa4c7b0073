#pragma once
/// @file What a combined reputation score does to one accepted or offered message: the inbox share and the
/// share answered 421 4.7.0 for low reputation. Both are graduated in the score (docs/model.md 3.8): each
/// tier's parameter holds at the tier's lower threshold, the share moves linearly to the next tier's value at
/// the next threshold and to the ideal (all in the inbox, nothing deferred) at score 1; below tier_low_min
/// BAD's value holds. A lower score therefore always places less in the inbox and defers more.
#include "models/receiver_params.h"

namespace delivsim {

/// Share of accepted mail placed in the inbox at combined score `score` (in [0, 1]).
double inbox_share(double score, const ReceiverParams& params);

/// Share of messages answered 421 4.7.0 (low reputation) at combined score `score` (in [0, 1]).
double reputation_defer_share(double score, const ReceiverParams& params);

}  // namespace delivsim

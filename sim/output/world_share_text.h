#pragma once
/// @file A share of receiver worlds as text, for the verdicts, tables and report of `delivsim compare
/// --robust`.
#include <string>

namespace delivsim {

/// `share` (0..1) as a percentage: whole numbers ("40%", "100%"), except that a share strictly between 0
/// and 1% or between 99% and 100% shows one decimal, never rounded to an end ("0.1%", "99.9%"), so that
/// "0%" and "100%" always mean none and all.
std::string format_world_share(double share);

}  // namespace delivsim

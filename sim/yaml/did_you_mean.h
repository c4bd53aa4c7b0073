#pragma once
/// @file Suggestions for misspelt names ("max_smtp_outs" -> "max_smtp_out").
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring characters
/// (optimal string alignment distance).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The longest word or candidate closest_name compares, in bytes (longer ones get no hint, so that a
/// hostile multi-megabyte name costs no quadratic comparison).
inline constexpr std::size_t kMaxHintedNameBytes = 256;

/// The candidate closest to `word`: within edit distance 2, or one of the two a prefix of the other (the
/// smaller distance wins; ties go to the earlier candidate). Empty when none qualifies or `word` is longer
/// than kMaxHintedNameBytes; candidates longer than that are passed over.
std::string closest_name(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace delivsim

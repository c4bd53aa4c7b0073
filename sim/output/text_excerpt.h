#pragma once
/// @file A value quoted in a message, cut to a readable length.
#include <cstddef>
#include <string>
#include <string_view>

namespace delivsim {

/// Longest value quoted whole by quoted_excerpt, in characters (bytes).
inline constexpr std::size_t kMaxQuotedChars = 120;

/// `text` in single quotes; past kMaxQuotedChars only its start, then "...' (<n> characters)".
std::string quoted_excerpt(std::string_view text);

}  // namespace delivsim

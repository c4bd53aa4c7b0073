#pragma once
/// @file Durations and rates as scenarios write them ("1h30m", "500/h"): read, and durations written back.
#include <string>
#include <string_view>

#include "models/units.h"

namespace delivsim {

/// Parses a duration: whole-number amounts with a unit, largest unit first, each unit at most once:
/// "250ms", "90s", "30m", "4h", "2d", "1w", "4d12h", "1h30m"; a bare "0" is zero. Units: w, d, h, m
/// (minutes), s, ms. Throws std::invalid_argument (the message quotes the text) on bad text, a negative
/// amount, or a total over kLongestSpan (2^62 ms), so that a simulated time plus it cannot overflow.
Duration parse_duration(std::string_view text);

/// `duration` as scenarios write it, which parse_duration reads back exactly: its non-zero units from d
/// down to ms, largest first ("4d12h", "1h30m", "90s", "250ms"; weeks as days); "0" for zero. `duration`
/// must not be negative.
std::string duration_text(Duration duration);

/// Parses a rate "<count>/<unit>": "500/h", "10/m" or "10/min", "2/s", "50000/d", "1.5/h". The count is a
/// finite decimal number > 0, and the period (1 / rate) at most kLongestSpan (2^62 ms; a rate of at least
/// about 2.2e-16/s). Throws std::invalid_argument (the message quotes the text) otherwise.
Rate parse_rate(std::string_view text);

}  // namespace delivsim

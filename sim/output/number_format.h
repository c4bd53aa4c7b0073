#pragma once
/// @file Number formatting shared by the writers: deterministic, locale-independent, compact.
#include <cstdint>
#include <string>
#include <string_view>

namespace delivsim {

/// Significant digits every written double is rounded to, so outputs are byte-identical across runs and
/// readable.
inline constexpr int kWrittenSignificantDigits = 6;

/// `value` rounded to `digits` significant digits (e.g. 0.1234567 -> 0.123457). Non-finite values pass
/// through unchanged.
double round_significant(double value, int digits = kWrittenSignificantDigits);

/// `value` as printf's "%.<digits>g" would print it in the "C" locale, whatever the process locale:
/// "0.123457", "86400", "1.5e-07".
std::string format_significant(double value, int digits = kWrittenSignificantDigits);

/// An integer with thousands separators: 1234567 -> "1,234,567", -1200 -> "-1,200".
std::string format_count(std::int64_t value);

/// A count and the noun for it, singular for exactly one, the count as format_count writes it:
/// (1, "point", "points") -> "1 point", (1200, "point", "points") -> "1,200 points".
std::string format_count_noun(std::int64_t count, std::string_view one, std::string_view many);

/// A ratio as a percentage with `decimals` decimals: (0.1234, 1) -> "12.3%".
std::string format_percent(double ratio, int decimals);

/// `value` with exactly `decimals` decimals ("%.<decimals>f" in the "C" locale): (4.25, 1) -> "4.2".
std::string format_fixed(double value, int decimals);

/// format_fixed with thousands separators in the whole part, for a mean of counts: (10780, 1) -> "10,780.0".
std::string format_fixed_grouped(double value, int decimals);

}  // namespace delivsim

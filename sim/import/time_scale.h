#pragma once
/// @file Live mode's time scale K (`delivsim serve --time-scale K`) as `delivsim import --time-scale K`
/// applies it to an MTA's configuration: K as an exact fraction, which values move with it, and the
/// arithmetic that divides a timer or multiplies a rate by K exactly, rounding only where an MTA cannot write
/// the result.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace delivsim {

/// How a configuration value moves when the model's clock runs K times faster than real time. Each
/// importer's table of directives says it for every directive it knows.
enum class TimeScaling {
  Unscaled,  ///< counts, names, switches, and the SMTP protocol's timeouts (they pace the real conversation)
  Timer,     ///< a queue, retry, lifetime or shaping time: divided by K
  Rate,      ///< messages or connections per unit of time: multiplied by K
};

/// K > 0 as a reduced fraction, read from decimal text.
struct TimeScale {
  std::int64_t numerator = 1;
  std::int64_t denominator = 1;
  std::string text;  ///< as given ("3600", "0.5"), for headers and messages
  /// K as a number (live mode's clock runs at it).
  double value() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }
};

/// What `--time-scale K` accepts, in words, for every command that takes it (serve and import).
inline constexpr std::string_view kTimeScaleSyntax =
    "a decimal number above 0 and at most 1000000000 with at most 6 digits after the point, such as 3600 or "
    "0.5";

/// The one reader of `--time-scale K` (`delivsim serve` and `delivsim import`): K from decimal text ("3600",
/// "0.5", "2.25") as kTimeScaleSyntax says. Throws std::invalid_argument with the short reason ("not a
/// decimal number", "not above 0", ...); the CLI's message around it is option_checks.h's time_scale_value.
TimeScale parse_time_scale(std::string_view text);

/// A non-negative fraction.
struct Fraction {
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;  ///< > 0; the fraction is reduced
  bool whole() const { return denominator == 1; }
  double value() const { return static_cast<double>(numerator) / static_cast<double>(denominator); }
};

/// `amount` / K. Throws std::overflow_error when it cannot be computed in 64 bits.
Fraction divided_by_scale(std::int64_t amount, const TimeScale& scale);

/// `amount` * K. Throws std::overflow_error when it cannot be computed in 64 bits.
Fraction multiplied_by_scale(std::int64_t amount, const TimeScale& scale);

/// `fraction` * `factor` (> 0). Throws std::overflow_error when it cannot be computed in 64 bits.
Fraction times(const Fraction& fraction, std::int64_t factor);

/// The nearest whole number (halves up), and at least 1 when `fraction` is above 0: a timer or a rate that
/// was on stays on.
std::int64_t nearest_whole_at_least_one(const Fraction& fraction);

/// A unit of time an MTA writes after a whole number.
struct TimeUnit {
  std::string_view symbol;  ///< "d", "h", "m", "s", "ms"
  std::int64_t size = 1;    ///< in the base unit of the amounts it writes (seconds, or milliseconds)
};

/// `amount` (in the base unit, >= 0) in the largest of `units` (largest first, the last of size 1) that
/// divides it: "90m" for 5400 seconds, "108s" for 108, "0s" for 0.
std::string whole_unit_text(std::int64_t amount, std::span<const TimeUnit> units);

/// The warning text for a value written rounded: "`old` at time scale K is `exact` `unit`; written as `new`
/// (`why`), so this value runs at time scale `effective` instead of K".
std::string rounding_warning(std::string_view old_text, double exact, std::string_view unit,
                             std::string_view new_text, std::string_view why, double effective_scale,
                             const TimeScale& scale);

}  // namespace delivsim

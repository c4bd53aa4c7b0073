#include "sim/cli/option_checks.h"

#include <climits>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>

#include "sim/import/time_scale.h"
#include "sim/output/text_excerpt.h"

namespace delivsim {

namespace {

static_assert(std::numeric_limits<long double>::digits >= 64, "every 64-bit whole number must be exact");

/// The value of `text` when it is a whole number: decimal digits with an optional sign, or an exponent form
/// whose value is whole ("2e5", "1.5e3"). Not hexadecimal, infinity or NaN.
std::optional<long double> read_whole_number(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789.eE+-") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  const long double value = std::strtold(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(value) || value != std::floor(value))
    return std::nullopt;
  return value;
}

/// `allowed` says which numbers in words; `max_in_words` whether it names `max` (else a too large value
/// is told the maximum).
CLI::Validator whole_number(std::uint64_t min, std::uint64_t max, const std::string& allowed,
                            bool max_in_words, const std::string& short_name) {
  return CLI::Validator(
      [min, max, allowed, max_in_words](std::string& text) -> std::string {
        const std::optional<long double> value = read_whole_number(text);
        const auto low = static_cast<long double>(min), high = static_cast<long double>(max);
        if (value && *value >= low && *value <= high) {
          text = std::to_string(static_cast<std::uint64_t>(*value));
          return "";
        }
        std::string message = "expected " + allowed + ", got " + quoted_excerpt(text);
        if (value && *value > high && !max_in_words) message += " (at most " + std::to_string(max) + ")";
        return message;
      },
      short_name);
}

}  // namespace

CLI::Validator whole_number_at_least(int min) {
  const std::string bound = std::to_string(min);
  return whole_number(static_cast<std::uint64_t>(min), INT_MAX, "a whole number of at least " + bound, false,
                      "at least " + bound);
}

CLI::Validator whole_number_from_to(std::uint64_t min, std::uint64_t max) {
  const std::string range = std::to_string(min) + " to " + std::to_string(max);
  return whole_number(min, max, "a whole number from " + range, true, range);
}

CLI::Validator time_scale_value() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        try {
          parse_time_scale(text);
          return "";
        } catch (const std::invalid_argument& error) {
          return "expected " + std::string(kTimeScaleSyntax) + ", got " + quoted_excerpt(text) + " (" +
                 error.what() + ")";
        }
      },
      "above 0");
}

CLI::Validator not_empty(const std::string& what) {
  return CLI::Validator(
      [what](std::string& text) -> std::string {
        return text.empty() ? "expected " + what + ", got ''" : "";
      },
      "");
}

void add_set_option(CLI::App& cmd, std::vector<std::string>& overrides) {
  cmd.add_option("--set", overrides,
                 "Override a scenario value: path.to.key=VALUE, as written in the file (repeatable; "
                 "`delivsim validate FILE --list-set-paths` lists the paths)")
      ->type_name(kSetValue);
}

void add_force_flag(CLI::App& cmd, bool& force) {
  cmd.add_flag("--force", force,
               "Also replace an output folder without the .delivsim-output marker that holds only files "
               "delivsim writes (an older delivsim's output); a folder holding any other file is never "
               "replaced");
}

ReplaceMode replace_mode(bool force) {
  return force ? ReplaceMode::Force : ReplaceMode::Marked;
}

}  // namespace delivsim

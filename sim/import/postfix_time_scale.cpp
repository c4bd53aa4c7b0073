#include "sim/import/postfix_time_scale.h"

#include <array>
#include <stdexcept>
#include <string>

#include "sim/import/postfix_files.h"
#include "sim/import/postfix_parameters.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// Postfix's time units (postconf(5)); its finest is the second.
constexpr std::array<TimeUnit, 5> kUnits{{{"w", 7 * 86400}, {"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}}};
/// The longest time parse_postfix_time accepts.
constexpr std::int64_t kMaxSeconds = 100LL * 365 * 86400;

/// A timer's value scaled: its text, and the rounding warning ("" when exact); nullopt when unchanged.
struct ScaledTime {
  std::string text;
  std::string rounding;
};

std::optional<ScaledTime> scale_seconds(std::int64_t seconds, std::string_view old_text,
                                        const TimeScale& scale) {
  if (seconds == 0) return std::nullopt;
  const Fraction scaled = divided_by_scale(seconds, scale);
  const std::int64_t written = nearest_whole_at_least_one(scaled);
  if (scaled.whole() && written == seconds) return std::nullopt;
  if (written > kMaxSeconds) throw std::overflow_error("longer than 100 years");
  ScaledTime result{whole_unit_text(written, kUnits), ""};
  if (!scaled.whole() || written != scaled.numerator) {
    result.rounding =
        rounding_warning(old_text, scaled.value(), "s", result.text,
                         "Postfix times are whole numbers of a unit s, m, h, d or w, at least 1s",
                         static_cast<double>(seconds) / static_cast<double>(written), scale);
  }
  return result;
}

/// The value as Postfix reads it for a time: without a " # ..." tail (which Postfix would refuse; the import
/// warns about it) and the space before it.
std::string_view time_text(std::string_view value) {
  if (const std::size_t hash = value.find(" #"); hash != std::string_view::npos)
    value = value.substr(0, hash);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}

void scale_parameter(ScaledConfig& config, const PostfixParameter& parameter, const TimeScale& scale) {
  const std::optional<char> unit = postfix_timer_unit(parameter.name);
  if (!unit) return;
  const std::string_view text = time_text(parameter.value);
  const SourcePosition& at = parameter.value_at;
  if (text.empty()) return;
  if (text.find('$') != std::string_view::npos) {
    config.notes.push_back(config.file + ":" + std::to_string(at.line) + ": " + parameter.name + " " +
                           std::string(text) +
                           " is not changed: it refers to a parameter scaled where it is set");
    return;
  }
  const std::optional<std::int64_t> seconds = parse_postfix_time(text, *unit);
  if (!seconds) {
    throw ScenarioError(
        at.file, at.line, at.column, parameter.name, "is not a Postfix time value: " + quote_value(text),
        "a whole number with an optional unit s, m, h, d or w (bare: " + std::string(1, *unit) + ")");
  }
  if (config.original.compare(offset_of(config.original, at.line, at.column), text.size(), text) != 0) {
    throw ScenarioError(at.file, at.line, at.column, parameter.name,
                        "is written across lines; delivsim rewrites a time written on one line",
                        parameter.name + " = " + std::string(text) + " on one line");
  }
  std::optional<ScaledTime> scaled;
  try {
    scaled = scale_seconds(*seconds, text, scale);
  } catch (const std::overflow_error& error) {
    throw ScenarioError(at.file, at.line, at.column, parameter.name,
                        quote_value(text) + " scaled by " + scale.text + " is " + error.what(),
                        "a smaller value or time scale");
  }
  if (scaled) config.add(at, parameter.name, std::string(text), scaled->text, scaled->rounding);
}

/// Postfix's default of each timer main.cf and the qmgr service leave unset, scaled, after main.cf's lines.
void append_defaults(ScaledConfig& main, const PostfixFiles& files, const TimeScale& scale) {
  const auto written = [&](std::string_view name) {
    for (const PostfixParameter& parameter : files.main) {
      if (parameter.name == name) return true;
    }
    for (const PostfixService& service : files.services) {
      if (service.command != "qmgr" && service.command != "oqmgr") continue;
      for (const PostfixParameter& parameter : service.overrides) {
        if (parameter.name == name) return true;
      }
    }
    return false;
  };
  std::string lines;
  for (const std::string_view name : postfix_timers()) {
    const std::optional<std::string_view> default_text = postfix_default(name);
    if (!default_text || written(name)) continue;
    const std::int64_t seconds = *parse_postfix_time(*default_text, *postfix_timer_unit(name));
    std::optional<ScaledTime> scaled;
    try {
      scaled = scale_seconds(seconds, std::string(*default_text) + " (Postfix's default)", scale);
    } catch (const std::overflow_error& error) {
      throw ScenarioError(main.file, 1, 1, std::string(name),
                          "is not set, and Postfix's default " + std::string(*default_text) + " scaled by " +
                              scale.text + " is " + error.what(),
                          "a smaller time scale, or " + std::string(name) + " set in main.cf");
    }
    if (!scaled) continue;
    lines += std::string(name) + " = " + scaled->text + "\n";
    main.notes.push_back(std::string(name) + " is not set here: Postfix's default " +
                         std::string(*default_text) + " is written out scaled at the end: " + scaled->text);
    if (!scaled->rounding.empty())
      main.warnings.push_back({SourcePosition{main.file, 0, 0}, std::string(name), scaled->rounding});
  }
  if (lines.empty()) return;
  main.appended = "\n# Added by delivsim import --time-scale " + scale.text +
                  ": Postfix's defaults (mail_params.h) for the timers this file leaves unset, divided by " +
                  scale.text + "\n" + lines;
}

}  // namespace

std::vector<ScaledConfig> scale_postfix_files(const std::vector<std::filesystem::path>& files,
                                              const TimeScale& scale) {
  const PostfixFiles read = read_postfix_files(files);
  std::vector<ScaledConfig> copies;
  for (const std::filesystem::path& path : files) {
    copies.push_back(ScaledConfig{path.string(), read_scenario_file(path), "Postfix", {}, {}, {}, {}});
  }
  const auto copy_of = [&](const std::string& file) -> ScaledConfig& {
    for (ScaledConfig& copy : copies) {
      if (copy.file == file) return copy;
    }
    throw std::logic_error(file + " is not among the files given");
  };
  ScaledConfig& main = copy_of(read.main_file);
  for (const PostfixParameter& parameter : read.main) scale_parameter(main, parameter, scale);
  if (read.master_file) {
    ScaledConfig& master = copy_of(*read.master_file);
    for (const PostfixService& service : read.services) {
      for (const PostfixParameter& parameter : service.overrides) scale_parameter(master, parameter, scale);
    }
  }
  append_defaults(main, read, scale);
  return copies;
}

}  // namespace delivsim

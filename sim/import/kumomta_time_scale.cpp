#include "sim/import/kumomta_time_scale.h"

#include <array>
#include <chrono>
#include <stdexcept>
#include <string>

#include "models/destination_policy.h"
#include "sim/import/kumomta_destination.h"
#include "sim/import/kumomta_shaping.h"
#include "sim/import/kumomta_values.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// humantime's units as delivsim writes them, in milliseconds (its finest is the millisecond).
constexpr std::array<TimeUnit, 5> kDurationUnits{
    {{"d", 86'400'000}, {"h", 3'600'000}, {"m", 60'000}, {"s", 1'000}, {"ms", 1}}};
/// Throttle periods, shortest first, in seconds.
constexpr std::array<TimeUnit, 4> kPeriods{{{"s", 1}, {"m", 60}, {"h", 3600}, {"d", 86400}}};

/// `compute()`, its overflow or malformed value as a ScenarioError at the value.
template <typename Compute>
auto guarded(const SourcePosition& at, const std::string& name, const std::string& text,
             const TimeScale& scale, Compute compute) {
  try {
    return compute();
  } catch (const std::overflow_error&) {
    throw ScenarioError(at.file, at.line, at.column, name,
                        quote_value(text) + " is too large to scale by " + scale.text,
                        "a smaller value or time scale");
  } catch (const std::invalid_argument& error) {
    throw ScenarioError(at.file, at.line, at.column, name, error.what(), "a throttle such as \"100/min\"");
  }
}

class KumoScaler {
 public:
  KumoScaler(ScaledConfig& config, const TimeScale& scale) : config_(config), scale_(scale) {}

  void scale_section(const KumoSection& section) {
    for (const KumoParam& param : section.params) scale_option(param);
    for (const KumoSource& source : section.sources) {
      for (const KumoParam& param : source.params) scale_option(param);
    }
    for (const KumoRule& rule : section.rules) {
      scale_duration(in_bytes(rule.duration_at), "duration", rule.duration_ms);
      if (rule.threshold) {
        scale_throttle(in_bytes(rule.threshold->value_at), "trigger.Threshold", rule.threshold->text);
      }
      for (const KumoAction& action : rule.actions) {
        if (action.kind == KumoAction::Kind::SetConfig || action.kind == KumoAction::Kind::SetDomainConfig) {
          scale_option(action.config);
        }
      }
    }
  }

 private:
  void scale_option(const KumoParam& param) {
    if (kumo_option_time_scaling(param.name) != TimeScaling::Rate || param.type != KumoParam::Type::Text)
      return;
    scale_throttle(in_bytes(param.value_at), param.name, param.text);
  }

  /// toml++ counts columns in code points; the copy's positions are bytes.
  SourcePosition in_bytes(SourcePosition at) const {
    const std::string& text = config_.original;
    std::size_t offset = offset_of(text, at.line, 1);
    for (int column = 1; column < at.column && offset < text.size() && text[offset] != '\n'; ++column) {
      ++offset;
      while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
    }
    at.column = static_cast<int>(offset - offset_of(text, at.line, 1)) + 1;
    return at;
  }

  /// The TOML token at `at`: a quoted string (its quotes included) or a bare number.
  std::string token_at(const SourcePosition& at, const std::string& name) const {
    const std::string& text = config_.original;
    const std::size_t begin = offset_of(text, at.line, at.column);
    std::size_t end = begin;
    if (begin < text.size() && (text[begin] == '"' || text[begin] == '\'')) {
      const char quote = text[begin];
      end = begin + 1;
      while (end < text.size() && text[end] != quote && text[end] != '\n')
        end += quote == '"' && text[end] == '\\' ? 2 : 1;
      if (end < text.size() && text[end] == quote && end > begin + 1)
        return text.substr(begin, end + 1 - begin);
    } else {
      while (end < text.size() &&
             ((text[end] >= '0' && text[end] <= '9') || text[end] == '_' || text[end] == '+'))
        ++end;
      if (end > begin) return text.substr(begin, end - begin);
    }
    throw ScenarioError(
        at.file, at.line, at.column, name, "is not written as a one-line string or a number",
        "a value such as \"100/h\" or \"2 hours\" on one line (delivsim rewrites it in place)");
  }

  void scale_throttle(const SourcePosition& at, const std::string& name, const std::string& spec) {
    const KumoThrottle throttle = guarded(at, name, spec, scale_, [&] { return parse_kumo_throttle(spec); });
    const Fraction per_period =
        guarded(at, name, spec, scale_, [&] { return multiplied_by_scale(throttle.count, scale_); });
    if (per_period.whole() && per_period.numerator == throttle.count) return;
    // The written period, or the next longer one that makes the count whole; else a rounded count per day.
    const TimeUnit* period = nullptr;
    std::int64_t count = 0;
    std::string rounding;
    for (const TimeUnit& unit : kPeriods) {
      if (unit.size < throttle.period_s) continue;
      const Fraction scaled =
          guarded(at, name, spec, scale_, [&] { return times(per_period, unit.size / throttle.period_s); });
      period = &unit;
      count = nearest_whole_at_least_one(scaled);
      if (!scaled.whole() && unit.size == kPeriods.back().size) {
        const double per_day_before =
            static_cast<double>(throttle.count) * 86400 / static_cast<double>(throttle.period_s);
        rounding = rounding_warning(spec, scaled.value(), "/d", std::to_string(count) + "/d",
                                    "KumoMTA throttles count whole messages, at least 1 a day",
                                    static_cast<double>(count) / per_day_before, scale_);
      }
      if (scaled.whole()) break;
    }
    std::string text =
        (throttle.local ? "local:" : "") + std::to_string(count) + "/" +
        (period->size == throttle.period_s ? written_period(spec) : std::string(period->symbol));
    if (throttle.max_burst) text += ",max_burst=" + std::to_string(*throttle.max_burst);
    replace(at, name, text, rounding);
  }

  void scale_duration(const SourcePosition& at, const std::string& name, std::int64_t ms) {
    const Fraction scaled =
        guarded(at, name, std::to_string(ms) + "ms", scale_, [&] { return divided_by_scale(ms, scale_); });
    const std::int64_t written = nearest_whole_at_least_one(scaled);
    if (scaled.whole() && written == ms) return;
    const std::string text = whole_unit_text(written, kDurationUnits);
    std::string rounding;
    if (!scaled.whole() || written != scaled.numerator) {
      rounding = rounding_warning(token_at(at, name), scaled.value(), "ms", text,
                                  "KumoMTA durations are whole milliseconds, at least 1ms",
                                  static_cast<double>(ms) / static_cast<double>(written), scale_);
    }
    const bool number = token_at(at, name).front() != '"' && token_at(at, name).front() != '\'';
    if (number && written % 1000 == 0) {
      config_.add(at, name, token_at(at, name), std::to_string(written / 1000), rounding);
    } else {
      replace(at, name, text, rounding);
    }
  }

  /// Replaces the token at `at` with `text` as a TOML string.
  void replace(const SourcePosition& at, const std::string& name, const std::string& text,
               const std::string& rounding) {
    config_.add(at, name, token_at(at, name), "\"" + text + "\"", rounding);
  }

  static std::string written_period(const std::string& spec) {
    std::string period = spec.substr(spec.find('/') + 1);
    period = period.substr(0, period.find(','));
    const std::size_t first = period.find_first_not_of(' ');
    const std::size_t last = period.find_last_not_of(' ');
    return first == std::string::npos ? period : period.substr(first, last + 1 - first);
  }

  ScaledConfig& config_;
  const TimeScale& scale_;
};

/// The note on KumoMTA's queue timers, which live in its queue configuration rather than in shaping files.
std::string queue_timer_note(const TimeScale& scale) {
  const DestinationPolicy defaults = kumomta_destination_defaults();
  const auto scaled = [&](Duration duration) {
    return whole_unit_text(nearest_whole_at_least_one(divided_by_scale(duration.count(), scale)),
                           kDurationUnits);
  };
  return "KumoMTA's queue timers are not in shaping files: in kumo.make_queue_config (or queues.toml) set "
         "retry_interval = \"" +
         scaled(defaults.retry.initial) + "\" (default " +
         whole_unit_text(defaults.retry.initial.count(), kDurationUnits) + ") and max_age = \"" +
         scaled(defaults.bounce_after) + "\" (default " +
         whole_unit_text(defaults.bounce_after.count(), kDurationUnits) +
         "), and any max_retry_interval divided by " + scale.text;
}

}  // namespace

std::vector<ScaledConfig> scale_kumo_files(const std::vector<std::filesystem::path>& files,
                                           const TimeScale& scale) {
  std::vector<ScaledConfig> copies;
  for (const std::filesystem::path& path : files) {
    ScaledConfig config{path.string(), read_scenario_file(path), "KumoMTA", {}, {}, {}, {}};
    const KumoShaping shaping = read_kumo_shaping({path});
    KumoScaler scaler(config, scale);
    if (shaping.default_section) scaler.scale_section(*shaping.default_section);
    for (const KumoSection& section : shaping.domains) scaler.scale_section(section);
    for (const KumoSection& section : shaping.providers) scaler.scale_section(section);
    if (scale.numerator != scale.denominator) config.notes.push_back(queue_timer_note(scale));
    copies.push_back(std::move(config));
  }
  return copies;
}

}  // namespace delivsim

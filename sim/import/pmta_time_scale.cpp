#include "sim/import/pmta_time_scale.h"

#include <array>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/destination_policy.h"
#include "sim/import/pmta_directives.h"
#include "sim/import/pmta_patterns.h"
#include "sim/import/pmta_syntax.h"
#include "sim/import/pmta_values.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

/// PowerMTA's TIME-INTERVAL units (its finest is the second).
constexpr std::array<TimeUnit, 4> kUnits{{{"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}}};
/// The one rate whose period PowerMTA fixes at a day (pmta_count_per_day): its count is rounded instead.
constexpr std::string_view kCountPerDay = "max-cold-virtual-mta-msg";

class PmtaScaler {
 public:
  PmtaScaler(ScaledConfig& config, const TimeScale& scale) : config_(config), scale_(scale) {}

  void walk(const std::vector<PmtaItem>& items) {
    for (const PmtaItem& item : items) {
      if (item.block) {
        walk(item.children);
      } else if (item.name == "reply") {
        scale_actions(item);
      } else if (const TimeScaling scaling = pmta_time_scaling(item.name); scaling != TimeScaling::Unscaled) {
        set_.insert(item.name);
        scale_words(item, scaling);
      }
    }
  }

  /// Whether the file sets directive `name` anywhere.
  bool sets(const std::string& name) const { return set_.contains(name); }

 private:
  void scale_actions(const PmtaItem& line) {
    for (const PmtaWord& action : pmta_reply_actions(line)) {
      const std::size_t equals = action.text.find('=');
      if (equals == std::string::npos) continue;
      const std::string key = action.text.substr(0, equals);
      if (pmta_action_time_scaling(key) != TimeScaling::Timer) continue;
      PmtaWord value{action.text.substr(equals + 1), action.where};
      value.where.column += static_cast<int>(equals + 1);
      scale_timer(value, "reply " + key);
    }
  }

  /// Each word of the value, each of its comma-separated items; a rate directive's rate is its last word
  /// (source-ip-max-msg-rate CIDR RATE).
  void scale_words(const PmtaItem& item, TimeScaling scaling) {
    std::vector<PmtaWord> words = item.words;
    if (scaling == TimeScaling::Rate && words.size() > 1) words.erase(words.begin(), words.end() - 1);
    for (const PmtaWord& word : words) {
      for (const PmtaWord& part : pmta_list_items(unquoted(word))) {
        if (scaling == TimeScaling::Timer) {
          scale_timer(part, item.name);
        } else {
          scale_rate(part, item.name);
        }
      }
    }
  }

  /// A double-quoted word's text starts one column after its quote.
  PmtaWord unquoted(PmtaWord word) const {
    const std::size_t at = offset_of(config_.original, word.where.line, word.where.column);
    if (at < config_.original.size() && config_.original[at] == '"') ++word.where.column;
    return word;
  }

  void scale_timer(const PmtaWord& word, const std::string& name) {
    if (word.text == "never" || word.text == "0") return;
    const std::int64_t seconds = pmta_duration_seconds(word, name);
    const Fraction scaled = guarded(word, name, [&] { return divided_by_scale(seconds, scale_); });
    const std::int64_t written = nearest_whole_at_least_one(scaled);
    if (scaled.whole() && written == seconds) return;
    const std::string text = whole_unit_text(written, kUnits);
    std::string rounding;
    if (!scaled.whole() || written != scaled.numerator) {
      rounding = rounding_warning(word.text, scaled.value(), "s", text,
                                  "PowerMTA times are whole seconds, at least 1s",
                                  static_cast<double>(seconds) / static_cast<double>(written), scale_);
    }
    config_.add(word.where, name, word.text, text, rounding);
  }

  void scale_rate(const PmtaWord& word, const std::string& name) {
    const std::optional<PmtaRate> rate = read_pmta_rate(word, name);
    if (!rate) return;
    if (name == kCountPerDay) pmta_count_per_day(word, name);  // only N/d or N/day
    // N per (M units) times K: a fraction a/b of N per M units, written a per (b x M) units.
    const Fraction scaled = guarded(word, name, [&] { return multiplied_by_scale(rate->count, scale_); });
    if (scaled.whole() && scaled.numerator == rate->count) return;
    std::string text;
    std::string rounding;
    if (name == kCountPerDay) {
      const std::int64_t count = nearest_whole_at_least_one(scaled);
      text = std::to_string(count) + "/" + rate->unit;
      if (!scaled.whole() || count != scaled.numerator) {
        rounding = rounding_warning(word.text, scaled.value(), "/d", text,
                                    "PowerMTA counts whole messages per day, at least 1",
                                    static_cast<double>(count) / static_cast<double>(rate->count), scale_);
      }
    } else {
      const std::int64_t span = guarded(word, name, [&] {
                                  return times({rate->span, 1}, scaled.denominator);
                                }).numerator;
      text = std::to_string(scaled.numerator) + "/" + (span == 1 ? "" : std::to_string(span)) + rate->unit;
    }
    config_.add(word.where, name, word.text, text, rounding);
  }

  template <typename Compute>
  Fraction guarded(const PmtaWord& word, const std::string& name, Compute compute) const {
    try {
      return compute();
    } catch (const std::overflow_error&) {
      throw ScenarioError(word.where.file, word.where.line, word.where.column, name,
                          quote_value(word.text) + " is too large to scale by " + scale_.text,
                          "a smaller value or time scale");
    }
  }

  ScaledConfig& config_;
  const TimeScale& scale_;
  std::set<std::string> set_;
};

/// A header note on a timer the file leaves at PowerMTA's default.
std::string default_note(std::string_view name, std::int64_t seconds, const TimeScale& scale) {
  const Fraction scaled = divided_by_scale(seconds, scale);
  return std::string(name) + " is not set here: PowerMTA's default " + whole_unit_text(seconds, kUnits) +
         " stays; at this scale write " + std::string(name) + " " +
         whole_unit_text(nearest_whole_at_least_one(scaled), kUnits) + " in <domain *>";
}

}  // namespace

ScaledConfig scale_pmta_file(const std::filesystem::path& path, const TimeScale& scale) {
  ScaledConfig config{path.string(), read_scenario_file(path), "PowerMTA", {}, {}, {}, {}};
  PmtaScaler scaler(config, scale);
  scaler.walk(parse_pmta_text(config.original, config.file));
  // PowerMTA's defaults are delivsim's (models/destination_policy.h).
  const DestinationPolicy defaults;
  const std::array<std::pair<std::string, Duration>, 3> timers{{
      {"retry-after", defaults.retry.interval},
      {"backoff-retry-after", defaults.backoff.retry_after},
      {"bounce-after", defaults.bounce_after},
  }};
  for (const auto& [name, duration] : timers) {
    if (!scaler.sets(name)) {
      config.notes.push_back(
          default_note(name, std::chrono::duration_cast<std::chrono::seconds>(duration).count(), scale));
    }
  }
  return config;
}

}  // namespace delivsim

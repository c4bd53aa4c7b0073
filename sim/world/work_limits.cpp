#include "sim/world/work_limits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

/// The most messages or recipients one run can index (the world numbers them with 32 bits).
constexpr double kMaxIndexed = std::numeric_limits<std::uint32_t>::max();

std::string printf_number(const char* format, double value) {
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), format, value);
  return text.data();
}

/// "950", "2.1K", "2.1M", "37G", "1.2T".
std::string format_amount(double value) {
  constexpr std::array<const char*, 5> kSuffixes{"", "K", "M", "G", "T"};
  std::size_t unit = 0;
  while (value >= 999.5 && unit + 1 < kSuffixes.size()) {
    value /= 1000;
    ++unit;
  }
  return printf_number(value < 9.95 && unit > 0 ? "%.1f" : "%.0f", value) + kSuffixes[unit];
}

/// A value of the limit's option just above `value`, two significant digits rounded up.
double round_up(double value) {
  const double step = std::pow(10.0, std::floor(std::log10(std::max(value, 1.0))) - 1);
  return std::ceil(value / step) * step;
}

constexpr std::array<const char*, 7> kByteUnits{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

/// A --max-memory value at or just above `bytes`, a whole number of GiB or of a larger unit: "10GiB",
/// "92TiB".
std::string format_size_option(double bytes) {
  std::size_t unit = 3;
  double value = bytes / (1024.0 * 1024 * 1024);
  while (value >= 1024 && unit + 1 < kByteUnits.size()) {
    value /= 1024;
    ++unit;
  }
  return printf_number("%.0f", std::ceil(value)) + kByteUnits[unit];
}

[[noreturn]] void refuse(const WorkPart& key, const std::string& problem, const std::string& expected) {
  throw ScenarioError(key.at.file, key.at.line, key.at.column, key.field, problem, expected);
}

/// Whether every run numbers its messages and recipients within kMaxIndexed (NaN counts are not).
bool numberable(const std::vector<WorkEstimate>& runs) {
  return std::all_of(runs.begin(), runs.end(), [](const WorkEstimate& run) {
    return run.messages <= kMaxIndexed && run.recipients <= kMaxIndexed;
  });
}

/// What would be accepted past a limit: the option that lifts it set to `value`, or why it cannot help.
std::string remedy(const char* option, const std::string& value, bool lifting_helps) {
  if (!lifting_helps) {
    return "less work (" + std::string(option) +
           " cannot help: a run numbers at most 4,294,967,295 messages and recipients)";
  }
  return "less work, or " + std::string(option) + " " + value + " to lift the limit";
}

void check_events(const WorkEstimate& run, const WorkLimits& limits, bool lifting_helps) {
  const double events = run.event_count();
  if (events <= limits.max_events) return;
  const WorkPart& key = run.largest_events();
  refuse(key,
         "asks for about " + format_amount(events) + " events in one run (most for " + key.what +
             "), above the limit of " + format_amount(limits.max_events),
         remedy(kMaxEventsOption, printf_number("%.2g", round_up(events)), lifting_helps));
}

void check_indexable(const WorkPart& key, double count, const std::string& what) {
  if (count <= kMaxIndexed) return;
  refuse(key,
         "asks for about " + format_amount(count) + " " + what +
             " in one run, more than a run can number (4,294,967,295)",
         "at most 4,294,967,295 " + what + " in all traffic together");
}

}  // namespace

std::string format_bytes(double bytes) {
  std::size_t unit = 0;
  while (bytes >= 1023.5 && unit + 1 < kByteUnits.size()) {
    bytes /= 1024;
    ++unit;
  }
  return printf_number(bytes < 9.95 && unit > 0 ? "%.1f " : "%.0f ", bytes) + kByteUnits[unit];
}

std::string describe_work(const WorkEstimate& estimate) {
  return "about " + format_bytes(estimate.peak_bytes()) + ", " + format_amount(estimate.event_count()) +
         " events per run";
}

int fit_work_to_limits(const std::vector<WorkEstimate>& runs, std::size_t replications, int threads,
                       const WorkLimits& limits) {
  if (runs.empty()) return threads;
  // Memory: up to `threads` runs at once, each needing its working memory, plus every result kept until the
  // batch is written; the run needing the most decides.
  double working = 0, kept = 0;
  const WorkEstimate* biggest = &runs.front();
  for (const WorkEstimate& run : runs) {
    const double run_working = run.peak_bytes() - kProcessBaseBytes - run.result_bytes();
    if (run.peak_bytes() > biggest->peak_bytes()) biggest = &run;
    working = std::max(working, run_working);
    kept += run.result_bytes() * static_cast<double>(replications);
  }
  const double jobs = static_cast<double>(runs.size() * replications);
  const double one_at_a_time = kProcessBaseBytes + working + kept;
  if (!(one_at_a_time <= limits.max_memory_bytes)) {  // NaN (from absurd values) is refused too
    // The key asking for the most: the replications when one run alone would fit, else the run's largest
    // part.
    const bool many_runs_weigh_most = biggest->peak_bytes() <= limits.max_memory_bytes;
    const WorkPart& key = many_runs_weigh_most ? biggest->replications : biggest->largest_memory();
    const std::string most = many_runs_weigh_most ? format_bytes(kept) + " of it results kept until written"
                                                  : "most for " + key.what + ", " + format_bytes(key.amount);
    refuse(key,
           "asks for about " + format_bytes(one_at_a_time) + " of memory for " +
               (jobs > 1 ? format_amount(jobs) + " runs" : std::string("one run")) + " (" + most +
               "), above the limit of " + format_bytes(limits.max_memory_bytes),
           remedy(kMaxMemoryOption, format_size_option(one_at_a_time), numberable(runs)));
  }
  for (const WorkEstimate& run : runs) {
    check_events(run, limits, numberable(runs));
    check_indexable(run.most_messages, run.messages, "messages");
    check_indexable(run.most_recipients, run.recipients, "recipients");
  }
  const double at_once = std::max(1.0, std::min<double>(threads, jobs));
  const double fitting =
      working > 0 ? std::floor((limits.max_memory_bytes - kProcessBaseBytes - kept) / working) : at_once;
  return static_cast<int>(std::clamp(fitting, 1.0, at_once));
}

void check_one_run_within_default_limits(const Scenario& scenario) {
  fit_work_to_limits({estimate_work(scenario, false)}, 1, 1, WorkLimits{});
}

}  // namespace delivsim

/// @file The scale report (issue 17), a bench command: for each bench scenario the wall time of
/// run_scenario, the peak memory of the process that ran it, and the time per message event (messages
/// injected plus SMTP attempts) as a ratio to one operation of a bare binary-heap hold loop with 100k
/// pending events, timed in this same program just before each run (the median of the runs' ratios, so a
/// ratio's two sides are timed moments apart on the shared machine, and beside it their range: a wide one
/// says the machine was busy and the median is not to be trusted); then bytes per message and per
/// recipient, from how peak memory grows between bench-1m and bench-1m with twice the messages or five times
/// the recipients. Each run happens in a child process of its own, so its peak memory is its own.
///
/// Usage: scale_bench [--repetitions N] [SCENARIO...]   (names under scenarios/, default: whatif-100k
/// bench-1m bench-10m; bench-esp takes about a minute and 0.9 GB). N runs each (default 3); a scenario
/// shorter than a quarter of a second runs at least 15 times.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "bench/plain_hold.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/stats/sample_statistics.h"
#include "sim/world/run.h"

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::int64_t kHoldPendingEvents = 100'000;
constexpr std::int64_t kHoldOperations = 5'000'000;
constexpr int kHoldRepetitions = 5;
/// A scenario whose first run takes less than this is run at least kShortRunRepetitions times: the ratio of
/// a 30 ms run (whatif-100k) moves with every stall of the shared machine, and its median over three runs
/// moved from 1.40x to 1.96x between two calls of one evening.
constexpr double kShortRunSeconds = 0.25;
constexpr int kShortRunRepetitions = 15;

/// What one run in a child process measured.
struct RunMeasure {
  std::int64_t injected = 0;
  std::int64_t attempts = 0;
  std::int64_t events = 0;  ///< kernel events processed
  double wall_s = 0;        ///< run_scenario alone, without parsing the file
  double peak_mb = 0;       ///< the child's peak resident memory, parsing and result included
  double ns_per_message_event() const { return wall_s * 1e9 / static_cast<double>(injected + attempts); }
};

/// The figures the child sends back through the pipe (peak memory comes from wait4).
struct ChildReport {
  std::int64_t injected, attempts, events;
  double wall_s;
};

std::string scenario_path(const std::string& name) {
  return std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

/// Runs scenario `name` (with `overrides`) in a child process; nullopt (after a message) if it failed.
std::optional<RunMeasure> measure_run(const std::string& name, const std::vector<std::string>& overrides) {
  int fds[2];
  if (pipe(fds) != 0) return std::nullopt;
  std::fflush(stdout);
  const pid_t child = fork();
  if (child < 0) return std::nullopt;
  if (child == 0) {
    close(fds[0]);
    int status = 1;
    try {
      const delivsim::Scenario scenario = delivsim::load_scenario(scenario_path(name), overrides);
      const Clock::time_point start = Clock::now();
      const delivsim::RunResult result = delivsim::run_scenario(scenario);
      const ChildReport report{result.totals.injected, result.totals.attempts, result.events_processed,
                               std::chrono::duration<double>(Clock::now() - start).count()};
      if (write(fds[1], &report, sizeof report) == static_cast<ssize_t>(sizeof report)) status = 0;
    } catch (const std::exception& error) {
      std::fprintf(stderr, "scale_bench: %s: %s\n", name.c_str(), error.what());
    }
    _exit(status);
  }
  close(fds[1]);
  ChildReport report{};
  const bool got = read(fds[0], &report, sizeof report) == static_cast<ssize_t>(sizeof report);
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  if (!got || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return RunMeasure{report.injected, report.attempts, report.events, report.wall_s,
                    static_cast<double>(usage.ru_maxrss) / 1024.0};  // ru_maxrss is in KiB on Linux
}

/// Nanoseconds per operation of the bare binary-heap hold loop (best of `repetitions`).
double heap_operation_ns(int repetitions) {
  double best = 1e300;
  for (int i = 0; i < repetitions; ++i) {
    delivsim::bench::PlainHoldModel model(kHoldPendingEvents);
    const Clock::time_point start = Clock::now();
    volatile std::int64_t sink = model.run(kHoldOperations);
    (void)sink;
    const double ns = std::chrono::duration<double, std::nano>(Clock::now() - start).count();
    best = std::min(best, ns / static_cast<double>(kHoldOperations));
  }
  return best;
}

/// A scenario's runs, each just after a timing of the heap loop.
struct PairedRuns {
  RunMeasure best;             ///< the shortest run (peak memory is the same in each)
  std::vector<double> ratios;  ///< per run: ns per message event over ns per heap operation just before it
  double heap_ns_min = 1e300, heap_ns_max = 0;
};

/// `repetitions` runs of scenario `name` (kShortRunRepetitions at least for a short one), each after one
/// timing of the heap loop; nullopt if a run failed.
std::optional<PairedRuns> paired_runs(int repetitions, const std::string& name) {
  PairedRuns runs;
  for (int i = 0; i < repetitions; ++i) {
    const double heap_ns = heap_operation_ns(1);
    const std::optional<RunMeasure> run = measure_run(name, {});
    if (!run) return std::nullopt;
    if (i == 0 && run->wall_s < kShortRunSeconds) repetitions = std::max(repetitions, kShortRunRepetitions);
    if (runs.ratios.empty() || run->wall_s < runs.best.wall_s) runs.best = *run;
    runs.ratios.push_back(run->ns_per_message_event() / heap_ns);
    runs.heap_ns_min = std::min(runs.heap_ns_min, heap_ns);
    runs.heap_ns_max = std::max(runs.heap_ns_max, heap_ns);
  }
  return runs;
}

/// Bytes each extra unit adds to peak memory between two runs.
double bytes_per_unit(const RunMeasure& small, const RunMeasure& large, double extra_units) {
  return (large.peak_mb - small.peak_mb) * 1024.0 * 1024.0 / extra_units;
}

}  // namespace

int main(int argc, char** argv) {
  int repetitions = 3;
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repetitions") == 0 && i + 1 < argc) {
      repetitions = std::max(1, std::atoi(argv[++i]));
    } else {
      names.emplace_back(argv[i]);
    }
  }
  if (names.empty()) names = {"whatif-100k", "bench-1m", "bench-10m"};

  std::printf("bare binary-heap hold loop, %lld pending events: %.1f ns per operation (best of %d)\n\n",
              static_cast<long long>(kHoldPendingEvents), heap_operation_ns(kHoldRepetitions),
              kHoldRepetitions);
  std::printf("%-12s %12s %12s %12s %9s %9s %14s %13s %9s %11s %5s\n", "scenario", "messages", "attempts",
              "events", "wall s", "peak MB", "ns/msg-event", "heap op ns", "x heap op", "runs' x", "runs");
  int failures = 0;
  std::optional<RunMeasure> bench_1m;  // the memory growth below starts from it
  for (const std::string& name : names) {
    const std::optional<PairedRuns> runs = paired_runs(repetitions, name);
    if (!runs) {
      ++failures;
      continue;
    }
    const RunMeasure& run = runs->best;
    if (name == "bench-1m") bench_1m = run;
    const auto [fewest, most] = std::minmax_element(runs->ratios.begin(), runs->ratios.end());
    std::printf("%-12s %12lld %12lld %12lld %9.2f %9.0f %14.1f %6.1f-%-6.1f %9.2f %5.2f-%-5.2f %5zu\n",
                name.c_str(), static_cast<long long>(run.injected), static_cast<long long>(run.attempts),
                static_cast<long long>(run.events), run.wall_s, run.peak_mb, run.ns_per_message_event(),
                runs->heap_ns_min, runs->heap_ns_max, delivsim::percentile(runs->ratios, 0.5), *fewest, *most,
                runs->ratios.size());
  }

  // Memory per message and per recipient: bench-1m against itself with 2x the rate (same list) and with
  // 5x the list (same rate).
  const std::optional<RunMeasure> base = bench_1m ? bench_1m : measure_run("bench-1m", {});
  const std::optional<RunMeasure> more_messages =
      measure_run("bench-1m", {"traffic[0].stream.rate=110000/d"});
  const std::optional<RunMeasure> more_recipients =
      measure_run("bench-1m", {"traffic[0].stream.population=5000000"});
  if (!base || !more_messages || !more_recipients) return 1;
  std::printf(
      "\nmemory (bench-1m growth): %.1f bytes per message injected, %.1f bytes per recipient\n",
      bytes_per_unit(*base, *more_messages, static_cast<double>(more_messages->injected - base->injected)),
      bytes_per_unit(*base, *more_recipients, 4'000'000.0));
  return failures == 0 ? 0 : 1;
}

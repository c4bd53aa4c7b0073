#include "sim/cli/batch_progress.h"

#include <unistd.h>

#include <cstdio>

#include "sim/output/duration_format.h"

namespace delivsim {

namespace {

/// Width of the bar in characters.
constexpr int kBarWidth = 30;

/// Seconds the runs not yet done should take, at the finished runs' average pace.
double eta_s(const BatchProgress& progress) {
  return progress.elapsed_s / static_cast<double>(progress.done) *
         static_cast<double>(progress.total - progress.done);
}

void draw(const std::string& label, const BatchProgress& progress) {
  const double fraction = static_cast<double>(progress.done) / static_cast<double>(progress.total);
  const int filled = static_cast<int>(fraction * kBarWidth);
  // Trailing spaces wipe what a longer previous line left behind.
  std::fprintf(stderr, "\r%s [%-*s] %zu/%zu runs  elapsed %s  ETA %s   ", label.c_str(), kBarWidth,
               std::string(filled, '#').c_str(), progress.done, progress.total,
               format_elapsed(progress.elapsed_s).c_str(), format_elapsed(eta_s(progress)).c_str());
  if (progress.done == progress.total) std::fputs("\n", stderr);
  std::fflush(stderr);
}

}  // namespace

BatchProgressFn terminal_batch_progress(std::string label) {
  if (!isatty(STDERR_FILENO)) return {};
  return [label = std::move(label)](const BatchProgress& progress) { draw(label, progress); };
}

BatchProgressFn logged_batch_progress(std::string label) {
  if (isatty(STDERR_FILENO)) return terminal_batch_progress(std::move(label));
  return [label = std::move(label)](const BatchProgress& progress) {
    const bool new_tenth = progress.done * 10 / progress.total != (progress.done - 1) * 10 / progress.total;
    if (!new_tenth && progress.done != progress.total) return;
    std::fprintf(stderr, "%s: %zu/%zu runs done  elapsed %s  ETA %s\n", label.c_str(), progress.done,
                 progress.total, format_elapsed(progress.elapsed_s).c_str(),
                 format_elapsed(eta_s(progress)).c_str());
    std::fflush(stderr);
  };
}

}  // namespace delivsim

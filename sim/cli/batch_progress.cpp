#include "sim/cli/batch_progress.h"

#include <unistd.h>

#include <cstdio>

#include "sim/output/duration_format.h"

namespace delivsim {

namespace {

/// Width of the bar in characters.
constexpr int kBarWidth = 30;

void draw(const std::string& label, const BatchProgress& progress) {
  const double fraction = static_cast<double>(progress.done) / static_cast<double>(progress.total);
  const int filled = static_cast<int>(fraction * kBarWidth);
  const double eta_s = progress.elapsed_s / static_cast<double>(progress.done) *
                       static_cast<double>(progress.total - progress.done);
  // Trailing spaces wipe what a longer previous line left behind.
  std::fprintf(stderr, "\r%s [%-*s] %zu/%zu runs  elapsed %s  ETA %s   ", label.c_str(), kBarWidth,
               std::string(filled, '#').c_str(), progress.done, progress.total,
               format_elapsed(progress.elapsed_s).c_str(), format_elapsed(eta_s).c_str());
  if (progress.done == progress.total) std::fputs("\n", stderr);
  std::fflush(stderr);
}

}  // namespace

BatchProgressFn terminal_batch_progress(std::string label) {
  if (!isatty(STDERR_FILENO)) return {};
  return [label = std::move(label)](const BatchProgress& progress) { draw(label, progress); };
}

}  // namespace delivsim

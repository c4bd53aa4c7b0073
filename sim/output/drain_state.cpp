#include "sim/output/drain_state.h"

#include "sim/output/duration_format.h"

namespace delivsim {

std::int64_t finished_in_last_interval(const RunResult& result, std::size_t provider) {
  const Timeseries& series = result.timeseries;
  if (series.rows.empty()) return 0;
  const std::string& name = result.providers.at(provider).name;
  std::int64_t finished = 0;
  for (const char* figure : {".delivered", ".bounced"}) {
    const int column = series.column_index(name + figure);
    if (column >= 0) finished += static_cast<std::int64_t>(series.rows.back().at(column));
  }
  return finished;
}

DrainState drain_state(const RunResult& result, std::size_t provider) {
  const ProviderResult& p = result.providers.at(provider);
  if (p.time_to_drain_s || p.counts.injected == 0) return DrainState::Drained;
  if (result.timeseries.rows.empty() || result.timeseries.column_index(p.name + ".delivered") < 0)
    return DrainState::PilingUp;
  return p.counts.queued_at_end <= finished_in_last_interval(result, provider) ? DrainState::SteadyState
                                                                               : DrainState::PilingUp;
}

std::string drain_text(const RunResult& result, std::size_t provider) {
  const ProviderResult& p = result.providers.at(provider);
  if (p.time_to_drain_s) return format_elapsed(*p.time_to_drain_s);
  if (p.counts.injected == 0) return "no mail";
  return drain_state(result, provider) == DrainState::SteadyState ? "steady state" : "not drained";
}

}  // namespace delivsim

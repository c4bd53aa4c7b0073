#include "sim/batch/run_selection.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace delivsim {

namespace {

/// A run number written in decimal digits.
std::size_t parse_run_number(std::string_view text, std::string_view item) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
    throw std::invalid_argument("'" + std::string(item) + "' is not a run number or a range FIRST-LAST");
  }
  return value;
}

}  // namespace

std::vector<std::size_t> parse_run_spec(std::string_view spec, std::size_t run_count) {
  std::vector<std::size_t> runs;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t comma = std::min(spec.find(',', start), spec.size());
    const std::string_view item = spec.substr(start, comma - start);
    if (item.empty()) throw std::invalid_argument("expected run numbers such as 0-15,17; got an empty item");
    const std::size_t dash = item.find('-');
    const std::size_t first = parse_run_number(item.substr(0, dash), item);
    const std::size_t last =
        dash == std::string_view::npos ? first : parse_run_number(item.substr(dash + 1), item);
    if (last < first) throw std::invalid_argument("the range '" + std::string(item) + "' runs backwards");
    if (last >= run_count) {
      throw std::invalid_argument("run " + std::to_string(last) + " is past the last run of this batch (" +
                                  std::to_string(run_count) + " runs, numbered 0 to " +
                                  std::to_string(run_count - 1) + ")");
    }
    for (std::size_t run = first; run <= last; ++run) runs.push_back(run);
    start = comma + 1;
  }
  std::sort(runs.begin(), runs.end());
  runs.erase(std::unique(runs.begin(), runs.end()), runs.end());
  return runs;
}

ShardSpec parse_shard_spec(std::string_view text) {
  const std::size_t slash = text.find('/');
  const auto number = [&](std::string_view part) {
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || error != std::errc{} || end != part.data() + part.size()) {
      throw std::invalid_argument("expected i/N, shard i (counted from 0) of N shards, e.g. 0/3; got '" +
                                  std::string(text) + "'");
    }
    return value;
  };
  if (slash == std::string_view::npos) number({});
  const ShardSpec spec{number(text.substr(0, slash)), number(text.substr(slash + 1))};
  if (spec.shards == 0) throw std::invalid_argument("the number of shards must be at least 1");
  if (spec.shard >= spec.shards) {
    throw std::invalid_argument("shard " + std::to_string(spec.shard) + " of " + std::to_string(spec.shards) +
                                ": shards are counted from 0 to " + std::to_string(spec.shards - 1) +
                                " (as SLURM_ARRAY_TASK_ID with --array=0-" + std::to_string(spec.shards - 1) +
                                ")");
  }
  return spec;
}

std::vector<std::size_t> shard_runs(const ShardSpec& spec, std::size_t run_count) {
  std::vector<std::size_t> runs;
  for (std::size_t run = spec.shard; run < run_count; run += spec.shards) runs.push_back(run);
  return runs;
}

std::string format_run_spec(std::span<const std::size_t> runs) {
  std::string spec;
  for (std::size_t i = 0; i < runs.size();) {
    std::size_t last = i;
    while (last + 1 < runs.size() && runs[last + 1] == runs[last] + 1) ++last;
    if (!spec.empty()) spec += ',';
    spec += std::to_string(runs[i]);
    if (last > i) spec += '-' + std::to_string(runs[last]);
    i = last + 1;
  }
  return spec;
}

}  // namespace delivsim

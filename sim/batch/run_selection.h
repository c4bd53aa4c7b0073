#pragma once
/// @file Which runs of a batch one process runs (`--runs SPEC`, `--shard i/N`) and how a set of run
/// numbers is written back as a SPEC for the user to re-run ("3,7-9").
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// The runs of `spec`, a comma-separated list of run numbers and inclusive ranges ("0-15,17,20-31"), of a
/// batch of `run_count` runs: sorted and without repeats (overlapping items are merged). Throws
/// std::invalid_argument saying what is wrong for an empty item, a non-number, a reversed range, or a
/// number past the last run.
std::vector<std::size_t> parse_run_spec(std::string_view spec, std::size_t run_count);

/// A shard `shard` of `shards` (both from "i/N", i counted from 0 like SLURM_ARRAY_TASK_ID with
/// --array=0-(N-1)).
struct ShardSpec {
  std::size_t shard = 0;
  std::size_t shards = 1;
};

/// "i/N" with 0 <= i < N; throws std::invalid_argument saying what is expected.
ShardSpec parse_shard_spec(std::string_view text);

/// The runs of shard `spec` of a batch of `run_count` runs: every run whose number is `spec.shard` modulo
/// `spec.shards` (round robin, so that the long runs of one variant spread over the shards). Empty when
/// there are fewer runs than shards and this shard gets none.
std::vector<std::size_t> shard_runs(const ShardSpec& spec, std::size_t run_count);

/// `runs` (sorted, no repeats) as a --runs SPEC, consecutive numbers joined into ranges: "3,7-9".
std::string format_run_spec(std::span<const std::size_t> runs);

}  // namespace delivsim

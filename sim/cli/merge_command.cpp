#include "sim/cli/merge_command.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/run_selection.h"
#include "sim/cli/batch_driver.h"
#include "sim/cli/option_checks.h"
#include "sim/output/number_format.h"

namespace delivsim {

namespace {

struct MergeArgs {
  std::vector<std::string> parts;
  std::string out_dir;
  bool force = false;
  bool quiet = false;
  bool status = false;  ///< --status: say how far the batch is, write nothing
};

/// The first member in which two parts' requests differ, for the message that they are not one batch.
std::string first_difference(const BatchRequest& a, const BatchRequest& b) {
  if (a.command != b.command) return "command";
  if (a.scenario != b.scenario) return "scenario";
  if (a.scenario_fingerprint != b.scenario_fingerprint) return "scenario_fnv1a_64";
  if (a.overrides != b.overrides) return "set";
  if (a.replications != b.replications) return "replications";
  if (a.worlds != b.worlds) return "worlds";
  if (a.seed != b.seed) return "seed";
  if (a.accounting != b.accounting) return "accounting";
  return "run_count";
}

/// The shards (of the N all parts were cut into with --shard) whose runs are exactly `missing`; empty when
/// the parts were not all cut that way or `missing` is not whole shards.
std::vector<ShardSpec> missing_shards(const std::vector<PartManifest>& manifests,
                                      const std::vector<std::size_t>& missing) {
  const std::optional<ShardSpec>& first = manifests.front().shard;
  if (!first) return {};
  std::vector<bool> present(first->shards, false);
  for (const PartManifest& manifest : manifests) {
    if (!manifest.shard || manifest.shard->shards != first->shards) return {};
    present[manifest.shard->shard] = true;
  }
  std::vector<ShardSpec> shards;
  std::vector<std::size_t> runs;
  for (std::size_t i = 0; i < first->shards; ++i) {
    if (present[i]) continue;
    shards.push_back({i, first->shards});
    for (const std::size_t run : shard_runs(shards.back(), manifests.front().request.run_count))
      runs.push_back(run);
  }
  std::sort(runs.begin(), runs.end());
  return runs == missing ? shards : std::vector<ShardSpec>{};
}

/// What to run to complete the batch: the missing shards' commands when whole shards are missing, else one
/// command with --runs.
std::string rerun_advice(const std::vector<PartManifest>& manifests,
                         const std::vector<std::size_t>& missing) {
  const std::vector<ShardSpec> shards = missing_shards(manifests, missing);
  if (shards.empty()) return "run them with: " + rerun_command(manifests.front().request, missing);
  std::string advice = "they are shard";
  for (std::size_t i = 0; i < shards.size(); ++i) {
    advice +=
        (i == 0 ? " " : ", ") + std::to_string(shards[i].shard) + "/" + std::to_string(shards[i].shards);
  }
  advice += "; run " + std::string(shards.size() == 1 ? "it" : "each") + " with: ";
  return advice + rerun_command(manifests.front().request, shards.front());
}

/// Which part holds each run; throws BatchPartError naming a run held twice, or the runs missing and the
/// command that runs them.
std::vector<std::size_t> part_of_each_run(const std::vector<PartManifest>& manifests,
                                          const std::vector<std::string>& parts) {
  const std::size_t run_count = manifests.front().request.run_count;
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> part_of(run_count, kNone);
  for (std::size_t p = 0; p < manifests.size(); ++p) {
    for (const std::size_t run : manifests[p].runs) {
      if (part_of[run] != kNone) {
        throw BatchPartError("run " + std::to_string(run) + " is in two parts: " + parts[part_of[run]] +
                             " and " + parts[p] + " (merge each run once: leave one of them out)");
      }
      part_of[run] = p;
    }
  }
  std::vector<std::size_t> missing;
  for (std::size_t run = 0; run < run_count; ++run) {
    if (part_of[run] == kNone) missing.push_back(run);
  }
  if (!missing.empty()) {
    throw BatchPartError(std::to_string(missing.size()) + " of " + std::to_string(run_count) +
                         " runs are in no part: " + format_run_spec(missing) + "\n" +
                         rerun_advice(manifests, missing) + "\nthen merge again with that part");
  }
  return part_of;
}

/// Every run's result read from its part, checked against the plan.
std::vector<RunResult> read_runs(const PreparedBatch& batch, const std::vector<std::string>& parts,
                                 const std::vector<std::size_t>& part_of) {
  std::vector<RunResult> results;
  results.reserve(part_of.size());
  for (std::size_t run = 0; run < part_of.size(); ++run) {
    RunResult result = read_part_run(parts[part_of[run]], run, part_of.size());
    const PlannedRun planned = planned_run(batch.plan, run);
    const Scenario& scenario = batch.plan.variants[planned.variant].scenario;
    if (result.seed != planned.seed || result.scenario != scenario.name) {
      throw BatchPartError(parts[part_of[run]] + ": run " + std::to_string(run) + " holds scenario '" +
                           result.scenario + "' seed " + std::to_string(result.seed) +
                           ", but the batch's run " + std::to_string(run) + " is '" + scenario.name +
                           "' seed " + std::to_string(planned.seed));
    }
    results.push_back(std::move(result));
  }
  return results;
}

/// The manifests of `parts`, which must be parts of one batch.
std::vector<PartManifest> read_manifests(const std::vector<std::string>& parts) {
  std::vector<PartManifest> manifests;
  for (const std::string& part : parts) manifests.push_back(read_part_manifest(part));
  for (std::size_t p = 1; p < manifests.size(); ++p) {
    if (manifests[p].request != manifests.front().request) {
      throw BatchPartError(parts[p] + " is a part of another batch than " + parts.front() + " (its " +
                           first_difference(manifests[p].request, manifests.front().request) + " differs)");
    }
  }
  return manifests;
}

/// --status: how many of the batch's runs the finished parts hold (a folder without part.json is a part
/// still running, or one that failed), and the command that runs the others.
int print_status(const std::vector<std::string>& folders) {
  std::vector<std::string> parts, unfinished;
  for (const std::string& folder : folders) {
    (std::filesystem::exists(std::filesystem::path(folder) / kPartManifestName) ? parts : unfinished)
        .push_back(folder);
  }
  if (parts.empty()) {
    std::cout << "no part has finished yet (" << unfinished.size() << " without part.json)\n";
    return kExitOk;
  }
  const std::vector<PartManifest> manifests = read_manifests(parts);
  const std::size_t run_count = manifests.front().request.run_count;
  std::vector<bool> held(run_count, false);
  for (const PartManifest& manifest : manifests) {
    for (const std::size_t run : manifest.runs) held[run] = true;
  }
  std::vector<std::size_t> missing;
  for (std::size_t run = 0; run < run_count; ++run) {
    if (!held[run]) missing.push_back(run);
  }
  std::cout << run_count - missing.size() << " of " << run_count << " runs done, in "
            << format_count_noun(parts.size(), "finished part", "finished parts");
  if (!unfinished.empty())
    std::cout << " (" << format_count_noun(unfinished.size(), "folder", "folders") << " without part.json)";
  std::cout << "\n";
  if (!missing.empty()) {
    std::cout << "not in a finished part: " << format_run_spec(missing) << "\n"
              << "if their parts have failed, " << rerun_advice(manifests, missing) << "\n";
  }
  return kExitOk;
}

int merge_command(const MergeArgs& args) {
  if (args.status) return print_status(args.parts);
  const std::vector<PartManifest> manifests = read_manifests(args.parts);
  const BatchRequest& request = manifests.front().request;
  const std::vector<std::size_t> part_of = part_of_each_run(manifests, args.parts);
  if (scenario_fingerprint(request.scenario) != request.scenario_fingerprint) {
    throw BatchPartError(request.scenario +
                         " has changed since the parts were run (its fingerprint differs from "
                         "their part.json's scenario_fnv1a_64): run the parts again");
  }
  const PreparedBatch batch = prepare_batch(request);
  if (batch.request != request) {
    throw BatchPartError(args.parts.front() + ": the batch " + request.scenario +
                         " makes now differs in its " + first_difference(batch.request, request) +
                         " from the one the parts ran");
  }
  const std::filesystem::path out_dir = args.out_dir.empty()
                                            ? std::filesystem::path("runs") / batch.default_folder
                                            : std::filesystem::path(args.out_dir);
  check_output_folder(out_dir, replace_mode(args.force), batch.inner_folders);
  return batch.finish(read_runs(batch, args.parts, part_of), {out_dir, replace_mode(args.force), args.quiet});
}

}  // namespace

CliCommand add_merge_command(CLI::App& app) {
  auto args = std::make_shared<MergeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "Build a batch's outputs from the part folders of its shards (--runs, --shard), as one machine would");
  cmd->add_option("parts", args->parts,
                  "Part folders written by run, compare or sweep with --runs or --shard")
      ->required()
      ->type_name(kFolderValue);
  cmd->add_option(
         "--out", args->out_dir,
         "Output folder (default: the command's, runs/<scenario name>/); replaces only an empty folder or "
         "an earlier delivsim output")
      ->check(not_empty("a folder path"))
      ->type_name(kFolderValue);
  add_force_flag(*cmd, args->force);
  cmd->add_flag("--quiet,-q", args->quiet, "Print nothing but errors");
  cmd->add_flag(
      "--status", args->status,
      "Only say how many of the batch's runs the finished parts hold and which are missing; write nothing");
  return {cmd, [args] { return merge_command(*args); }};
}

}  // namespace delivsim

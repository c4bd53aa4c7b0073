#include "sim/cli/merge_command.h"

#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/batch/run_selection.h"
#include "sim/cli/batch_driver.h"
#include "sim/cli/option_checks.h"

namespace delivsim {

namespace {

struct MergeArgs {
  std::vector<std::string> parts;
  std::string out_dir;
  bool force = false;
  bool quiet = false;
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
                         " runs are in no part: " + format_run_spec(missing) +
                         "\nrun them with: " + rerun_command(manifests.front().request, missing) +
                         "\nthen merge again with that part");
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

int merge_command(const MergeArgs& args) {
  std::vector<PartManifest> manifests;
  for (const std::string& part : args.parts) manifests.push_back(read_part_manifest(part));
  const BatchRequest& request = manifests.front().request;
  for (std::size_t p = 1; p < manifests.size(); ++p) {
    if (manifests[p].request != request) {
      throw BatchPartError(args.parts[p] + " is a part of another batch than " + args.parts.front() +
                           " (its " + first_difference(manifests[p].request, request) + " differs)");
    }
  }
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
      ->required();
  cmd->add_option(
         "--out", args->out_dir,
         "Output folder (default: the command's, runs/<scenario name>/); replaces only an empty folder or "
         "an earlier delivsim output")
      ->check(not_empty("a folder path"));
  add_force_flag(*cmd, args->force);
  cmd->add_flag("--quiet,-q", args->quiet, "Print nothing but errors");
  return {cmd, [args] { return merge_command(*args); }};
}

}  // namespace delivsim

// run_executor.h in a build with -DDELIVSIM_MPI=ON (Boost.MPI over OpenMPI or MPICH). MPI starts only when
// the process was started by an MPI launcher, so that the same binary behaves exactly as the local build when
// run on its own.
#include <boost/mpi/communicator.hpp>
#include <boost/mpi/environment.hpp>
#include <boost/serialization/string.hpp>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>

#include "sim/cli/run_executor.h"
#include "sim/output/run_record.h"

namespace delivsim {

namespace {

namespace mpi = boost::mpi;

/// The message tags of the protocol. A worker sends kReady once, then kResult or kFailed for each run it
/// was given; rank 0 answers each with kAssign (the position of the next run in the list) or kStop.
enum Tag : int { kReady = 1, kResult = 2, kFailed = 3, kAssign = 4, kStop = 5 };

/// MPI, while this process is a rank of an MPI job.
std::unique_ptr<mpi::environment>& environment() {
  static std::unique_ptr<mpi::environment> instance;
  return instance;
}

/// Whether an MPI launcher started this process: OpenMPI, MPICH/Hydra and PMIx-based launchers (srun) set
/// one of these.
bool started_by_mpi_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

/// A failed run as rank 0 learns of it.
struct RunFailure {
  std::size_t position = 0;
  std::string message;
};

/// Waits for the next message from any rank without spinning: MPI's blocking receive polls at full speed,
/// which on a machine with a rank per core takes a core from the ranks that run simulations. Rank 0 answers
/// within a millisecond, against runs of a tenth of a second and more.
mpi::status receive_quietly(const mpi::communicator& world, std::string& message) {
  while (!world.iprobe(mpi::any_source, mpi::any_tag))
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return world.recv(mpi::any_source, mpi::any_tag, message);
}

/// Rank 0: hands out the runs and gathers their results.
std::vector<RunResult> coordinate(const mpi::communicator& world, const BatchPlan& plan,
                                  std::span<const std::size_t> indices, const BatchProgressFn& on_progress) {
  const auto started = std::chrono::steady_clock::now();
  std::vector<RunResult> results(indices.size());
  std::size_t next = 0, done = 0;
  std::optional<RunFailure> failure;
  for (int working = world.size() - 1; working > 0;) {
    std::string message;
    const mpi::status status = receive_quietly(world, message);
    // kResult and kFailed messages are "<position>\n" and the record or the error message.
    const std::size_t newline = message.find('\n');
    const std::size_t position = status.tag() == kReady ? 0 : std::stoull(message.substr(0, newline));
    if (status.tag() == kResult) {
      results.at(position) = parse_run_record(std::string_view(message).substr(newline + 1));
      ++done;
      if (on_progress) {
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
        on_progress({done, indices.size(), elapsed.count()});
      }
    } else if (status.tag() == kFailed && (!failure || position < failure->position)) {
      failure =
          RunFailure{position, planned_run_label(plan, indices[position]) + " failed on rank " +
                                   std::to_string(status.source()) + ": " + message.substr(newline + 1)};
    }
    if (!failure && next < indices.size()) {
      world.send(status.source(), kAssign, static_cast<std::uint64_t>(next++));
    } else {
      world.send(status.source(), kStop, std::uint64_t{0});
      --working;
    }
  }
  if (failure) throw std::runtime_error(failure->message);
  return results;
}

/// Any other rank: runs what rank 0 hands out until it says stop.
void work(const mpi::communicator& world, const BatchPlan& plan, std::span<const std::size_t> indices) {
  world.send(0, kReady, std::string());
  for (;;) {
    std::uint64_t position = 0;
    const mpi::status status = world.recv(0, mpi::any_tag, position);
    if (status.tag() == kStop) return;
    const std::string head = std::to_string(position) + "\n";
    try {
      world.send(0, kResult, head + run_record_bytes(execute_planned_run(plan, indices[position])));
    } catch (const std::exception& e) {
      world.send(0, kFailed, head + e.what());
    }
  }
}

}  // namespace

void start_distribution(int& argc, char**& argv) {
  if (started_by_mpi_launcher()) environment() = std::make_unique<mpi::environment>(argc, argv);
}

int distribution_rank() {
  return environment() ? mpi::communicator().rank() : 0;
}

int distribution_size() {
  return environment() ? mpi::communicator().size() : 1;
}

int exit_after_error(int exit_code) {
  if (distribution_size() > 1) mpi::communicator().abort(exit_code);
  return exit_code;
}

std::optional<std::vector<RunResult>> execute_runs(const BatchPlan& plan,
                                                   std::span<const std::size_t> indices, int threads,
                                                   const BatchProgressFn& on_progress) {
  if (distribution_size() == 1) return run_planned(plan, indices, threads, on_progress);
  const mpi::communicator world;
  if (world.rank() == 0) return coordinate(world, plan, indices, on_progress);
  work(world, plan, indices);
  return std::nullopt;
}

}  // namespace delivsim

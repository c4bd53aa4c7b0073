#pragma once
// Runs the delivsim binary (DELIVSIM_BIN) as a hostile user would meet it: in a sandbox folder of its own,
// under prlimit (address-space and CPU limits) and a wall-clock limit, with stdout and stderr kept apart,
// and with the sandbox's file tree recorded before and after so a test can prove nothing else changed.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace delivsim::hostile {

/// Limits a command runs under. Under AddressSanitizer the address-space limit is not applied (ASan
/// reserves terabytes of virtual memory) and the wall-clock limit is multiplied by kSanitizerSlowdown.
struct Limits {
  std::uint64_t address_space_bytes = 2ull << 30;  ///< prlimit --as
  int cpu_seconds = 60;                            ///< prlimit --cpu
  std::chrono::milliseconds wall{30'000};          ///< killed (SIGKILL) after this long
};

/// What one command did.
struct Outcome {
  int exit_code = -1;      ///< the exit status; 128 + signal when a signal ended it
  bool timed_out = false;  ///< killed for passing Limits::wall
  std::string out;         ///< stdout
  std::string err;         ///< stderr (the first 1 MiB; err_bytes says how much there was)
  std::uintmax_t err_bytes = 0;
  std::chrono::milliseconds elapsed{0};
  long max_rss_kib = 0;  ///< peak resident memory
};

/// Describes an Outcome for a failed assertion: exit code, time, memory and the start of stderr.
std::string describe(const Outcome& outcome);

/// A fresh, empty folder for one test, removed when the object goes; its path is stable per test name.
class Sandbox {
 public:
  explicit Sandbox(const std::string& test_name);
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const std::filesystem::path& path() const { return root_; }
  /// Writes `content` to `relative` (folders created) and returns its absolute path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const;
  /// Runs `delivsim <args>` with the sandbox as its working folder.
  Outcome run(const std::vector<std::string>& args, const Limits& limits = {}) const;
  /// Runs `delivsim <command> <file>`, quietly (-q) when the command prints a run's summary.
  Outcome run_file(const std::string& command, const std::string& file, const Limits& limits = {}) const;

 private:
  std::filesystem::path root_;
};

/// One entry of a file tree: kind, size and a content fingerprint (regular files), enough to see a change.
struct TreeEntry {
  std::string kind;  ///< "file", "dir", "fifo", "symlink", "other"
  std::uintmax_t size = 0;
  std::uint64_t fingerprint = 0;  ///< FNV-1a of the content for files up to 16 MiB; the target for links
  friend bool operator==(const TreeEntry&, const TreeEntry&) = default;
};

/// Every entry below `root` (paths relative to it), without following symbolic links.
std::map<std::string, TreeEntry> snapshot(const std::filesystem::path& root);

/// The paths whose entry differs between `before` and `after` (added, removed or changed), leaving out
/// those at or below any of `allowed` (relative paths, e.g. the output folder).
std::vector<std::string> changed_outside(const std::map<std::string, TreeEntry>& before,
                                         const std::map<std::string, TreeEntry>& after,
                                         const std::vector<std::string>& allowed);

/// A small valid scenario (one new IP, a 2,000-recipient campaign to Gmail over 1 day) that runs in
/// milliseconds; `extra` is appended at the end (top-level keys), `name` is its `name:`.
std::string small_scenario(const std::string& name = "hostile", const std::string& extra = "");

/// `text` with its one occurrence of `from` replaced by `to`; throws std::logic_error when `from` is absent.
std::string replaced(std::string text, const std::string& from, const std::string& to);

/// small_scenario with the campaign replaced by a 30-day stream of about 5 million messages: a run long
/// enough that a check made only after it would pass a test's wall-clock limit.
std::string long_scenario();

}  // namespace delivsim::hostile

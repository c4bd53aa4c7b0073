#include "tests/hostile/hostile_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace delivsim::hostile {

namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAsan = true;
#else
constexpr bool kUnderAsan = false;
#endif
/// Sanitized builds run several times slower.
constexpr int kSanitizerSlowdown = 5;
constexpr std::size_t kStderrKept = 1 << 20;

std::string read_start(const fs::path& path, std::size_t limit) {
  std::ifstream in(path, std::ios::binary);
  std::string text(limit, '\0');
  in.read(text.data(), static_cast<std::streamsize>(limit));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

std::uint64_t fnv1a(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::uint64_t hash = 14695981039346656037ull;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    for (std::streamsize i = 0; i < in.gcount(); ++i) {
      hash = (hash ^ static_cast<unsigned char>(buffer[i])) * 1099511628211ull;
    }
  }
  return hash;
}

/// The child's side of Sandbox::run: never returns.
[[noreturn]] void exec_child(const fs::path& cwd, const fs::path& out, const fs::path& err,
                             const std::vector<std::string>& argv) {
  setpgid(0, 0);
  const int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int null_fd = open("/dev/null", O_RDONLY);
  if (out_fd < 0 || err_fd < 0 || null_fd < 0 || chdir(cwd.c_str()) != 0) _exit(126);
  dup2(null_fd, 0);
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  std::vector<char*> raw;
  for (const std::string& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
  raw.push_back(nullptr);
  execvp(raw[0], raw.data());
  _exit(127);
}

}  // namespace

std::string describe(const Outcome& outcome) {
  std::ostringstream text;
  text << "exit " << outcome.exit_code << (outcome.timed_out ? " (timed out)" : "") << ", "
       << outcome.elapsed.count() << " ms, " << outcome.max_rss_kib / 1024 << " MiB peak, stderr "
       << outcome.err_bytes << " bytes:\n"
       << outcome.err.substr(0, 2000) << "\nstdout:\n"
       << outcome.out.substr(0, 1000);
  return text.str();
}

Sandbox::Sandbox(const std::string& test_name)
    : root_(fs::temp_directory_path() / ("delivsim_hostile_" + test_name)) {
  fs::remove_all(root_);
  fs::create_directories(root_ / "work");
}

Sandbox::~Sandbox() {
  std::error_code ignored;
  fs::remove_all(root_, ignored);
}

fs::path Sandbox::write(const std::string& relative, const std::string& content) const {
  const fs::path path = root_ / "work" / relative;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

Outcome Sandbox::run(const std::vector<std::string>& args, const Limits& limits) const {
  std::vector<std::string> argv{"prlimit", "--cpu=" + std::to_string(limits.cpu_seconds)};
  if (!kUnderAsan) argv.push_back("--as=" + std::to_string(limits.address_space_bytes));
  argv.insert(argv.end(), {"--", DELIVSIM_BIN});
  argv.insert(argv.end(), args.begin(), args.end());
  const auto wall = kUnderAsan ? limits.wall * kSanitizerSlowdown : limits.wall;

  const fs::path out = root_ / "stdout.txt";
  const fs::path err = root_ / "stderr.txt";
  const auto start = std::chrono::steady_clock::now();
  const pid_t child = fork();
  if (child < 0) throw std::runtime_error("fork failed");
  if (child == 0) exec_child(root_ / "work", out, err, argv);

  Outcome outcome;
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, WNOHANG, &usage) == 0) {
    if (std::chrono::steady_clock::now() - start > wall) {
      kill(-child, SIGKILL);
      kill(child, SIGKILL);
      outcome.timed_out = true;
      wait4(child, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  outcome.elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  outcome.max_rss_kib = usage.ru_maxrss;
  outcome.out = read_start(out, kStderrKept);
  outcome.err = read_start(err, kStderrKept);
  outcome.err_bytes = fs::file_size(err);
  return outcome;
}

Outcome Sandbox::run_file(const std::string& command, const std::string& file, const Limits& limits) const {
  if (command == "validate") return run({command, file}, limits);
  return run({command, file, "-q"}, limits);
}

std::map<std::string, TreeEntry> snapshot(const fs::path& root) {
  std::map<std::string, TreeEntry> entries;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
    const fs::directory_entry& entry = *it;
    TreeEntry recorded;
    const fs::file_status status = entry.symlink_status();
    if (fs::is_symlink(status)) {
      recorded.kind = "symlink";
      recorded.fingerprint = std::hash<std::string>{}(fs::read_symlink(entry.path()).string());
    } else if (fs::is_regular_file(status)) {
      recorded.kind = "file";
      recorded.size = entry.file_size();
      if (recorded.size <= (16u << 20)) recorded.fingerprint = fnv1a(entry.path());
    } else if (fs::is_directory(status)) {
      recorded.kind = "dir";
    } else if (fs::is_fifo(status)) {
      recorded.kind = "fifo";
    } else {
      recorded.kind = "other";
    }
    entries[fs::relative(entry.path(), root).string()] = recorded;
  }
  return entries;
}

std::vector<std::string> changed_outside(const std::map<std::string, TreeEntry>& before,
                                         const std::map<std::string, TreeEntry>& after,
                                         const std::vector<std::string>& allowed) {
  const auto is_allowed = [&](const std::string& path) {
    return std::any_of(allowed.begin(), allowed.end(), [&](const std::string& prefix) {
      return path == prefix || path.starts_with(prefix + "/");
    });
  };
  std::vector<std::string> changed;
  for (const auto& [path, entry] : before) {
    const auto found = after.find(path);
    if ((found == after.end() || !(found->second == entry)) && !is_allowed(path)) changed.push_back(path);
  }
  for (const auto& [path, entry] : after) {
    if (!before.contains(path) && !is_allowed(path)) changed.push_back(path);
  }
  return changed;
}

std::string small_scenario(const std::string& name, const std::string& extra) {
  return "name: " + name +
         "\n"
         "seed: 7\n"
         "duration: 1d\n"
         "identities:\n"
         "  ips: [{address: 192.0.2.1, age: new}]\n"
         "  domains: [{name: example.com, age: new}]\n"
         "pools:\n"
         "  main: [192.0.2.1]\n"
         "traffic:\n"
         "  - name: mail\n"
         "    pool: main\n"
         "    dkim_domain: example.com\n"
         "    campaign: {recipients: 2000}\n"
         "    domains: {gmail.com: 1.0}\n" +
         extra;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("'" + from + "' is not in the text");
  return text.replace(at, from.size(), to);
}

std::string long_scenario() {
  return replaced(replaced(small_scenario(), "duration: 1d", "duration: 30d"), "campaign: {recipients: 2000}",
                  "stream: {rate: 7000/h, population: 1000000}");
}

}  // namespace delivsim::hostile

#pragma once
/// @file The temporary folder a fuzz target whose reader takes files writes its input into, and the writing.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace delivsim::fuzz {

/// A new folder of this process's own under the temporary directory, named `prefix` and six random
/// characters (mkdtemp; aborts if none can be made), removed with its files when the process ends normally:
/// after a crash it stays, holding the input's files. Make one, as a function-local static.
class OwnFolder {
 public:
  explicit OwnFolder(std::string_view prefix) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / (std::string(prefix) + "XXXXXX")).string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~OwnFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  OwnFolder(const OwnFolder&) = delete;
  OwnFolder& operator=(const OwnFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Writes `bytes` to the file `path`, replacing what was there.
inline void write_bytes(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace delivsim::fuzz

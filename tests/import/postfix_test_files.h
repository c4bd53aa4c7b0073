#pragma once
// Postfix config files written for one test, in a folder of their own that is removed afterwards.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/import/imported_config.h"
#include "tests/test_id.h"

namespace delivsim::testing {

/// A fresh folder for a test's config files.
class PostfixTestFiles {
 public:
  PostfixTestFiles() {
    dir_ =
        std::filesystem::temp_directory_path() / ("delivsim-postfix-" + delivsim::testing::current_test_id());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~PostfixTestFiles() { std::filesystem::remove_all(dir_); }
  PostfixTestFiles(const PostfixTestFiles&) = delete;
  PostfixTestFiles& operator=(const PostfixTestFiles&) = delete;

  /// Writes `text` as `name` in the folder; returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  std::filesystem::path dir_;
};

/// The value at `path` (keys separated by '.') in `node`, or nullptr.
inline const YamlNode* node_at(const YamlNode& node, const std::string& path) {
  const YamlNode* current = &node;
  std::size_t start = 0;
  while (current && start <= path.size()) {
    const std::size_t dot = path.find('.', start);
    current = current->find(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return current;
}

}  // namespace delivsim::testing

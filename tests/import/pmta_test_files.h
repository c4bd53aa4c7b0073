#pragma once
/// @file Test helper: PowerMTA config texts written to temporary files and imported.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/import/pmta_import.h"

namespace delivsim {

/// Writes `text` to a file named `name` in a folder of the running test's own (ctest runs tests in
/// parallel) and gives its path.
inline std::filesystem::path write_config(const std::string& name, const std::string& text) {
  const testing::TestInfo* test = testing::UnitTest::GetInstance()->current_test_info();
  std::string folder = std::string("pmta-") + test->test_suite_name() + "." + test->name();
  for (char& c : folder) {
    if (c == '/') c = '_';
  }
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / folder;
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

/// Imports `text` as the one file "pmta-test.conf".
inline ImportedConfig import_pmta_text(const std::string& text) {
  return import_powermta({write_config("pmta-test.conf", text)});
}

/// The node at the dotted `path` of `root` (keys only), or nullptr.
inline const YamlNode* node_at(const YamlNode& root, const std::vector<std::string>& path) {
  const YamlNode* node = &root;
  for (const std::string& key : path) {
    node = node->find(key);
    if (!node) return nullptr;
  }
  return node;
}

/// The warning whose directive is `directive`, or nullptr.
inline const ImportWarning* find_warning(const ImportedConfig& config, const std::string& directive) {
  for (const ImportWarning& warning : config.warnings) {
    if (warning.directive == directive) return &warning;
  }
  return nullptr;
}

}  // namespace delivsim

#pragma once
/// @file Fixed-width text tables for the terminal summary.
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// Columns sized to their widest cell, separated by two spaces; no trailing spaces on any line.
class TextTable {
 public:
  enum class Align { Left, Right };
  /// One column: its heading and how its cells line up.
  struct Column {
    std::string heading;
    Align align = Align::Right;
  };

  explicit TextTable(std::vector<Column> columns);
  /// Adds a row. Throws std::invalid_argument when it has not one cell per column.
  void add_row(std::vector<std::string> cells);
  /// The heading line and the rows, each line prefixed by `indent` and ended by "\n".
  std::string render(std::string_view indent = {}) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace delivsim

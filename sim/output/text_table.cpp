#include "sim/output/text_table.h"

#include <algorithm>
#include <stdexcept>

namespace delivsim {

namespace {

constexpr std::string_view kColumnGap = "  ";

}  // namespace

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

void TextTable::add_row(std::vector<std::string> cells) {
  if (cells.size() != columns_.size()) {
    throw std::invalid_argument("TextTable row has " + std::to_string(cells.size()) + " cells for " +
                                std::to_string(columns_.size()) + " columns");
  }
  rows_.push_back(std::move(cells));
}

std::string TextTable::render(std::string_view indent) const {
  std::vector<std::size_t> widths;
  for (const Column& column : columns_) widths.push_back(column.heading.size());
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  const auto render_line = [&](const auto& cell_at) {
    std::string line(indent);
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const std::string& cell = cell_at(i);
      const std::string padding(widths[i] - cell.size(), ' ');
      if (i > 0) line += kColumnGap;
      line += columns_[i].align == Align::Left ? cell + padding : padding + cell;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    return line + "\n";
  };
  std::string text = render_line([&](std::size_t i) -> const std::string& { return columns_[i].heading; });
  for (const auto& row : rows_)
    text += render_line([&](std::size_t i) -> const std::string& { return row[i]; });
  return text;
}

}  // namespace delivsim

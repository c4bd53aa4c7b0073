#include "sim/import/postfix_lines.h"

#include <algorithm>

#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && (is_blank(text.back()) || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

SourcePosition PostfixLine::at(std::size_t offset) const {
  // The last piece starting at or before `offset` (pieces are in offset order; a binary search keeps a
  // logical line of many continuation lines linear to read).
  auto piece = std::upper_bound(pieces.begin(), pieces.end(), offset,
                                [](std::size_t wanted, const Piece& p) { return wanted < p.offset; });
  if (piece != pieces.begin()) --piece;
  SourcePosition where = piece->where;
  where.column += static_cast<int>(offset - piece->offset);
  return where;
}

std::vector<PostfixLine> postfix_lines(std::string_view text, const std::string& file) {
  check_yaml_text(text, file);
  std::vector<PostfixLine> lines;
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = trim_end(text.substr(start, end - start));
    start = end + 1;
    ++number;
    std::size_t first = 0;
    while (first < raw.size() && is_blank(raw[first])) ++first;
    if (first == raw.size() || raw[first] == '#') continue;
    const SourcePosition where{file, number, static_cast<int>(first) + 1};
    if (first == 0) {
      lines.push_back(PostfixLine{std::string(raw), {{0, where}}});
      continue;
    }
    if (lines.empty()) {
      throw ScenarioError(file, number, 1, "",
                          "a continuation line (it starts with whitespace) continues nothing",
                          "a first line that starts at column 1");
    }
    PostfixLine& line = lines.back();
    line.text += ' ';
    line.pieces.push_back({line.text.size(), where});
    line.text += raw.substr(first);
  }
  return lines;
}

std::vector<std::pair<std::size_t, std::string_view>> postfix_words(std::string_view text,
                                                                    std::string_view separators) {
  std::vector<std::pair<std::size_t, std::string_view>> words;
  std::size_t start = text.find_first_not_of(separators);
  while (start != std::string_view::npos) {
    std::size_t end = text.find_first_of(separators, start);
    if (end == std::string_view::npos) end = text.size();
    words.emplace_back(start, text.substr(start, end - start));
    start = text.find_first_not_of(separators, end);
  }
  return words;
}

}  // namespace delivsim

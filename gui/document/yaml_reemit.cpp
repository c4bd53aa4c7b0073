#include "gui/document/yaml_reemit.h"

namespace delivsim::gui {

namespace {

/// The lines that open `text` and are comments or blank, without trailing blank lines.
std::string opening_comment(const std::string& text) {
  std::size_t end = 0;  // just past the last comment line
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string::npos) line_end = text.size();
    const std::size_t first = text.find_first_not_of(" \t\r", line_start);
    if (first < line_end && text[first] != '#') break;
    if (first < line_end) end = std::min(line_end + 1, text.size());
    line_start = line_end + 1;
  }
  std::string comment = text.substr(0, end);
  if (!comment.empty() && comment.back() != '\n') comment += '\n';
  return comment;
}

}  // namespace

std::string reemit(const std::string& original, const YAML::Node& root) {
  YAML::Emitter out;
  out << root;
  return opening_comment(original) + out.c_str() + "\n";
}

}  // namespace delivsim::gui

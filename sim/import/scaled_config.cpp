#include "sim/import/scaled_config.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace delivsim {

void ScaledConfig::add(const SourcePosition& at, std::string name, std::string old_text, std::string new_text,
                       const std::string& rounding) {
  if (!rounding.empty()) warnings.push_back(ImportWarning{at, name, rounding});
  values.push_back(
      ScaledValue{at, std::move(name), std::move(old_text), std::move(new_text), !rounding.empty()});
}

namespace {

/// `text` fit for one comment line: line breaks (a file name may hold them) become '?'.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = '?';
  }
  return text;
}

}  // namespace

std::size_t offset_of(std::string_view text, int line, int column) {
  std::size_t offset = 0;
  for (int current = 1; current < line; ++current) {
    offset = text.find('\n', offset);
    if (offset == std::string_view::npos) return text.size();
    ++offset;
  }
  const std::size_t line_end = std::min(text.find('\n', offset), text.size());
  const std::size_t at = offset + static_cast<std::size_t>(std::max(column, 1) - 1);
  return at > line_end ? text.size() : at;
}

std::string scaled_config_text(const ScaledConfig& config, const TimeScale& scale) {
  std::vector<const ScaledValue*> order;
  for (const ScaledValue& value : config.values) order.push_back(&value);
  std::stable_sort(order.begin(), order.end(), [](const ScaledValue* a, const ScaledValue* b) {
    return std::tie(a->at.line, a->at.column) < std::tie(b->at.line, b->at.column);
  });
  const std::string file = one_line(config.file);
  std::string header = std::string(kScaledConfigMarker) + " " + scale.text + " from " + file + ": " +
                       config.mta + "'s timers divided by " + scale.text + ", its rates multiplied by " +
                       scale.text + " (docs/import.md)\n";
  header +=
      "# SMTP protocol timeouts (connect, greeting, data) and counts are not scaled. Line numbers below "
      "are " +
      file + "'s.\n";
  if (order.empty())
    header += "# No timer or rate of this file changes at this scale: the rest is an unchanged copy.\n";
  for (const ScaledValue* value : order) {
    header += "# " + file + ":" + std::to_string(value->at.line) + ": " + value->name + " " +
              value->old_text + " -> " + value->new_text + (value->rounded ? " (rounded)" : "") + "\n";
  }
  for (const std::string& note : config.notes) header += "# " + one_line(note) + "\n";
  std::string body;
  std::size_t copied = 0;
  for (const ScaledValue* value : order) {
    const std::size_t at = offset_of(config.original, value->at.line, value->at.column);
    if (at < copied || config.original.compare(at, value->old_text.size(), value->old_text) != 0) {
      throw std::logic_error(config.file + ":" + std::to_string(value->at.line) + ":" +
                             std::to_string(value->at.column) + ": " + value->name + " " + value->old_text +
                             " is not where the parser placed it");
    }
    body.append(config.original, copied, at - copied);
    body += value->new_text;
    copied = at + value->old_text.size();
  }
  body.append(config.original, copied);
  if (!config.appended.empty() && !body.empty() && body.back() != '\n') body += '\n';
  return header + body + config.appended;
}

}  // namespace delivsim

#include "sim/import/postfix_master_cf.h"

#include <array>

#include "sim/import/postfix_lines.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr std::array<std::string_view, 5> kServiceTypes{"inet", "unix", "unix-dgram", "fifo", "pass"};
constexpr std::size_t kFixedFields = 8;  // service type private unpriv chroot wakeup maxproc command

/// A word of a service line: plain, or `{ text }` (master(5), Postfix 3.0: an argument with spaces).
struct Word {
  std::size_t offset = 0;  ///< where its text starts in the line
  std::string text;
};

[[noreturn]] void fail(const PostfixLine& line, std::size_t offset, const std::string& field,
                       const std::string& problem, const std::string& expected,
                       const std::string& hint = {}) {
  const SourcePosition at = line.at(offset);
  throw ScenarioError(at.file, at.line, at.column, field, problem, expected, hint);
}

std::vector<Word> service_words(const PostfixLine& line) {
  std::vector<Word> words;
  const std::string& text = line.text;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    if (text[i] == '{') {
      const std::size_t close = text.find('}', i);
      if (close == std::string::npos) {
        fail(line, i, "", "'{' is not closed", "'{ text }' around an argument with spaces");
      }
      std::size_t start = i + 1, end = close;
      while (start < end && text[start] == ' ') ++start;
      while (end > start && text[end - 1] == ' ') --end;
      words.push_back(Word{start, text.substr(start, end - start)});
      i = close + 1;
      continue;
    }
    const std::size_t end = text.find_first_of(" \t", i);
    const std::size_t stop = end == std::string::npos ? text.size() : end;
    words.push_back(Word{i, text.substr(i, stop - i)});
    i = stop;
  }
  return words;
}

PostfixParameter read_override(const PostfixLine& line, const Word& word) {
  const std::size_t equals = word.text.find('=');
  std::string name = word.text.substr(0, equals);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  if (equals == std::string::npos || !is_postfix_parameter_name(name)) {
    fail(line, word.offset, "-o", "not an override: " + quote_value(word.text), "-o name=value");
  }
  std::size_t value_start = equals + 1;
  while (value_start < word.text.size() && word.text[value_start] == ' ') ++value_start;
  return PostfixParameter{name, word.text.substr(value_start), line.at(word.offset),
                          line.at(word.offset + std::min(value_start, word.text.size()))};
}

bool is_service_type(std::string_view word) {
  for (const std::string_view type : kServiceTypes) {
    if (word == type) return true;
  }
  return false;
}

}  // namespace

bool looks_like_postfix_service_line(std::string_view text) {
  const auto words = postfix_words(text, " \t");
  return words.size() >= kFixedFields && is_service_type(words[1].second);
}

std::vector<PostfixService> parse_postfix_master_cf(std::string_view text, const std::string& file) {
  std::vector<PostfixService> services;
  for (const PostfixLine& line : postfix_lines(text, file)) {
    const std::vector<Word> words = service_words(line);
    if (words.size() < kFixedFields) {
      fail(line, 0, "", "a service line has " + std::to_string(words.size()) + " fields",
           "8 fields or more: service type private unpriv chroot wakeup maxproc command [args] (master(5))");
    }
    if (!is_service_type(words[1].text)) {
      fail(line, words[1].offset, words[0].text, "unknown service type " + quote_value(words[1].text),
           "inet, unix, unix-dgram, fifo or pass",
           closest_name(words[1].text, {kServiceTypes.begin(), kServiceTypes.end()}));
    }
    PostfixService service{words[0].text, words[1].text, words[7].text, line.at(0), {}};
    for (std::size_t i = kFixedFields; i < words.size(); ++i) {
      if (words[i].text == "-o") {
        if (i + 1 == words.size())
          fail(line, words[i].offset, "-o", "has no name=value after it", "-o name=value");
        service.overrides.push_back(read_override(line, words[++i]));
      } else if (words[i].text.starts_with("-o") && words[i].text.find('=') != std::string::npos) {
        service.overrides.push_back(read_override(line, Word{words[i].offset + 2, words[i].text.substr(2)}));
      }
    }
    services.push_back(std::move(service));
  }
  return services;
}

}  // namespace delivsim

#include "sim/import/pmta_syntax.h"

#include <utility>

#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

/// One line being read: its text and where it is.
struct Line {
  std::string_view text;
  std::string file;
  int number = 0;

  SourcePosition at(std::size_t offset) const { return {file, number, static_cast<int>(offset) + 1}; }
  [[noreturn]] void fail(std::size_t offset, const std::string& field, const std::string& problem,
                         const std::string& expected) const {
    throw ScenarioError(file, number, static_cast<int>(offset) + 1, field, problem, expected);
  }
};

/// Offset where the line's content ends: at a `#` that starts a word (outside double quotes), or the end.
std::size_t content_end(const Line& line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.text.size(); ++i) {
    const char c = line.text[i];
    if (c == '"') quoted = !quoted;
    if (c == '#' && !quoted && (i == 0 || is_space(line.text[i - 1]))) return i;
  }
  return line.text.size();
}

/// The words of line.text[begin, end): split at white space; a double-quoted word loses its quotes.
std::vector<PmtaWord> split_words(const Line& line, std::size_t begin, std::size_t end) {
  std::vector<PmtaWord> words;
  std::size_t i = begin;
  while (i < end) {
    while (i < end && is_space(line.text[i])) ++i;
    if (i >= end) break;
    const std::size_t start = i;
    std::string word;
    if (line.text[i] == '"') {
      const std::size_t close = line.text.find('"', i + 1);
      if (close == std::string_view::npos || close >= end) {
        line.fail(i, "", "has a double quote that is not closed", "a closing \" on the same line");
      }
      word = std::string(line.text.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      while (i < end && !is_space(line.text[i])) ++i;
      word = std::string(line.text.substr(start, i - start));
    }
    words.push_back(PmtaWord{std::move(word), line.at(start)});
  }
  return words;
}

std::size_t skip_space(std::string_view text, std::size_t i, std::size_t end) {
  while (i < end && is_space(text[i])) ++i;
  return i;
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_space(text[end - 1])) --end;
  return end;
}

/// Item with name line.text[name_begin, name_end) and value the rest up to value_end.
PmtaItem make_item(const Line& line, std::size_t name_begin, std::size_t name_end, std::size_t value_end,
                   bool block) {
  PmtaItem item;
  item.block = block;
  item.name = std::string(line.text.substr(name_begin, name_end - name_begin));
  item.where = line.at(block ? name_begin - 1 : name_begin);
  const std::size_t value_begin = skip_space(line.text, name_end, value_end);
  item.value = std::string(line.text.substr(value_begin, value_end - value_begin));
  item.value_where = line.at(value_begin);
  item.words = split_words(line, value_begin, value_end);
  return item;
}

constexpr std::string_view kBraceExpected =
    "PowerMTA's block syntax: '<smtp-pattern-list NAME>' with lines 'reply /REGEX/ mode=backoff' and "
    "'</smtp-pattern-list>', '<domain gmail.com>' ... '</domain>' (the brace form comes from web pages, "
    "not from PowerMTA)";

class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  void read_line(const Line& line) {
    const std::size_t end = trim_end(line.text, 0, content_end(line));
    const std::size_t begin = skip_space(line.text, 0, end);
    if (begin == end) return;
    if (line.text[end - 1] == '{' || line.text.substr(begin, end - begin) == "}") {
      line.fail(line.text[end - 1] == '{' ? end - 1 : begin, "",
                "a block in braces is not PowerMTA configuration syntax", std::string(kBraceExpected));
    }
    if (line.text[begin] == '<') return read_tag(line, begin, end);
    std::size_t name_end = begin;
    while (name_end < end && !is_space(line.text[name_end])) ++name_end;
    current().push_back(make_item(line, begin, name_end, end, false));
  }

  std::vector<PmtaItem> finish() {
    if (!open_.empty()) {
      const PmtaItem& block = *open_.back();
      throw ScenarioError(block.where.file, block.where.line, block.where.column, block.name,
                          "block <" + shorten(block.name, 80) + "> is not closed",
                          "'</" + shorten(block.name, 80) + ">' before the end of the file");
    }
    return std::move(items_);
  }

 private:
  std::vector<PmtaItem>& current() { return open_.empty() ? items_ : open_.back()->children; }

  void read_tag(const Line& line, std::size_t begin, std::size_t end) {
    const std::size_t close = line.text.find('>', begin);
    if (close >= end)
      line.fail(begin, "", "a block tag without its closing '>'", "'<name argument>' or '</name>'");
    if (close != end - 1) line.fail(close + 1, "", "text after the block tag's '>'", "nothing after '>'");
    const bool closing = begin + 1 < end && line.text[begin + 1] == '/';
    const std::size_t name_begin = begin + (closing ? 2 : 1);
    std::size_t name_end = name_begin;
    while (name_end < end - 1 && !is_space(line.text[name_end])) ++name_end;
    if (name_end == name_begin) line.fail(name_begin, "", "a block tag without a name", "'<name argument>'");
    const std::string_view name = line.text.substr(name_begin, name_end - name_begin);
    if (closing) return close_block(line, name_begin, name, end - 1);
    if (open_.size() >= kMaxPmtaBlockDepth) {
      line.fail(begin, std::string(name), "blocks nested deeper than " + std::to_string(kMaxPmtaBlockDepth),
                "at most " + std::to_string(kMaxPmtaBlockDepth) + " levels of blocks");
    }
    current().push_back(make_item(line, name_begin, name_end, end - 1, true));
    open_.push_back(&current().back());
  }

  void close_block(const Line& line, std::size_t name_begin, std::string_view name, std::size_t tag_end) {
    if (skip_space(line.text, name_begin + name.size(), tag_end) != tag_end) {
      line.fail(name_begin + name.size(), std::string(name), "a closing tag with an argument",
                "'</" + shorten(name, 80) + ">'");
    }
    if (open_.empty()) {
      line.fail(name_begin - 2, std::string(name), "closes a block that is not open",
                "a matching '<" + shorten(name, 80) + " ...>' before it");
    }
    const PmtaItem& open = *open_.back();
    if (open.name != name) {
      line.fail(name_begin - 2, std::string(name),
                "closes <" + shorten(name, 80) + "> while <" + shorten(open.name, 80) + "> (line " +
                    std::to_string(open.where.line) + ") is open",
                "'</" + shorten(open.name, 80) + ">'");
    }
    open_.pop_back();
  }

  std::string file_;
  std::vector<PmtaItem> items_;
  std::vector<PmtaItem*> open_;  // pointers stay valid: an open block's parent list only grows at its end
};

}  // namespace

std::vector<PmtaItem> parse_pmta_text(std::string_view text, const std::string& file) {
  try {
    check_yaml_text(text, file);
  } catch (const ScenarioError& e) {
    throw ScenarioError(e.file, e.line, e.column, "", e.problem, "a PowerMTA configuration (UTF-8 text)");
  }
  Reader reader(file);
  int number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string_view::npos) stop = text.size();
    reader.read_line(Line{text.substr(start, stop - start), file, ++number});
    start = stop + 1;
  }
  return reader.finish();
}

}  // namespace delivsim

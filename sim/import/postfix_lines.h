#pragma once
/// @file Postfix's shared file syntax (main.cf, master.cf and postmap source tables): logical lines made of a
/// line that starts with non-whitespace text and the lines after it that start with whitespace; empty lines
/// and lines whose first non-whitespace character is '#' are skipped (postconf(5), master(5), postmap(1)).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// One logical line: its physical lines joined, each remembered by where it starts in the joined text.
struct PostfixLine {
  /// The physical lines joined by one space, the continuation lines' leading and every line's trailing
  /// whitespace removed.
  std::string text;
  /// Where in the file the character at `text[offset]` was written (1-based line and column).
  SourcePosition at(std::size_t offset) const;

  /// One physical line's share of `text`.
  struct Piece {
    std::size_t offset = 0;  ///< where it starts in `text`
    SourcePosition where;    ///< where its first character is in the file
  };
  std::vector<Piece> pieces;  ///< in order; the first is the logical line's first line
};

/// The logical lines of `text`, read from `file` (named in positions). Throws ScenarioError at the place of
/// a control character, NUL byte or invalid UTF-8, and at a continuation line with no line before it.
std::vector<PostfixLine> postfix_lines(std::string_view text, const std::string& file);

/// `text` split at runs of `separators`, each word with its offset in `text`.
std::vector<std::pair<std::size_t, std::string_view>> postfix_words(std::string_view text,
                                                                    std::string_view separators);

}  // namespace delivsim

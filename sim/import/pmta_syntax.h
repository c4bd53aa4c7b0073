#pragma once
/// @file PowerMTA's configuration syntax: `directive value...` lines, `#` comments, and `<block arg>` ...
/// `</block>` sections that nest, read into a tree whose every item knows its file, line and column.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// The deepest block nesting accepted (PowerMTA itself nests two levels: `<domain>` in `<virtual-mta>`).
inline constexpr std::size_t kMaxPmtaBlockDepth = 8;

/// One whitespace-separated word of a directive's value or a block's argument, with where it starts.
struct PmtaWord {
  std::string text;      ///< the word; a double-quoted word without its quotes
  SourcePosition where;  ///< its first character
};

/// A directive line, or a block with the items inside it.
struct PmtaItem {
  bool block = false;              ///< true: `<name args>` ... `</name>`
  std::string name;                ///< the directive or block name as written ("max-smtp-out", "domain")
  SourcePosition where;            ///< where the name starts (for a block: its `<`)
  std::vector<PmtaWord> words;     ///< the value (or block argument) split at white space
  std::string value;               ///< the value as written, comments and surrounding space removed
  SourcePosition value_where;      ///< where `value` starts
  std::vector<PmtaItem> children;  ///< a block's items in order
};

/// Reads one configuration file's text (`file` names it in positions and errors). Throws ScenarioError at
/// the line and column of: a NUL or other control byte or bytes that are not UTF-8, a `<` line without its
/// `>`, text after `>`, a closing tag that closes no open block or another one, a block left open at the
/// end, nesting deeper than kMaxPmtaBlockDepth, an unterminated double quote, and the brace form
/// `name arg {` ... `}` that some web pages show (PowerMTA writes blocks as `<name arg>` ... `</name>`).
std::vector<PmtaItem> parse_pmta_text(std::string_view text, const std::string& file);

}  // namespace delivsim

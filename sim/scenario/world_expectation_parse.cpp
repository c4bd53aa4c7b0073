#include "sim/scenario/world_expectation.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace delivsim {

namespace {

constexpr std::string_view kShareOfWorldsForm = "share_of_worlds(<expectation>) <op> <share>";
constexpr std::string_view kWinsForm = "wins(<strategy>, <rival>, totals.<headline figure>) <op> <share>";

/// The headline figures wins() compares, by key: the language's names for the keys of headline_figures()
/// (sim/output/headline.h, which the parser may not include), in its order; tests/check pins the two lists
/// equal.
constexpr std::array<std::string_view, 8> kHeadlineKeys = {"delivered_share", "deferral_rate", "max_queue",
                                                           "time_to_drain_s", "p95_latency_s", "final_tier",
                                                           "bounced",         "expired"};

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

/// Whitespace trimmed from both ends.
std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// The function name before '(' ("share_of_worlds", "wins"), spaces around it allowed; empty when the text
/// does not start with a name and '('.
std::string_view function_name(std::string_view text) {
  text = trimmed(text);
  const std::size_t open = text.find('(');
  if (open == std::string_view::npos) return {};
  return trimmed(text.substr(0, open));
}

/// The position of the ')' closing the '(' at `open`, skipping nested parentheses and double-quoted text (a
/// reply key); npos when there is none.
std::size_t closing_parenthesis(std::string_view text, std::size_t open) {
  int depth = 0;
  bool in_quotes = false;
  for (std::size_t i = open; i < text.size(); ++i) {
    if (text[i] == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

/// The words of `text` split at whitespace.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  for (text = trimmed(text); !text.empty(); text = trimmed(text)) {
    const std::size_t end = std::min(text.find(' '), text.find('\t'));
    words.push_back(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end);
  }
  return words;
}

double parse_share(std::string_view text) {
  double share = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), share);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(share) || share < 0 ||
      share > 1) {
    throw ExpectationSyntaxError("share " + quoted(text) + " is not a number in [0, 1]",
                                 "a share of worlds in [0, 1], e.g. 0.9");
  }
  return share;
}

/// "<op> <share>" after the closing parenthesis.
void read_comparison(std::string_view tail, std::string_view form, WorldExpectation& expectation) {
  const std::vector<std::string_view> words = words_of(tail);
  if (words.size() != 2) {
    throw ExpectationSyntaxError(quoted(trimmed(tail)) + " after ')' is not '<op> <share>'",
                                 std::string(form) + ", e.g. ... >= 0.9");
  }
  expectation.op = parse_compare_op(words[0]);
  expectation.share = parse_share(words[1]);
}

/// The inner expectation of share_of_worlds(...), its errors saying where they are.
Expectation read_condition(std::string_view inner) {
  try {
    return parse_expectation(trimmed(inner));
  } catch (const ExpectationSyntaxError& e) {
    throw ExpectationSyntaxError("inside share_of_worlds(): " + e.problem, e.expected, e.unknown_name,
                                 e.allowed_names);
  }
}

/// "totals.<key>" for every headline figure, in headline_figures() order.
std::vector<std::string> headline_paths() {
  std::vector<std::string> paths;
  for (const std::string_view key : kHeadlineKeys) paths.push_back("totals." + std::string(key));
  return paths;
}

/// A wins() figure: `totals.<key>` of a headline figure; returns the key.
std::string read_headline_figure(std::string_view path) {
  const std::vector<std::string> paths = headline_paths();
  const auto found = std::find(paths.begin(), paths.end(), path);
  if (found != paths.end()) return found->substr(std::string_view("totals.").size());
  std::string listed;
  for (const std::string& candidate : paths) listed += (listed.empty() ? "" : ", ") + candidate;
  std::string problem = "unknown figure path " + quoted(path);
  try {
    parse_figure_path(path);
    problem = quoted(path) + " is not a headline figure (wins() compares the run-wide headline figures)";
  } catch (const ExpectationSyntaxError&) {
    // Not a figure path at all: the problem above says so.
  }
  throw ExpectationSyntaxError(problem, "one of " + listed, std::string(path), paths);
}

/// "<strategy>, <rival>, <figure>" inside wins(...).
void read_wins_arguments(std::string_view inner, WorldExpectation& expectation) {
  std::vector<std::string_view> arguments;
  std::string_view rest = inner;
  for (std::size_t comma = rest.find(','); comma != std::string_view::npos; comma = rest.find(',')) {
    arguments.push_back(trimmed(rest.substr(0, comma)));
    rest = rest.substr(comma + 1);
  }
  arguments.push_back(trimmed(rest));
  const bool blank = std::any_of(arguments.begin(), arguments.end(), [](auto a) { return a.empty(); });
  if (arguments.size() != 3 || blank) {
    throw ExpectationSyntaxError(
        "wins() takes 3 arguments, got " + quoted(trimmed(inner)),
        std::string(kWinsForm) + ", e.g. wins(warmup, cold-blast, totals.delivered_share) >= 0.9");
  }
  if (arguments[0] == arguments[1]) {
    throw ExpectationSyntaxError("wins() compares strategy " + quoted(arguments[0]) + " with itself",
                                 "two different strategies of the file");
  }
  expectation.strategy = arguments[0];
  expectation.rival = arguments[1];
  expectation.figure_text = arguments[2];
  expectation.figure = read_headline_figure(arguments[2]);
}

}  // namespace

bool is_world_expectation(std::string_view text) {
  const std::string_view name = function_name(text);
  return name == "share_of_worlds" || name == "wins";
}

WorldExpectation parse_world_expectation(std::string_view text) {
  const std::string_view name = function_name(text);
  const bool wins = name == "wins";
  const std::string_view form = wins ? kWinsForm : kShareOfWorldsForm;
  if (!wins && name != "share_of_worlds") {
    throw ExpectationSyntaxError(quoted(text) + " is not an expectation over worlds",
                                 std::string(kShareOfWorldsForm) + " or " + std::string(kWinsForm));
  }
  const std::size_t open = text.find('(');
  const std::size_t close = closing_parenthesis(text, open);
  if (close == std::string_view::npos) {
    throw ExpectationSyntaxError(quoted(text) + " has no closing ')'", std::string(form));
  }
  const std::string_view inner = text.substr(open + 1, close - open - 1);
  WorldExpectation expectation;
  if (wins) {
    expectation.kind = WorldExpectation::Kind::Wins;
    read_wins_arguments(inner, expectation);
  } else {
    expectation.condition = read_condition(inner);
  }
  read_comparison(text.substr(close + 1), form, expectation);
  return expectation;
}

}  // namespace delivsim

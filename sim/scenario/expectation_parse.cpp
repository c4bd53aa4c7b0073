#include "sim/scenario/expectation.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <utility>
#include <vector>

#include "models/tier.h"

namespace delivsim {

namespace {

constexpr std::string_view kFigureForms =
    "totals.<figure>, providers.<name>.<figure>, traffic.<name>.<figure> or "
    "identities[ip|dkim|spf=<id>(,provider=<name>)].<figure>";

constexpr std::array<std::string_view, 9> kCountFields = {"injected",       "delivered", "delivered_inbox",
                                                          "delivered_spam", "bounced",   "expired",
                                                          "queued_at_end",  "attempts",  "deferrals"};
/// The counts of delivered mail that traffic sources have too.
constexpr std::array<std::string_view, 3> kTrafficCountFields = {"delivered", "delivered_inbox",
                                                                 "delivered_spam"};
/// SNDS-style filter colour days (only of providers whose profile has colour bands, and their IPs).
constexpr std::array<std::string_view, 3> kFilterColourFields = {
    "filter_colours.green", "filter_colours.yellow", "filter_colours.red"};
constexpr std::array<std::string_view, 5> kLatencyFields = {
    "delivery_latency_s.mean", "delivery_latency_s.p50", "delivery_latency_s.p95", "delivery_latency_s.p99",
    "delivery_latency_s.max"};

bool is_one_of(std::string_view text, const auto& names) {
  return std::find(names.begin(), names.end(), text) != names.end();
}

std::string quoted(std::string_view text) {
  return "'" + std::string(text) + "'";
}

[[noreturn]] void fail_figure(std::string_view field, std::string_view scope, std::string expected) {
  throw ExpectationSyntaxError("unknown " + std::string(scope) + " figure " + quoted(field),
                               std::move(expected));
}

/// `totals.<field>`
void read_totals_field(std::string_view field, Figure& figure) {
  if (is_one_of(field, kCountFields)) return;
  if (field == "deferral_rate" || field == "delivered_share" || field == "inbox_share") {
    figure.type = FigureType::Number;
    return;
  }
  fail_figure(
      field, "totals",
      "a count (injected, delivered, delivered_inbox, delivered_spam, bounced, expired, queued_at_end, "
      "attempts, deferrals), deferral_rate, delivered_share or inbox_share");
}

/// `deferrals_by_reply["421 4.7.28"]` -> ("deferrals_by_reply", "421 4.7.28"); nullopt when not bracketed.
std::optional<std::pair<std::string_view, std::string_view>> split_reply_key(std::string_view field) {
  const std::size_t open = field.find("[\"");
  if (open == std::string_view::npos || !field.ends_with("\"]") || field.size() < open + 4)
    return std::nullopt;
  const std::string_view reply = field.substr(open + 2, field.size() - open - 4);
  if (reply.find('"') != std::string_view::npos) return std::nullopt;
  return std::pair{field.substr(0, open), reply};
}

/// `providers.<name>.<field>`
void read_provider_field(std::string_view field, Figure& figure) {
  if (auto keyed = split_reply_key(field)) {
    if (keyed->first == "deferrals_by_reply" || keyed->first == "bounces_by_reply") {
      if (keyed->second.empty())
        throw ExpectationSyntaxError("empty reply key", "a reply such as \"421 4.7.28\"");
      figure.field = keyed->first;
      figure.reply = keyed->second;
      return;
    }
  }
  if (is_one_of(field, kCountFields) || field == "max_queue" || is_one_of(field, kFilterColourFields)) return;
  if (field == "deferral_rate" || field == "delivered_share" || field == "inbox_share" ||
      is_one_of(field, kLatencyFields)) {
    figure.type = FigureType::Number;
    return;
  }
  if (field == "time_to_drain_s") {
    figure.type = FigureType::NullableNumber;
    return;
  }
  fail_figure(
      field, "provider",
      "a count (injected, delivered, delivered_inbox, delivered_spam, bounced, expired, queued_at_end, "
      "attempts, deferrals), deferral_rate, delivered_share, inbox_share, max_queue, time_to_drain_s, "
      "deferrals_by_reply[\"<reply>\"], bounces_by_reply[\"<reply>\"], "
      "delivery_latency_s.mean|p50|p95|p99|max or filter_colours.green|yellow|red");
}

/// `traffic.<name>.<field>`
void read_traffic_field(std::string_view field, Figure& figure) {
  if (field == "injected" || field == "suppressed" || is_one_of(field, kTrafficCountFields)) return;
  if (field == "inbox_share" || is_one_of(field, kLatencyFields)) {
    figure.type = FigureType::Number;
    return;
  }
  fail_figure(field, "traffic",
              "injected, delivered, delivered_inbox, delivered_spam, inbox_share, suppressed or "
              "delivery_latency_s.mean|p50|p95|p99|max");
}

/// `ip=203.0.113.10,provider=gmail` (the text between the brackets).
void read_identity_selector(std::string_view selector, Figure& figure) {
  bool has_id = false;
  while (!selector.empty()) {
    const std::size_t comma = selector.find(',');
    const std::string_view part = selector.substr(0, comma);
    selector = comma == std::string_view::npos ? std::string_view{} : selector.substr(comma + 1);
    const std::size_t equals = part.find('=');
    const std::string_view key = part.substr(0, equals);
    const std::string_view value =
        equals == std::string_view::npos ? std::string_view{} : part.substr(equals + 1);
    if (value.empty()) {
      throw ExpectationSyntaxError("identity selector " + quoted(part) + " has no value",
                                   "key=value, e.g. ip=203.0.113.10");
    }
    if (key == "provider" && figure.identity_provider.empty()) {
      figure.identity_provider = value;
    } else if ((key == "ip" || key == "dkim" || key == "spf") && !has_id) {
      has_id = true;
      figure.identity_kind = key == "ip"     ? IdentityKind::Ip
                             : key == "dkim" ? IdentityKind::Dkim
                                             : IdentityKind::Spf;
      figure.name = value;
    } else {
      throw ExpectationSyntaxError("identity selector key " + quoted(key) + " is unknown or repeated",
                                   "one of ip=, dkim=, spf= and optionally provider=");
    }
  }
  if (!has_id) throw ExpectationSyntaxError("identity selector names no identity", "ip=, dkim= or spf=");
}

/// `identities[...].<field>`; `rest` starts after "identities".
void read_identity_figure(std::string_view rest, Figure& figure) {
  const std::size_t close = rest.find(']');
  if (!rest.starts_with('[') || close == std::string_view::npos || rest.substr(close + 1, 1) != ".") {
    throw ExpectationSyntaxError("malformed identity figure", std::string(kFigureForms));
  }
  read_identity_selector(rest.substr(1, close - 1), figure);
  figure.field = rest.substr(close + 2);
  if (figure.field == "final_tier") {
    figure.type = FigureType::Tier;
  } else if (figure.field == "final_score" || figure.field == "peak_spam_rate") {
    figure.type = FigureType::Number;
  } else if (!is_one_of(figure.field, kFilterColourFields)) {  // a count
    fail_figure(figure.field, "identity",
                "final_tier, final_score, peak_spam_rate or filter_colours.green|yellow|red");
  }
}

}  // namespace

Figure parse_figure_path(std::string_view path) {
  Figure figure;
  if (path.starts_with("identities")) {
    figure.scope = FigureScope::Identity;
    read_identity_figure(path.substr(std::string_view("identities").size()), figure);
    return figure;
  }
  const std::size_t first_dot = path.find('.');
  const std::string_view head = path.substr(0, first_dot);
  const std::string_view rest =
      first_dot == std::string_view::npos ? std::string_view{} : path.substr(first_dot + 1);
  if (head == "totals") {
    figure.field = rest;
    read_totals_field(rest, figure);
    return figure;
  }
  if (head != "providers" && head != "traffic") {
    throw ExpectationSyntaxError("unknown figure path " + quoted(path), std::string(kFigureForms));
  }
  const std::size_t name_end = rest.find('.');
  if (name_end == 0 || name_end == std::string_view::npos) {
    throw ExpectationSyntaxError("figure path " + quoted(path) + " names no " + std::string(head) + " figure",
                                 std::string(kFigureForms));
  }
  figure.name = rest.substr(0, name_end);
  figure.field = rest.substr(name_end + 1);
  if (head == "providers") {
    figure.scope = FigureScope::Provider;
    read_provider_field(figure.field, figure);
  } else {
    figure.scope = FigureScope::Traffic;
    read_traffic_field(figure.field, figure);
  }
  return figure;
}

CompareOp parse_compare_op(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, CompareOp>, 6> kOps = {
      {{"<", CompareOp::Less},
       {"<=", CompareOp::LessEqual},
       {">", CompareOp::Greater},
       {">=", CompareOp::GreaterEqual},
       {"==", CompareOp::Equal},
       {"!=", CompareOp::NotEqual}}};
  for (const auto& [name, op] : kOps) {
    if (name == text) return op;
  }
  throw ExpectationSyntaxError("unknown operator " + quoted(text), "one of < <= > >= == !=");
}

namespace {

std::optional<double> parse_value(std::string_view text, const Figure& figure, CompareOp op) {
  if (figure.type == FigureType::Tier) {
    if (auto tier = parse_tier(text)) return static_cast<double>(*tier);
    throw ExpectationSyntaxError("value " + quoted(text) + " is not a tier", "BAD, LOW, MEDIUM or HIGH");
  }
  if (text == "null" && figure.type == FigureType::NullableNumber) {
    if (op != CompareOp::Equal && op != CompareOp::NotEqual) {
      throw ExpectationSyntaxError("null can only be compared with == or !=", "== null or != null");
    }
    return std::nullopt;
  }
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    throw ExpectationSyntaxError("value " + quoted(text) + " is not a number",
                                 figure.type == FigureType::NullableNumber ? "a number or null" : "a number");
  }
  return value;
}

/// The text split at whitespace, except inside double quotes (a reply key such as "421 4.7.28") and inside
/// a function's parentheses.
std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  bool in_quotes = false;
  int open_parentheses = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const bool inside = in_quotes || open_parentheses > 0;
    const bool space = i == text.size() || (!inside && (text[i] == ' ' || text[i] == '\t'));
    if (space && start != std::string_view::npos) {
      words.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    } else if (!space && start == std::string_view::npos) {
      start = i;
    }
    if (i == text.size()) break;
    if (text[i] == '"') in_quotes = !in_quotes;
    if (!in_quotes && text[i] == '(') ++open_parentheses;
    if (!in_quotes && text[i] == ')' && open_parentheses > 0) --open_parentheses;
  }
  if (open_parentheses > 0) {
    throw ExpectationSyntaxError(quoted(text) + " has no closing ')'",
                                 "a function around the figure, e.g. p95(providers.gmail.time_to_drain_s)");
  }
  return words;
}

constexpr std::array<std::pair<std::string_view, Statistic>, 6> kStatistics = {{{"mean", Statistic::Mean},
                                                                                {"min", Statistic::Min},
                                                                                {"max", Statistic::Max},
                                                                                {"p5", Statistic::P5},
                                                                                {"p50", Statistic::P50},
                                                                                {"p95", Statistic::P95}}};

/// Whitespace trimmed from both ends.
std::string_view trimmed(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// "p95(providers.gmail.time_to_drain_s)" -> (P95, "providers.gmail.time_to_drain_s"); a word that does
/// not start with a name and '(' is the figure itself (Statistic::Each), so a '(' inside a reply key is
/// left alone.
std::pair<Statistic, std::string_view> split_statistic(std::string_view word) {
  const std::size_t open = word.find('(');
  if (open == std::string_view::npos) return {Statistic::Each, word};
  const std::string_view name = word.substr(0, open);
  if (name.find_first_of(".[\"") != std::string_view::npos) return {Statistic::Each, word};
  if (!word.ends_with(')')) {
    throw ExpectationSyntaxError(quoted(word) + " has text after ')'",
                                 "a function around the figure, e.g. p95(providers.gmail.time_to_drain_s)");
  }
  for (const auto& [function, statistic] : kStatistics) {
    if (function == name) return {statistic, trimmed(word.substr(open + 1, word.size() - open - 2))};
  }
  std::vector<std::string> functions;
  for (const auto& entry : kStatistics) functions.emplace_back(entry.first);
  throw ExpectationSyntaxError("unknown function " + quoted(name),
                               "one of mean, min, max, p5, p50, p95 around the figure, e.g. "
                               "p95(providers.gmail.time_to_drain_s)",
                               std::string(name), std::move(functions));
}

/// Refuses a statistic that does not suit the figure or the value compared with.
void check_statistic(Statistic statistic, const Figure& figure, std::string_view value_text) {
  if (statistic == Statistic::Each) return;
  if (figure.type == FigureType::Tier && statistic != Statistic::Min && statistic != Statistic::Max) {
    throw ExpectationSyntaxError("a tier figure has no mean or percentile (it would fall between tiers)",
                                 "min(...) or max(...) around a tier figure, or no function");
  }
  if (value_text == "null") {
    throw ExpectationSyntaxError("a statistic is never null (a never-drained run counts as +infinity)",
                                 "a number");
  }
}

}  // namespace

ExpectationSyntaxError::ExpectationSyntaxError(std::string problem_text, std::string expected_text,
                                               std::string unknown, std::vector<std::string> allowed)
    : std::runtime_error(problem_text + "; expected " + expected_text),
      problem(std::move(problem_text)),
      expected(std::move(expected_text)),
      unknown_name(std::move(unknown)),
      allowed_names(std::move(allowed)) {}

Expectation parse_expectation(std::string_view text) {
  const std::vector<std::string_view> words = split_words(text);
  if (words.size() != 3) {
    throw ExpectationSyntaxError("'" + std::string(text) + "' is not '<figure> <op> <value>'",
                                 "e.g. providers.gmail.max_queue <= 50000");
  }
  Expectation expectation;
  const auto [statistic, figure_path] = split_statistic(words[0]);
  expectation.statistic = statistic;
  expectation.figure = parse_figure_path(figure_path);
  expectation.op = parse_compare_op(words[1]);
  check_statistic(statistic, expectation.figure, words[2]);
  expectation.value = parse_value(words[2], expectation.figure, expectation.op);
  return expectation;
}

}  // namespace delivsim

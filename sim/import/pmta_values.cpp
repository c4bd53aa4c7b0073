#include "sim/import/pmta_values.h"
#include "sim/import/scenario_duration_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

#include "models/reply_pattern.h"
#include "models/units.h"
#include "sim/import/tree_builder.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

struct Unit {
  std::string_view symbol;
  std::int64_t seconds;
};

constexpr std::array<Unit, 4> kTimeUnits{{{"d", 86400}, {"h", 3600}, {"m", 60}, {"s", 1}}};
constexpr std::array<Unit, 8> kRateUnits{
    {{"d", 86400}, {"day", 86400}, {"h", 3600}, {"hr", 3600}, {"m", 60}, {"min", 60}, {"s", 1}, {"sec", 1}}};
/// The largest whole number a conversion keeps exact (well inside int64 and a double's 2^53).
constexpr std::int64_t kMaxExact = std::int64_t{1} << 50;

[[noreturn]] void fail(const PmtaWord& word, const std::string& field, const std::string& problem,
                       const std::string& expected) {
  throw ScenarioError(word.where.file, word.where.line, word.where.column, field,
                      quote_value(word.text) + " " + problem, expected);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// The whole number at text[i...]; advances i. nullopt when there is no digit or it exceeds kMaxExact.
std::optional<std::int64_t> read_whole(std::string_view text, std::size_t& i) {
  if (i >= text.size() || !is_digit(text[i])) return std::nullopt;
  std::int64_t value = 0;
  while (i < text.size() && is_digit(text[i])) {
    value = value * 10 + (text[i] - '0');
    if (value > kMaxExact) return std::nullopt;
    ++i;
  }
  return value;
}

/// Whether delivsim reads `text` as written: units strictly largest first, each once.
bool in_delivsim_order(std::string_view text) {
  std::size_t next = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_digit(text[i])) continue;
    std::size_t index = 0;
    while (index < kTimeUnits.size() && kTimeUnits[index].symbol[0] != text[i]) ++index;
    if (index < next) return false;
    next = index + 1;
  }
  return true;
}

std::int64_t gcd(std::int64_t a, std::int64_t b) {
  while (b != 0) a = std::exchange(b, a % b);
  return a;
}

/// numerator / denominator (> 0, reduced) as a finite decimal, or "" when it is not one.
std::string finite_decimal(std::int64_t numerator, std::int64_t denominator) {
  std::int64_t rest = denominator;
  int twos = 0, fives = 0;
  while (rest % 2 == 0) rest /= 2, ++twos;
  while (rest % 5 == 0) rest /= 5, ++fives;
  if (rest != 1) return "";
  const int digits = std::max(twos, fives);
  std::string text = std::to_string(numerator / denominator);
  std::int64_t remainder = numerator % denominator;
  if (remainder == 0) return text;
  text += '.';
  for (int d = 0; d < digits && remainder != 0; ++d) {
    remainder *= 10;
    text += static_cast<char>('0' + remainder / denominator);
    remainder %= denominator;
  }
  return text;
}

}  // namespace

std::int64_t pmta_duration_seconds(const PmtaWord& word, const std::string& field) {
  const std::string expected = "a PowerMTA time interval such as 10m, 1h or 4d12h (units d, h, m, s)";
  const std::string_view text = word.text;
  if (text == "0") return 0;
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto amount = read_whole(text, i);
    if (!amount) fail(word, field, "is not a time interval", expected);
    std::size_t unit_end = i;
    while (unit_end < text.size() && !is_digit(text[unit_end])) ++unit_end;
    const std::string_view symbol = text.substr(i, unit_end - i);
    const Unit* unit = nullptr;
    for (const Unit& candidate : kTimeUnits) {
      if (candidate.symbol == symbol) unit = &candidate;
    }
    if (!unit) fail(word, field, "has no unit or an unknown one", expected);
    if (*amount > (kMaxExact - total) / unit->seconds) fail(word, field, "is too long", expected);
    total += *amount * unit->seconds;
    i = unit_end;
  }
  return total;
}

std::string pmta_duration(const PmtaWord& word, const std::string& field) {
  const std::int64_t seconds = pmta_duration_seconds(word, field);
  return in_delivsim_order(word.text) ? word.text : scenario_duration_text(1000 * seconds);
}

std::string pmta_count_per_day(const PmtaWord& word, const std::string& field) {
  const std::string expected = "N/d or N/day such as 200/d";
  const std::string_view text = word.text;
  std::size_t i = 0;
  const auto count = read_whole(text, i);
  const std::string_view unit = count && i < text.size() ? text.substr(i) : std::string_view();
  if (!count || (unit != "/d" && unit != "/day")) fail(word, field, "is not a count per day", expected);
  if (*count > std::numeric_limits<int>::max()) fail(word, field, "is too large", expected);
  return std::to_string(*count);
}

std::optional<PmtaRate> read_pmta_rate(const PmtaWord& word, const std::string& field) {
  const std::string expected = "unlimited, 0 or N/[M]{d|day|h|hr|m|min|s|sec} such as 500/h or 100/5m";
  const std::string_view text = word.text;
  if (text == "unlimited" || text == "0") return std::nullopt;
  std::size_t i = 0;
  const auto count = read_whole(text, i);
  if (!count || *count == 0 || i >= text.size() || text[i] != '/') {
    fail(word, field, "is not a PowerMTA rate", expected);
  }
  ++i;
  std::int64_t span = 1;
  if (i < text.size() && is_digit(text[i])) {
    const auto amount = read_whole(text, i);
    if (!amount || *amount == 0) fail(word, field, "has a period of 0 or too large", expected);
    span = *amount;
  }
  const std::string_view symbol = text.substr(i);
  const Unit* unit = nullptr;
  for (const Unit& candidate : kRateUnits) {
    if (candidate.symbol == symbol) unit = &candidate;
  }
  if (!unit) fail(word, field, "has no unit or an unknown one", expected);
  if (span > kMaxExact / unit->seconds) fail(word, field, "has too long a period", expected);
  return PmtaRate{*count, span, std::string(unit->symbol), unit->seconds};
}

std::string pmta_rate(const PmtaWord& word, const std::string& field) {
  const std::optional<PmtaRate> rate = read_pmta_rate(word, field);
  if (!rate) return "unlimited";
  if (rate->span == 1) return std::to_string(rate->count) + "/" + rate->unit.substr(0, 1);
  // count per (span x unit) in the smallest delivsim unit that makes it a whole number, else a finite
  // decimal.
  for (const bool whole : {true, false}) {
    for (auto target = kTimeUnits.rbegin(); target != kTimeUnits.rend(); ++target) {
      if (rate->count > kMaxExact / target->seconds) continue;
      std::int64_t numerator = rate->count * target->seconds;
      std::int64_t denominator = rate->span * rate->unit_seconds;
      const std::int64_t divisor = gcd(numerator, denominator);
      numerator /= divisor;
      denominator /= divisor;
      if (whole && denominator != 1) continue;
      const std::string decimal = finite_decimal(numerator, denominator);
      if (!decimal.empty()) return decimal + "/" + std::string(target->symbol);
    }
  }
  fail(word, field, "is no finite decimal count per second, minute, hour or day",
       "a rate delivsim can write exactly, e.g. one with a period of whole hours that divides a day");
}

std::vector<PmtaWord> pmta_list_items(const PmtaWord& word) {
  std::vector<PmtaWord> items;
  std::size_t start = 0;
  while (start <= word.text.size()) {
    std::size_t comma = word.text.find(',', start);
    if (comma == std::string::npos) comma = word.text.size();
    SourcePosition where = word.where;
    where.column += static_cast<int>(start);
    items.push_back(PmtaWord{word.text.substr(start, comma - start), where});
    start = comma + 1;
  }
  return items;
}

YamlNode pmta_retry(const PmtaWord& word, const std::string& field) {
  const std::vector<PmtaWord> items = pmta_list_items(word);
  YamlNode retry = map_node(word.where);
  if (items.size() == 1) {
    set_entry(retry, "fixed", scalar_node(pmta_duration(items.front(), field), word.where));
    return retry;
  }
  YamlNode offsets = sequence_node(word.where);
  std::int64_t total = 0;
  for (const PmtaWord& item : items) {
    const std::int64_t seconds = pmta_duration_seconds(item, field);
    if (seconds <= 0) fail(item, field, "is not a retry interval > 0", "intervals > 0 such as 15m,30m,1h");
    if (seconds > kMaxExact - total) fail(item, field, "makes the retry list too long", "shorter intervals");
    total += seconds;
    offsets.items.push_back(scalar_node(scenario_duration_text(1000 * total), item.where));
  }
  set_entry(retry, "list", std::move(offsets));
  return retry;
}

std::string pmta_regex(const PmtaWord& word, const std::string& field) {
  const std::string expected =
      "/REGEX/ (optionally /REGEX/i) that RE2 takes: no backreferences or lookaround";
  const std::string& text = word.text;
  const std::size_t close = text.rfind('/');
  if (text.size() < 2 || text.front() != '/' || close == 0) fail(word, field, "is not a /regex/", expected);
  const std::string flags = text.substr(close + 1);
  if (!flags.empty() && flags != "i") fail(word, field, "has flags other than i after the regex", expected);
  std::string pattern = flags == "i" ? "(?i)" : "";
  for (std::size_t i = 1; i < close; ++i) {
    if (text[i] == '\\' && i + 1 < close && text[i + 1] == '/') continue;  // `\/` is a plain slash in RE2
    pattern += text[i];
  }
  if (auto problem = regex_problem(pattern))
    fail(word, field, "cannot be an RE2 pattern: " + *problem, expected);
  return pattern;
}

}  // namespace delivsim

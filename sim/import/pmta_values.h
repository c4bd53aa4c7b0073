#pragma once
/// @file PowerMTA's value syntax turned into delivsim's scenario syntax: time intervals, rates, retry lists
/// and `/regex/` patterns. Each conversion is exact or fails with a ScenarioError at the word.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/import/pmta_syntax.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// A PowerMTA TIME-INTERVAL (`10m`, `4d12h`, `90s`, `0`; units d, h, m, s) in seconds. Throws ScenarioError
/// at the word when it is not one. `field` names the directive in errors.
std::int64_t pmta_duration_seconds(const PmtaWord& word, const std::string& field);

/// A PowerMTA rate `N/[M]unit` as written: N per M units.
struct PmtaRate {
  std::int64_t count = 0;         ///< N > 0
  std::int64_t span = 1;          ///< M > 0 (1 when not written)
  std::string unit;               ///< as written: d, day, h, hr, m, min, s or sec
  std::int64_t unit_seconds = 1;  ///< its length
};

/// A PowerMTA rate `N/[M]{d|day|h|hr|m|min|s|sec}`; nullopt for `unlimited` or `0`. Throws ScenarioError at
/// the word for anything else.
std::optional<PmtaRate> read_pmta_rate(const PmtaWord& word, const std::string& field);

/// A PowerMTA TIME-INTERVAL (`10m`, `4d12h`, `90s`; units d, h, m, s) as a delivsim duration, written
/// largest unit first ("1h30m" for `90m`; the text as written when delivsim reads it the same).
/// `field` names the directive in errors.
std::string pmta_duration(const PmtaWord& word, const std::string& field);

/// A PowerMTA rate `N/[M]{d|day|h|hr|m|min|s|sec}`, `unlimited` or `0`, as a delivsim rate limit: "500/h",
/// in the smallest unit giving a whole count ("20/m" for `100/5m`, "800/d" for `100/3h`), else a finite
/// decimal, "unlimited". A rate that no unit makes a finite decimal
/// (`100/7h`) is an error naming an equal one to write instead.
std::string pmta_rate(const PmtaWord& word, const std::string& field);

/// A count per day `N/d` (or `N/day`, N >= 0), as max-cold-virtual-mta-msg takes it: N as text. Throws
/// ScenarioError at the word otherwise.
std::string pmta_count_per_day(const PmtaWord& word, const std::string& field);

/// PowerMTA's `retry-after LIST` (one interval per successive retry, the last repeating) as delivsim's
/// retry: a single interval gives `retry_after`-style text in `fixed`; several give `list` offsets from the
/// first attempt (their running sums), whose last gap repeats as PowerMTA's last interval does. The node is
/// `{fixed: 10m}` or `{list: [15m, 45m, ...]}`, each value at its interval's column.
YamlNode pmta_retry(const PmtaWord& word, const std::string& field);

/// The intervals of a comma-separated TIME-INTERVAL-LIST, each as a word at its own column.
std::vector<PmtaWord> pmta_list_items(const PmtaWord& word);

/// A PowerMTA `/regex/` (Perl syntax, optional `i` flag after the closing slash) as an RE2 pattern
/// delivsim's rules take: the slashes removed, `\/` unescaped, `(?i)` in front for the flag. Throws at the
/// word when RE2 cannot take it (a backreference or lookaround), with RE2's reason.
std::string pmta_regex(const PmtaWord& word, const std::string& field);

}  // namespace delivsim

#include "sim/report/robust_reader.h"

#include <algorithm>
#include <cmath>

#include "sim/output/number_format.h"
#include "sim/report/json_fields.h"
#include "sim/report/json_file.h"
#include "sim/report/report_error.h"

namespace delivsim::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kRobustFormat = "delivsim-robust";

/// Largest magnitude of a figure's value or difference the reader accepts: no headline figure comes near it
/// (3e7 years in seconds), and charts scale it (shares by 100) without overflowing.
constexpr double kMaxFigureMagnitude = 1e15;

std::string indexed(const std::string& name, std::size_t index) {
  return name + "[" + std::to_string(index) + "]";
}

/// `value` as a number; a message about the value itself (starting with ':') otherwise.
double number_of(const Json& value) {
  if (!value.is_number())
    throw ReportInputError(std::string(": expected a number, found ") + value.type_name());
  return value.get<double>();
}

/// `value` as a figure's value (a number of at most kMaxFigureMagnitude), or nullopt for null.
std::optional<double> figure_or_null_of(const Json& value) {
  if (value.is_null()) return std::nullopt;
  if (!value.is_number() || !(std::abs(value.get<double>()) <= kMaxFigureMagnitude)) {
    throw ReportInputError(": expected a number from " + format_significant(-kMaxFigureMagnitude) + " to " +
                           format_significant(kMaxFigureMagnitude) + " or null, found " +
                           (value.is_number() ? value.dump() : std::string(value.type_name())));
  }
  return value.get<double>();
}

/// number_member() that must lie in [low, high].
double bounded_member(const Json& object, std::string_view key, double low, double high) {
  const double value = number_member(object, key);
  if (!(value >= low && value <= high)) {
    throw ReportInputError(std::string(key) + ": expected a number from " + format_significant(low) + " to " +
                           format_significant(high) + ", found " + format_significant(value));
  }
  return value;
}

/// Throws a message about `value` itself (starting with ':') unless it is an array of `size` items (`what`
/// says what each stands for: "one per world").
void check_sized_array(const Json& value, std::size_t size, const std::string& what) {
  if (!value.is_array())
    throw ReportInputError(std::string(": expected an array, found ") + value.type_name());
  if (value.size() != size) {
    throw ReportInputError(": expected " + std::to_string(size) + " items (" + what + "), found " +
                           std::to_string(value.size()));
  }
}

/// member() that must be an array of `size` items.
const Json& sized_array_member(const Json& object, std::string_view key, std::size_t size,
                               const std::string& what) {
  const Json& value = member(object, key);
  within(std::string(key), [&] { check_sized_array(value, size, what); });
  return value;
}

/// Each item of the array `array` (at path `where`) read by `read`, with the item's path in front of errors.
template <typename Read>
auto each_item(const Json& array, const std::string& where, Read&& read) {
  std::vector<decltype(read(array.front()))> items;
  for (std::size_t i = 0; i < array.size(); ++i) {
    items.push_back(within(indexed(where, i), [&] { return read(array[i]); }));
  }
  return items;
}

Better better_of(const Json& figure) {
  const std::string better = string_member(figure, "better");
  if (better == "higher") return Better::Higher;
  if (better == "lower") return Better::Lower;
  throw ReportInputError("better: expected \"higher\" or \"lower\", found \"" + better + "\"");
}

RobustVaried varied_of(const Json& varied) {
  return {string_member(varied, "label"), string_member(varied, "provider"), string_member(varied, "param"),
          string_member(varied, "low"),   string_member(varied, "high"),     string_member(varied, "scale")};
}

RobustFigureKey figure_key_of_json(const Json& figure) {
  return {string_member(figure, "key"), string_member(figure, "label"), better_of(figure)};
}

std::optional<RobustWinShares> versus_first_of(const Json& standing) {
  const Json& versus = member(standing, "versus_first");
  if (versus.is_null()) return std::nullopt;
  return within("versus_first", [&] {
    return RobustWinShares{bounded_member(versus, "wins", 0, 1), bounded_member(versus, "ties", 0, 1),
                           bounded_member(versus, "losses", 0, 1)};
  });
}

std::optional<RobustDifference> difference_of(const Json& standing) {
  const Json& difference = member(standing, "difference");
  if (difference.is_null()) return std::nullopt;
  return within("difference", [&] {
    const auto figure = [&](std::string_view key) {
      return bounded_member(difference, key, -kMaxFigureMagnitude, kMaxFigureMagnitude);
    };
    return RobustDifference{figure("p5"), figure("p50"), figure("p95"), figure("mean")};
  });
}

std::optional<std::string> verdict_of(const Json& standing) {
  if (member(standing, "verdict").is_null()) return std::nullopt;
  return string_member(standing, "verdict");
}

std::vector<RobustSensitivity> sensitivity_of(const Json& standing, const std::vector<RobustVaried>& varied) {
  const Json& array = array_member(standing, "sensitivity");
  if (array.size() > varied.size()) {
    throw ReportInputError("sensitivity: " + std::to_string(array.size()) + " items for " +
                           std::to_string(varied.size()) + " varied parameters");
  }
  std::vector<RobustSensitivity> sensitivity = each_item(array, "sensitivity", [&](const Json& item) {
    RobustSensitivity entry{string_member(item, "param"), bounded_member(item, "rank_correlation", -1, 1)};
    const bool known = std::any_of(varied.begin(), varied.end(),
                                   [&](const RobustVaried& v) { return v.label == entry.param; });
    if (!known) throw ReportInputError("param: '" + entry.param + "' is not the label of a varied parameter");
    return entry;
  });
  for (std::size_t i = 0; i < sensitivity.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (sensitivity[j].param == sensitivity[i].param) {
        throw ReportInputError(indexed("sensitivity", i) + ".param: '" + sensitivity[i].param +
                               "' is listed twice");
      }
    }
  }
  return sensitivity;
}

RobustStanding standing_of(const Json& standing, const RobustFigureKey& figure,
                           const std::vector<RobustVaried>& varied) {
  const std::string key = string_member(standing, "key");
  if (key != figure.key) {
    throw ReportInputError("key: expected '" + figure.key +
                           "' (the figure at this place in figures), found '" + key + "'");
  }
  return {bounded_member(standing, "best_share", 0, 1), versus_first_of(standing), difference_of(standing),
          verdict_of(standing), sensitivity_of(standing, varied)};
}

RobustStrategyFile strategy_of(const Json& strategy, const RobustFile& file) {
  RobustStrategyFile out{string_member(strategy, "name"), string_member(strategy, "description"), {}, {}};
  const Json& worlds =
      sized_array_member(strategy, "worlds", static_cast<std::size_t>(file.worlds), "one per world");
  for (std::size_t w = 0; w < worlds.size(); ++w) {
    const std::string where = indexed("worlds", w);
    within(where, [&] { check_sized_array(worlds[w], file.figures.size(), "one per figure"); });
    out.worlds.push_back(each_item(worlds[w], where, figure_or_null_of));
  }
  const Json& figures = sized_array_member(strategy, "figures", file.figures.size(), "one per figure");
  for (std::size_t f = 0; f < figures.size(); ++f) {
    out.figures.push_back(
        within(indexed("figures", f), [&] { return standing_of(figures[f], file.figures[f], file.varied); }));
  }
  return out;
}

RobustFile robust_of(const Json& robust) {
  const std::string format = string_member(robust, "format");
  if (format != kRobustFormat) {
    throw ReportInputError("format: expected \"" + std::string(kRobustFormat) + "\", found \"" + format +
                           "\"");
  }
  const std::int64_t version = integer_member(robust, "version");
  if (version != kRobustJsonVersion) {
    throw ReportInputError("version: expected " + std::to_string(kRobustJsonVersion) + ", found " +
                           std::to_string(version) + " (written by another delivsim version; run it again)");
  }
  RobustFile file;
  file.scenario = string_member(robust, "scenario");
  file.path = string_member(robust, "path");
  file.seed = unsigned_member(robust, "seed");
  file.uncertainty_seed = unsigned_member(robust, "uncertainty_seed");
  file.worlds = integer_member(robust, "worlds");
  if (file.worlds < 1)
    throw ReportInputError("worlds: expected at least 1, found " + std::to_string(file.worlds));
  file.replications = integer_member(robust, "replications");
  if (file.replications < 1) {
    throw ReportInputError("replications: expected at least 1, found " + std::to_string(file.replications));
  }
  file.noise_rank_correlation = bounded_member(robust, "noise_rank_correlation", 0, 2);
  file.varied = each_item(array_member(robust, "varied"), "varied", varied_of);
  const Json& world_values =
      sized_array_member(robust, "world_values", static_cast<std::size_t>(file.worlds), "one per world");
  for (std::size_t w = 0; w < world_values.size(); ++w) {
    const std::string where = indexed("world_values", w);
    within(where,
           [&] { check_sized_array(world_values[w], file.varied.size(), "one per varied parameter"); });
    file.world_values.push_back(each_item(world_values[w], where, number_of));
  }
  file.figures = each_item(array_member(robust, "figures"), "figures", figure_key_of_json);
  const Json& strategies = array_member(robust, "strategies");
  if (strategies.empty()) throw ReportInputError("strategies: empty (expected at least one strategy)");
  file.strategies = each_item(strategies, "strategies", [&](const Json& s) { return strategy_of(s, file); });
  return file;
}

}  // namespace

RobustFile robust_from_json(const Json& robust, const std::filesystem::path& source) {
  try {
    return robust_of(robust);
  } catch (const ReportInputError& e) {
    throw ReportInputError(source.string() + ": not a robust.json: " + e.what());
  }
}

RobustFile read_robust_file(const std::filesystem::path& path) {
  return robust_from_json(read_json_object_file(path), path);
}

}  // namespace delivsim::report

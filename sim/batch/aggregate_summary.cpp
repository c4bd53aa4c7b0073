#include "sim/batch/aggregate_summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>

#include "models/filter_colour.h"
#include "models/tier.h"
#include "sim/output/number_format.h"
#include "sim/output/summary_json.h"
#include "sim/output/timeseries_csv.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

using Json = nlohmann::ordered_json;

/// The same node in each replication's summary; nullptr where a replication lacks it (a reply another
/// replication saw, in deferrals_by_reply: it counts as 0).
using Nodes = std::vector<const Json*>;

/// Summary keys the aggregate writes itself, before the aggregated figures.
constexpr std::array<std::string_view, 3> kHeaderKeys{"schema_version", "scenario", "seed"};

/// Alert levels (Alert::level), each counted per replication as "<level>_hours".
constexpr std::array<std::string_view, 2> kAlertLevels{"unusual", "act"};

constexpr std::array<Tier, 4> kTiersWorstFirst{Tier::Bad, Tier::Low, Tier::Medium, Tier::High};

/// Keys that hold settings, not figures (a provider's thresholds): the same in every replication, copied
/// once.
constexpr std::array<std::string_view, 1> kSettingKeys{"thresholds"};

/// Keys that hold an SNDS-style filter colour name or null (an IP's worst colour): colour_json.
constexpr std::array<std::string_view, 1> kColourKeys{"worst_filter_colour"};

/// A statistic as written: rounded like every summary.json double, null when not finite (a null among the
/// values makes mean, sd and max infinite, and a percentile that falls among them).
Json written(double value) {
  return std::isfinite(value) ? Json(round_significant(value)) : Json(nullptr);
}

/// {"mean", "sd", "p5", "p50", "p95", "min", "max"} of `values`, where +infinity stands for null; then
/// "nulls" when there were any.
Json stats_json(std::span<const double> values) {
  const SampleStats stats = sample_stats(values);
  Json object = {{"mean", written(stats.mean)}, {"sd", written(stats.sd)},   {"p5", written(stats.p5)},
                 {"p50", written(stats.p50)},   {"p95", written(stats.p95)}, {"min", written(stats.min)},
                 {"max", written(stats.max)}};
  const auto nulls = std::count_if(values.begin(), values.end(), [](double v) { return std::isinf(v); });
  if (nulls > 0) object["nulls"] = nulls;
  return object;
}

/// A numeric figure: missing counts as 0, null as +infinity (never happened, e.g. never drained).
Json numeric_json(const Nodes& nodes) {
  std::vector<double> values;
  for (const Json* node : nodes) {
    if (node == nullptr)
      values.push_back(0);
    else if (node->is_null())
      values.push_back(std::numeric_limits<double>::infinity());
    else
      values.push_back(node->get<double>());
  }
  return stats_json(values);
}

/// The tiers of each replication: {"counts": {"BAD": n, ...}, "p50": the lower median tier}. The lower
/// median is always a tier some replication ended in, and the worse of the two when they differ.
Json tier_json(const std::vector<Tier>& tiers) {
  Json counts = Json::object();
  for (Tier tier : kTiersWorstFirst)
    counts[std::string(tier_name(tier))] = std::count(tiers.begin(), tiers.end(), tier);
  std::vector<Tier> sorted = tiers;
  std::sort(sorted.begin(), sorted.end());
  return {{"counts", counts}, {"p50", tier_name(sorted[(sorted.size() - 1) / 2])}};
}

/// Strings: tier names aggregate as tiers; anything else (names, kinds, dates) must agree and is copied.
Json text_json(const Nodes& nodes, const std::string& path) {
  std::vector<Tier> tiers;
  for (const Json* node : nodes) {
    if (node == nullptr || !node->is_string()) throw std::invalid_argument("replications differ at " + path);
    if (const auto tier = parse_tier(node->get<std::string>())) tiers.push_back(*tier);
  }
  if (tiers.size() == nodes.size()) return tier_json(tiers);
  for (const Json* node : nodes) {
    if (*node != *nodes.front()) throw std::invalid_argument("replications differ at " + path);
  }
  return *nodes.front();
}

/// An IP's worst filter colour in each replication: {"counts": {"green": n, "yellow": n, "red": n, "none": n}
/// ("none": null, no day with mail), "worst": the worst any replication saw, or null}.
Json colour_json(const Nodes& nodes, const std::string& path) {
  std::array<std::int64_t, 3> counts{};
  std::int64_t none = 0;
  std::optional<FilterColour> worst;
  for (const Json* node : nodes) {
    if (node == nullptr || node->is_null()) {
      ++none;
      continue;
    }
    const std::optional<FilterColour> colour =
        node->is_string() ? parse_filter_colour(node->get<std::string>()) : std::nullopt;
    if (!colour) throw std::invalid_argument("not a filter colour at " + path);
    ++counts[static_cast<std::size_t>(*colour)];
    worst = std::max(worst.value_or(*colour), *colour);
  }
  Json by_colour = Json::object();
  for (FilterColour colour : {FilterColour::Green, FilterColour::Yellow, FilterColour::Red})
    by_colour[std::string(filter_colour_name(colour))] = counts[static_cast<std::size_t>(colour)];
  by_colour["none"] = none;
  return {{"counts", by_colour}, {"worst", worst ? Json(filter_colour_name(*worst)) : Json(nullptr)}};
}

/// A setting (a provider's thresholds): every replication must have the same; copied once.
Json setting_json(const Nodes& nodes, const std::string& path) {
  for (const Json* node : nodes) {
    if (node == nullptr || *node != *nodes.front())
      throw std::invalid_argument("replications differ at " + path);
  }
  return *nodes.front();
}

/// The child `key` of each node; nullptr where a node lacks it.
Nodes children_of(const Nodes& nodes, const std::string& key) {
  Nodes children;
  for (const Json* node : nodes) {
    const bool has = node != nullptr && node->contains(key);
    children.push_back(has ? &(*node)[key] : nullptr);
  }
  return children;
}

Json aggregate_node(const Nodes& nodes, const std::string& path);

/// Objects: every key any replication has, in order of first appearance; kSettingKeys are copied
/// (setting_json), the others aggregated.
Json object_json(const Nodes& nodes, const std::string& path) {
  Json object = Json::object();
  for (const Json* node : nodes) {
    if (node == nullptr) continue;
    for (const auto& item : node->items()) {
      if (object.contains(item.key())) continue;
      const Nodes children = children_of(nodes, item.key());
      const std::string child_path = path + "." + item.key();
      const bool setting =
          std::find(kSettingKeys.begin(), kSettingKeys.end(), item.key()) != kSettingKeys.end();
      const bool colour = std::find(kColourKeys.begin(), kColourKeys.end(), item.key()) != kColourKeys.end();
      object[item.key()] = setting  ? setting_json(children, child_path)
                           : colour ? colour_json(children, child_path)
                                    : aggregate_node(children, child_path);
    }
  }
  return object;
}

/// Arrays (identities): element by element; every replication has the same elements.
Json array_json(const Nodes& nodes, const std::string& path) {
  const std::size_t size = nodes.front()->size();
  for (const Json* node : nodes) {
    if (node == nullptr || !node->is_array() || node->size() != size) {
      throw std::invalid_argument("replications differ in the length of " + path);
    }
  }
  Json array = Json::array();
  for (std::size_t i = 0; i < size; ++i) {
    Nodes elements;
    for (const Json* node : nodes) elements.push_back(&(*node)[i]);
    array.push_back(aggregate_node(elements, path + "[" + std::to_string(i) + "]"));
  }
  return array;
}

Json aggregate_node(const Nodes& nodes, const std::string& path) {
  const Json* sample = nullptr;
  for (const Json* node : nodes) {
    if (node != nullptr && !node->is_null()) {
      sample = node;
      break;
    }
  }
  if (sample == nullptr || sample->is_number()) return numeric_json(nodes);
  if (sample->is_object()) return object_json(nodes, path);
  if (sample->is_array()) return array_json(nodes, path);
  return text_json(nodes, path);
}

/// Alerts differ from replication to replication: each level's alert hours per replication, as statistics.
Json alerts_json(const std::vector<Json>& summaries) {
  Json object = Json::object();
  for (std::string_view level : kAlertLevels) {
    std::vector<double> hours;
    for (const Json& summary : summaries) {
      const Json& alerts = summary.at("alerts");
      hours.push_back(static_cast<double>(std::count_if(
          alerts.begin(), alerts.end(), [&](const Json& alert) { return alert.at("level") == level; })));
    }
    object[std::string(level) + "_hours"] = stats_json(hours);
  }
  return object;
}

}  // namespace

std::string aggregate_summary_json(const std::vector<RunResult>& replications) {
  if (replications.empty()) throw std::invalid_argument("an aggregate needs at least one replication");
  std::vector<Json> summaries;
  for (const RunResult& result : replications) summaries.push_back(Json::parse(summary_json(result)));

  Json aggregate = Json::object();
  aggregate["schema_version"] = kAggregateSchemaVersion;
  aggregate["kind"] = "replications";
  aggregate["scenario"] = summaries.front().at("scenario");
  aggregate["replications"] = replications.size();
  Json seeds = Json::array();
  for (const RunResult& result : replications) seeds.push_back(result.seed);
  aggregate["seeds"] = seeds;
  for (const auto& item : summaries.front().items()) {
    const std::string& key = item.key();
    if (std::find(kHeaderKeys.begin(), kHeaderKeys.end(), key) != kHeaderKeys.end()) continue;
    if (key == "alerts") {
      aggregate[key] = alerts_json(summaries);
      continue;
    }
    Nodes nodes;
    for (const Json& summary : summaries) nodes.push_back(summary.contains(key) ? &summary[key] : nullptr);
    aggregate[key] = aggregate_node(nodes, key);
  }
  return aggregate.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Timeseries timeseries_bands(const std::vector<RunResult>& replications) {
  if (replications.empty()) throw std::invalid_argument("bands need at least one replication");
  const std::vector<SeriesColumn>& columns = replications.front().timeseries.columns;
  std::size_t row_count = 0;
  for (const RunResult& result : replications) {
    if (result.timeseries.columns.size() != columns.size()) {
      throw std::invalid_argument("replications have different time series columns");
    }
    row_count = std::max(row_count, result.timeseries.rows.size());
  }
  Timeseries bands;
  bands.interval = replications.front().timeseries.interval;
  if (columns.empty()) return bands;  // no time series (not even t_s): no bands

  // A tier column's statistics are numbers, not tiers.
  bands.columns.push_back(columns.front());
  for (std::size_t c = 1; c < columns.size(); ++c) {
    const SeriesColumn::Kind kind =
        columns[c].kind == SeriesColumn::Kind::Tier ? SeriesColumn::Kind::Ratio : columns[c].kind;
    for (const char* suffix : {"_mean", "_p5", "_p95"})
      bands.columns.push_back({columns[c].name + suffix, kind});
  }
  for (std::size_t r = 0; r < row_count; ++r) {
    std::vector<const std::vector<double>*> rows;
    for (const RunResult& result : replications) {
      if (r < result.timeseries.rows.size()) rows.push_back(&result.timeseries.rows[r]);
    }
    std::vector<double> band_row{rows.front()->at(0)};
    std::vector<double> values(rows.size());
    for (std::size_t c = 1; c < columns.size(); ++c) {
      for (std::size_t i = 0; i < rows.size(); ++i) values[i] = rows[i]->at(c);
      const SampleStats stats = sample_stats(values);
      band_row.insert(band_row.end(), {stats.mean, stats.p5, stats.p95});
    }
    bands.rows.push_back(std::move(band_row));
  }
  return bands;
}

std::string timeseries_bands_csv(const std::vector<RunResult>& replications) {
  // The bands are a time series of their own, written by timeseries.csv's writer: counts stay integers when
  // integral.
  const Timeseries bands = timeseries_bands(replications);
  if (bands.columns.empty()) return {};
  std::ostringstream out;
  write_timeseries_csv(bands, out);
  return out.str();
}

}  // namespace delivsim

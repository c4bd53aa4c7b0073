#include "sim/check/expectation_evaluate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "sim/check/figure_value.h"
#include "sim/output/number_format.h"
#include "sim/stats/sample_statistics.h"

namespace delivsim {

namespace {

std::string value_text(const FigureValue& value, FigureType type) {
  if (!value) return "null";
  if (type == FigureType::Tier) return std::string(tier_name(static_cast<Tier>(*value)));
  if (type == FigureType::Count) return std::to_string(std::llround(*value));
  return format_significant(*value);
}

bool passes(const FigureValue& actual, CompareOp op, const FigureValue& expected) {
  if (!expected) return (op == CompareOp::Equal) == !actual;
  return actual && compare_values(*actual, op, *expected);
}

/// Null (never drained) ranks after every number.
bool null_last_less(const FigureValue& a, const FigureValue& b) {
  if (!a || !b) return a && !b;
  return *a < *b;
}

/// Statistic::Each over several replications: the first failure, or the range of values when all pass.
ExpectationOutcome evaluate_each(const Expectation& expectation, std::span<const RunResult> replications) {
  std::vector<FigureValue> values;
  for (std::size_t i = 0; i < replications.size(); ++i) {
    const ExpectationOutcome outcome = evaluate_expectation(expectation, replications[i]);
    if (!outcome.passed) return {outcome.actual + " in replication " + std::to_string(i + 1), false};
    values.push_back(*figure_value(expectation.figure, replications[i]));
  }
  const auto [low, high] = std::minmax_element(values.begin(), values.end(), null_last_less);
  const std::string low_text = value_text(*low, expectation.figure.type);
  const std::string high_text = value_text(*high, expectation.figure.type);
  return {low_text == high_text ? low_text : low_text + " .. " + high_text, true};
}

double statistic_of(Statistic statistic, std::span<const double> values) {
  switch (statistic) {
    case Statistic::Mean:
      return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
    case Statistic::Min:
      return *std::min_element(values.begin(), values.end());
    case Statistic::Max:
      return *std::max_element(values.begin(), values.end());
    case Statistic::P5:
      return percentile(values, 0.05);
    case Statistic::P50:
      return percentile(values, 0.5);
    case Statistic::P95:
    case Statistic::Each:
      break;
  }
  return percentile(values, 0.95);
}

std::string statistic_text(double value, Statistic statistic, FigureType type) {
  if (std::isinf(value)) return "inf";
  const bool order_statistic = statistic == Statistic::Min || statistic == Statistic::Max;
  if (type == FigureType::Tier || (type == FigureType::Count && order_statistic)) {
    return value_text(value, type);
  }
  return format_significant(value);
}

}  // namespace

bool compare_values(double actual, CompareOp op, double expected) {
  switch (op) {
    case CompareOp::Less:
      return actual < expected;
    case CompareOp::LessEqual:
      return actual <= expected;
    case CompareOp::Greater:
      return actual > expected;
    case CompareOp::GreaterEqual:
      return actual >= expected;
    case CompareOp::Equal:
      return actual == expected;
    case CompareOp::NotEqual:
      return actual != expected;
  }
  return false;
}

ExpectationOutcome evaluate_expectation(const Expectation& expectation, const RunResult& result) {
  if (expectation.statistic != Statistic::Each) {
    return evaluate_expectation(expectation, std::span<const RunResult>(&result, 1));
  }
  const std::optional<FigureValue> actual = figure_value(expectation.figure, result);
  if (!actual) return {"missing", false};
  return {value_text(*actual, expectation.figure.type), passes(*actual, expectation.op, expectation.value)};
}

ExpectationOutcome evaluate_expectation(const Expectation& expectation,
                                        std::span<const RunResult> replications) {
  if (expectation.statistic == Statistic::Each) {
    if (replications.size() == 1) return evaluate_expectation(expectation, replications.front());
    return evaluate_each(expectation, replications);
  }
  std::vector<double> values;
  for (std::size_t i = 0; i < replications.size(); ++i) {
    const std::optional<FigureValue> value = figure_value(expectation.figure, replications[i]);
    if (!value) return {"missing in replication " + std::to_string(i + 1), false};
    values.push_back(value->value_or(std::numeric_limits<double>::infinity()));
  }
  const double statistic = statistic_of(expectation.statistic, values);
  return {statistic_text(statistic, expectation.statistic, expectation.figure.type),
          passes(statistic, expectation.op, expectation.value)};
}

}  // namespace delivsim

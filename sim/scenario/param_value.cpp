#include "sim/scenario/param_value.h"

#include <charconv>
#include <stdexcept>
#include <type_traits>

#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/units_parse.h"

namespace delivsim {

namespace {

// `zero_means_none`: ParamInfo's, where 0 turns the mechanism off (numbers take 0 anyway).
void read_param(const Field& field, double& value, bool) {
  value = read_number(field, kNonNegativeRange);
}
void read_param(const Field& field, int& value, bool zero_means_none) {
  value = read_int(field, zero_means_none ? 0 : 1);
}
void read_param(const Field& field, Duration& value, bool zero_means_none) {
  value = read_duration(field, zero_means_none ? DurationBound::NonNegative : DurationBound::Positive);
}
void read_param(const Field& field, DelayDistribution& value, bool) {
  value = read_delay_distribution(field);
}

std::string number_text(double value) {
  char text[400];  // fixed notation: the longest finite double takes 309 digits before the point
  const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed).ptr;
  return std::string(text, end);
}

std::string distribution_text(const DelayDistribution& value) {
  switch (value.kind) {
    case DelayDistribution::Kind::Constant:
      return "{kind: constant, value: " + duration_text(value.value) + "}";
    case DelayDistribution::Kind::Exponential:
      return "{kind: exponential, mean: " + duration_text(value.value) + "}";
    case DelayDistribution::Kind::Lognormal:
      return "{kind: lognormal, median: " + duration_text(value.value) +
             ", sigma: " + number_text(value.sigma) + "}";
  }
  return {};
}

}  // namespace

std::optional<ParamValue> param_value_of(const ReceiverParams& params, std::string_view name) {
  std::optional<ParamValue> found;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (kVaryingParamType<T>) {
      if (info.name == name) found = field;
    }
  });
  return found;
}

void set_param_value(ReceiverParams& params, std::string_view name, const ParamValue& value) {
  bool set = false;
  visit_receiver_params(params, [&](const ParamInfo& info, auto& field) {
    using T = std::decay_t<decltype(field)>;
    if constexpr (kVaryingParamType<T>) {
      if (info.name != name) return;
      if (!std::holds_alternative<T>(value)) {
        throw std::invalid_argument("a value of another type for receiver parameter " + std::string(name));
      }
      field = std::get<T>(value);
      set = true;
    }
  });
  if (!set) throw std::invalid_argument("no varying receiver parameter " + std::string(name));
}

ParamValue read_param_value(const Field& field, const ParamValue& like, bool zero_means_none) {
  ParamValue value = like;
  std::visit([&](auto& typed) { read_param(field, typed, zero_means_none); }, value);
  return value;
}

ParamValue param_value_from_text(std::string_view text, const ParamValue& like, bool zero_means_none,
                                 const std::string& source, const std::string& path) {
  const YamlNode node = parse_yaml(text, PositionMapping{source});
  return read_param_value(Field(node, path), like, zero_means_none);
}

std::pair<ParamValue, ParamValue> documented_range(const ParamInfo& info, const ParamValue& like,
                                                   const std::string& path) {
  static const std::string kSource = "models/receiver_params_visit.h (documented ranges)";
  return {param_value_from_text(info.low, like, info.zero_means_none, kSource, path),
          param_value_from_text(info.high, like, info.zero_means_none, kSource, path)};
}

double param_number(const ParamValue& value) {
  return std::visit(
      [](const auto& typed) -> double {
        using T = std::decay_t<decltype(typed)>;
        if constexpr (std::is_same_v<T, double>) return typed;
        if constexpr (std::is_same_v<T, int>) return typed;
        if constexpr (std::is_same_v<T, Duration>) return static_cast<double>(typed.count()) / 1000.0;
        if constexpr (std::is_same_v<T, DelayDistribution>)
          return static_cast<double>(typed.value.count()) / 1000.0;
      },
      value);
}

std::string param_text(const ParamValue& value) {
  return std::visit(
      [](const auto& typed) -> std::string {
        using T = std::decay_t<decltype(typed)>;
        if constexpr (std::is_same_v<T, double>) return number_text(typed);
        if constexpr (std::is_same_v<T, int>) return std::to_string(typed);
        if constexpr (std::is_same_v<T, Duration>) return duration_text(typed);
        if constexpr (std::is_same_v<T, DelayDistribution>) return distribution_text(typed);
      },
      value);
}

}  // namespace delivsim

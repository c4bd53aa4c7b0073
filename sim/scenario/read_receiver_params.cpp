#include "sim/scenario/scenario_sections.h"

#include "sim/scenario/param_value.h"

namespace delivsim {

namespace {

using Kind = DelayDistribution::Kind;

const std::vector<std::pair<std::string_view, Kind>> kDistributionKinds{
    {"constant", Kind::Constant}, {"exponential", Kind::Exponential}, {"lognormal", Kind::Lognormal}};

RecipientLimits read_recipient_limits(const Field& field, RecipientLimits limits) {
  const MapReader fields(field, {"per_minute", "per_hour", "per_day", "lockout"});
  if (auto value = fields.get("per_minute")) limits.per_minute = read_integer(*value, 1);
  if (auto value = fields.get("per_hour")) limits.per_hour = read_integer(*value, 1);
  if (auto value = fields.get("per_day")) limits.per_day = read_integer(*value, 1);
  if (auto value = fields.get("lockout")) limits.lockout = read_duration(*value, DurationBound::Positive);
  return limits;
}

// The switches and the published per-user limits; every other field type reads as a ParamValue
// (sim/scenario/param_value.h), with the same rules as the uncertainty: ranges.
void read_param(const Field& field, const ParamInfo&, bool& value) {
  value = read_bool(field);
}
void read_param(const Field& field, const ParamInfo&, RecipientLimits& value) {
  value = read_recipient_limits(field, value);
}
template <class T>
void read_param(const Field& field, const ParamInfo& info, T& value) {
  value = std::get<T>(read_param_value(field, value, info.zero_means_none));
}

void check_tier_order(const Field& field, const ReceiverParams& params) {
  if (params.tier_low_min < params.tier_medium_min && params.tier_medium_min < params.tier_high_min) return;
  field.fail("the tier thresholds are out of order", "tier_low_min < tier_medium_min < tier_high_min");
}

}  // namespace

ReceiverParams read_receiver_params(const Field& field, ReceiverParams base) {
  std::vector<std::string_view> names;
  visit_receiver_params(base, [&](const ParamInfo& info, auto&) { names.push_back(info.name); });
  const MapReader params(field, names);
  visit_receiver_params(base, [&](const ParamInfo& info, auto& value) {
    if (auto given = params.get(info.name)) read_param(*given, info, value);
  });
  check_tier_order(field, base);
  return base;
}

DelayDistribution read_delay_distribution(const Field& field) {
  if (field.node().kind == YamlNode::Kind::Scalar) {
    return DelayDistribution{Kind::Constant, read_duration(field, DurationBound::NonNegative), 0.0};
  }
  const std::string expected = "a duration, or {kind: constant|exponential|lognormal, ...}";
  if (field.node().kind != YamlNode::Kind::Map) {
    field.fail("is " + std::string(describe_kind(field.node())), expected);
  }
  const YamlNode* kind_node = field.node().find("kind");
  if (!kind_node) {
    fail_at(field.node().position, field.child_path("kind"), "is missing",
            "constant, exponential or lognormal");
  }
  const Kind kind = read_choice(Field(*kind_node, field.child_path("kind")), kDistributionKinds);
  switch (kind) {
    case Kind::Constant: {
      const MapReader fields(field, {"kind", "value"});
      return {kind, read_duration(fields.need("value", "a duration"), DurationBound::NonNegative), 0.0};
    }
    case Kind::Exponential: {
      const MapReader fields(field, {"kind", "mean"});
      return {kind, read_duration(fields.need("mean", "a duration > 0"), DurationBound::Positive), 0.0};
    }
    case Kind::Lognormal: {
      const MapReader fields(field, {"kind", "median", "sigma"});
      return {kind, read_duration(fields.need("median", "a duration > 0"), DurationBound::Positive),
              read_number(fields.need("sigma", "a number >= 0"), kNonNegativeRange)};
    }
  }
  field.fail("has an unknown kind", expected);
}

}  // namespace delivsim

// `uncertainty:`: which assumed receiver parameters a robust run varies, and over what range.
#include <algorithm>
#include <optional>
#include <type_traits>
#include <variant>

#include "models/provider_profile.h"
#include "models/receiver_params.h"
#include "sim/scenario/batch_sections.h"
#include "sim/scenario/param_value.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

const std::vector<std::pair<std::string_view, bool>> kVaryChoices{{"assumed", false}, {"listed", true}};
const std::vector<std::pair<std::string_view, RangeScale>> kScales{{"linear", RangeScale::Linear},
                                                                   {"log", RangeScale::Log}};

/// What the block needs to know of a receiver parameter.
struct ParamFacts {
  ParamInfo info;
  bool is_switch = false;  ///< a true/false field (quota_enabled, reject_unknown_users, auth_enforced)
};

/// The facts of the parameter named `name` as `profile` has it; fails at `at` (did-you-mean) when there is
/// none.
ParamFacts param_facts(const ProviderProfile& profile, const std::string& name, const SourcePosition& at,
                       const std::string& field_path) {
  std::optional<ParamFacts> found;
  std::vector<std::string_view> names;
  const ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto& value) {
    names.push_back(info.name);
    if (info.name == name)
      found = ParamFacts{profile.param_info(info), std::is_same_v<std::decay_t<decltype(value)>, bool>};
  });
  if (found) return *found;
  fail_at(at, field_path, "unknown parameter " + quote_value(name),
          "a receiver parameter (docs/scenario-format.md, provider parameters)", closest_name(name, names));
}

/// Fails at `high` when the ends are distributions of different kinds or out of order.
void check_range_ends(const ParamValue& low, const ParamValue& high, const Field& high_field) {
  const auto* low_distribution = std::get_if<DelayDistribution>(&low);
  const auto* high_distribution = std::get_if<DelayDistribution>(&high);
  if (low_distribution && high_distribution && low_distribution->kind != high_distribution->kind) {
    high_field.fail("is a distribution of another kind than low", "a distribution of low's kind");
  }
  if (param_number(low) > param_number(high)) high_field.fail("is below low", "a value >= low");
}

/// `ranges.<param>`: `fixed`, or {low, high, scale} with ends of the type `like` holds (the provider's
/// value), read with the rules of `params:` for `info`.
ParamRangeOverride read_range(const NamedField& entry, const ParamValue& like, const ParamInfo& info) {
  ParamRangeOverride range;
  range.param = entry.name;
  const Field& field = entry.value;
  if (field.node().kind == YamlNode::Kind::Scalar && field.node().scalar == "fixed") {
    range.fixed = true;
    return range;
  }
  const std::string expected = "{low: <value>, high: <value>, scale: linear|log}, or fixed";
  if (field.node().kind == YamlNode::Kind::Scalar)
    field.fail(quote_value(field.node().scalar) + " is neither fixed nor a range", expected);
  const MapReader reader(field, {"low", "high", "scale"});
  const Field low = reader.need("low", "a value of " + entry.name);
  const Field high = reader.need("high", "a value of " + entry.name);
  range.low = read_param_value(low, like, info.zero_means_none);
  range.high = read_param_value(high, like, info.zero_means_none);
  check_range_ends(range.low, range.high, high);
  if (auto scale = reader.get("scale")) {
    range.scale = read_choice(*scale, kScales);
    if (range.scale == RangeScale::Log && param_number(range.low) <= 0) {
      low.fail("is not > 0, which a log scale needs", "a value > 0, or scale: linear");
    }
  }
  return range;
}

/// Fails at the range of a parameter that may not vary: published, a switch, or pinned by `params:`; else
/// the parameter's facts as the provider's profile has them.
ParamInfo require_variable(const NamedField& entry, const ProviderSpec& provider) {
  const ParamFacts facts =
      param_facts(*provider.profile, entry.name, entry.name_position, entry.value.path());
  if (facts.info.published) {
    fail_at(entry.name_position, entry.value.path(),
            "is published (" + std::string(facts.info.doc) + "); published figures never vary",
            "an assumed parameter");
  }
  if (facts.is_switch) {
    fail_at(entry.name_position, entry.value.path(), "is an on/off switch; set it in params",
            "an assumed parameter with a value range");
  }
  const auto& written = provider.params_written;
  if (std::find(written.begin(), written.end(), entry.name) != written.end()) {
    fail_at(entry.name_position, entry.value.path(),
            "is pinned at " + quote_value(param_text(*param_value_of(provider.params, entry.name))) +
                " by providers." + provider.name + ".params; remove it there to vary it",
            "a parameter the scenario does not set in params");
  }
  return facts.info;
}

/// The values `param` can take in the worlds of `uncertainty`: its range, its documented range when it
/// varies by default, else its one value.
std::pair<double, double> world_span(const ProviderSpec& provider, const ProviderUncertainty& uncertainty,
                                     std::string_view param) {
  const double value = param_number(*param_value_of(provider.params, param));
  for (const ParamRangeOverride& range : uncertainty.ranges) {
    if (range.param != param) continue;
    if (range.fixed) return {value, value};
    return {param_number(range.low), param_number(range.high)};
  }
  const auto& written = provider.params_written;
  if (uncertainty.listed_only || std::find(written.begin(), written.end(), param) != written.end()) {
    return {value, value};
  }
  std::pair<double, double> span{value, value};
  visit_receiver_params(provider.params, [&](const ParamInfo& gmail_info, const auto& field) {
    if constexpr (std::is_same_v<std::decay_t<decltype(field)>, double>) {
      const ParamInfo info = provider.profile->param_info(gmail_info);
      if (info.name != param || info.low.empty()) return;
      const std::string path = "providers." + provider.name + ".params." + std::string(param);
      const auto [low, high] = documented_range(info, field, path);
      span = {param_number(low), param_number(high)};
    }
  });
  return span;
}

/// Fails at `field` when some world could put the tier thresholds out of order (the receiver needs
/// tier_low_min < tier_medium_min < tier_high_min in every world).
void check_tier_spans(const Field& field, const ProviderSpec& provider,
                      const ProviderUncertainty& uncertainty) {
  const auto low = world_span(provider, uncertainty, "tier_low_min");
  const auto medium = world_span(provider, uncertainty, "tier_medium_min");
  const auto high = world_span(provider, uncertainty, "tier_high_min");
  if (low.second < medium.first && medium.second < high.first) return;
  field.fail("lets the tier thresholds cross in some world (tier_low_min " + param_text(low.first) + " .. " +
                 param_text(low.second) + ", tier_medium_min " + param_text(medium.first) + " .. " +
                 param_text(medium.second) + ", tier_high_min " + param_text(high.first) + " .. " +
                 param_text(high.second) + ")",
             "ranges with every tier_low_min below every tier_medium_min, and every tier_medium_min below "
             "every tier_high_min");
}

/// `uncertainty.providers.<p>`.
ProviderUncertainty read_provider_uncertainty(const NamedField& entry, const Scenario& base) {
  require_declared(entry.name, names_of(base.providers), "provider", entry.name_position, entry.value.path());
  const auto provider = std::find_if(base.providers.begin(), base.providers.end(),
                                     [&](const ProviderSpec& spec) { return spec.name == entry.name; });
  if (!provider->profile->throttles_by_reputation) {
    std::string throttling;
    for (const ProviderProfile& profile : provider_profiles()) {
      if (profile.throttles_by_reputation) throttling += (throttling.empty() ? "" : " or ") + profile.name;
    }
    fail_at(entry.name_position, entry.value.path(),
            quote_value(entry.name) + " has the " + provider->profile->name +
                " profile, whose parameters are not uncertain",
            "a provider with the " + throttling + " profile");
  }
  ProviderUncertainty uncertainty;
  uncertainty.provider = entry.name;
  const MapReader reader(entry.value, {"vary", "ranges"});
  const auto vary = reader.get("vary");
  if (vary) uncertainty.listed_only = read_choice(*vary, kVaryChoices);
  if (auto ranges = reader.get("ranges")) {
    for (const NamedField& range :
         named_entries(*ranges, "a mapping of parameter name to {low, high, scale} or fixed")) {
      const ParamInfo info = require_variable(range, *provider);
      uncertainty.ranges.push_back(read_range(range, *param_value_of(provider->params, range.name), info));
    }
  }
  const bool any_range = std::any_of(uncertainty.ranges.begin(), uncertainty.ranges.end(),
                                     [](const ParamRangeOverride& range) { return !range.fixed; });
  if (uncertainty.listed_only && !any_range) {
    vary->fail("is listed, but ranges gives no parameter a range",
               "ranges with at least one {low, high}, or vary: assumed");
  }
  check_tier_spans(entry.value, *provider, uncertainty);
  return uncertainty;
}

}  // namespace

UncertaintySpec read_uncertainty(const Field& field, const Scenario& base) {
  const MapReader reader(field, {"worlds", "seed", "providers"});
  UncertaintySpec spec;
  if (auto worlds = reader.get("worlds")) spec.worlds = read_int(*worlds, 1, kMaxWorlds);
  if (auto seed = reader.get("seed")) spec.seed = read_uint64(*seed);
  if (auto providers = reader.get("providers")) {
    for (const NamedField& entry : named_entries(*providers, "a mapping of provider name to {vary, ranges}"))
      spec.providers.push_back(read_provider_uncertainty(entry, base));
  }
  return spec;
}

}  // namespace delivsim

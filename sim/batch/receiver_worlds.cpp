#include "sim/batch/receiver_worlds.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <tuple>
#include <type_traits>

#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/kernel/rng_streams.h"

namespace delivsim {

namespace {

/// Log when both ends are > 0 and the high end is at least 4 times the low one; else Linear.
RangeScale default_scale(const ParamValue& low, const ParamValue& high) {
  const double from = param_number(low), to = param_number(high);
  return from > 0 && to >= 4 * from ? RangeScale::Log : RangeScale::Linear;
}

/// The point a share `u` (0..1) of the way from `from` to `to` on `scale`.
double interpolate(double from, double to, double u, RangeScale scale) {
  if (scale == RangeScale::Linear) return from + u * (to - from);
  if (from <= 0 || to <= 0) throw std::invalid_argument("a log-scale range needs ends above 0");
  return std::exp(std::log(from) + u * (std::log(to) - std::log(from)));
}

Duration interpolate(Duration from, Duration to, double u, RangeScale scale) {
  const double ms = interpolate(static_cast<double>(from.count()), static_cast<double>(to.count()), u, scale);
  return Duration(std::max<std::int64_t>(1, std::llround(ms)));
}

/// The value a share `u` of the way through `param`'s range. Whole numbers: each of low..high gets the share
/// of [low - 0.5, high + 0.5] that rounds to it.
ParamValue value_at(const VariedParam& param, double u) {
  return std::visit(
      [&](const auto& low) -> ParamValue {
        using T = std::decay_t<decltype(low)>;
        const T& high = std::get<T>(param.high);
        if constexpr (std::is_same_v<T, double>) {
          return interpolate(low, high, u, param.scale);
        } else if constexpr (std::is_same_v<T, int>) {
          const double point = interpolate(low - 0.5, high + 0.5, u, param.scale);
          return std::clamp(static_cast<int>(std::lround(point)), low, high);
        } else if constexpr (std::is_same_v<T, Duration>) {
          return interpolate(low, high, u, param.scale);
        } else {
          DelayDistribution drawn = low;
          drawn.value = interpolate(low.value, high.value, u, param.scale);
          drawn.sigma = interpolate(low.sigma, high.sigma, u, RangeScale::Linear);
          return drawn;
        }
      },
      param.low);
}

/// The `uncertainty.providers.<name>` entry, or nullptr.
const ProviderUncertainty* provider_uncertainty(const ScenarioBatch& batch, const std::string& name) {
  if (!batch.uncertainty) return nullptr;
  for (const ProviderUncertainty& entry : batch.uncertainty->providers) {
    if (entry.provider == name) return &entry;
  }
  return nullptr;
}

const ParamRangeOverride* range_override(const ProviderUncertainty* entry, std::string_view param) {
  if (entry == nullptr) return nullptr;
  for (const ParamRangeOverride& range : entry->ranges) {
    if (range.param == param) return &range;
  }
  return nullptr;
}

/// A provider's parameters vary when `uncertainty:` names it or when some run of the batch (the base, a
/// strategy, a sweep point) sends it mail: a provider no mail reaches cannot move an outcome.
bool uncertain_in_batch(const ScenarioBatch& batch, const std::string& provider) {
  if (provider_uncertainty(batch, provider) != nullptr) return true;
  const auto reaches = [&](const Scenario& scenario) {
    for (const ProviderSpec& spec : scenario.providers) {
      if (spec.name == provider && scenario.sends_mail_to(spec)) return true;
    }
    return false;
  };
  if (reaches(batch.base)) return true;
  for (const ScenarioVariant& variant : batch.strategies) {
    if (reaches(variant.scenario)) return true;
  }
  for (const ScenarioVariant& point : batch.sweep_points) {
    if (reaches(point.scenario)) return true;
  }
  return false;
}

bool written(const ProviderSpec& provider, std::string_view param) {
  return std::find(provider.params_written.begin(), provider.params_written.end(), param) !=
         provider.params_written.end();
}

/// The varied parameters of one provider, in ReceiverParams order.
void add_varied_params(const ScenarioBatch& batch, const ProviderSpec& provider,
                       std::vector<VariedParam>& varied) {
  const ProviderUncertainty* entry = provider_uncertainty(batch, provider.name);
  visit_receiver_params(provider.params, [&](const ParamInfo& gmail_info, const auto& value) {
    using T = std::decay_t<decltype(value)>;
    if constexpr (kVaryingParamType<T>) {
      const ParamInfo info = provider.profile->param_info(gmail_info);  // flag and range of this provider
      if (info.published) return;
      VariedParam param{provider.name, std::string(info.name), {}, {}, RangeScale::Linear};
      std::optional<RangeScale> scale;
      if (const ParamRangeOverride* range = range_override(entry, info.name)) {
        if (range->fixed) return;
        param.low = range->low;
        param.high = range->high;
        scale = range->scale;
      } else {
        if ((entry != nullptr && entry->listed_only) || info.low.empty() || written(provider, info.name))
          return;
        const std::string path = "providers." + provider.name + ".params." + std::string(info.name);
        std::tie(param.low, param.high) = documented_range(info, value, path);
      }
      param.scale = scale.value_or(default_scale(param.low, param.high));
      varied.push_back(std::move(param));
    }
  });
}

/// N draws of one parameter, one in each of N equal-probability strata in a random order (a column of the
/// Latin hypercube), from the parameter's own stream.
std::vector<double> stratified_shares(std::uint64_t seed, const std::string& label, int worlds) {
  kernel::Engine engine(kernel::RngStreams::derive_seed(seed, "uncertainty:" + label));
  std::vector<int> strata(static_cast<std::size_t>(worlds));
  std::iota(strata.begin(), strata.end(), 0);
  for (int i = worlds - 1; i > 0; --i) {  // Fisher-Yates, with Boost's portable distribution
    boost::random::uniform_int_distribution<int> pick(0, i);
    std::swap(strata[static_cast<std::size_t>(i)], strata[static_cast<std::size_t>(pick(engine))]);
  }
  boost::random::uniform_01<double> inside;
  std::vector<double> shares;
  shares.reserve(strata.size());
  for (int stratum : strata) shares.push_back((stratum + inside(engine)) / worlds);
  return shares;
}

}  // namespace

WorldDesign design_worlds(const ScenarioBatch& batch, int worlds) {
  if (worlds < 1 || worlds > kMaxWorlds) throw std::invalid_argument("a robust run needs 1 to 10000 worlds");
  WorldDesign design;
  design.seed = batch.uncertainty && batch.uncertainty->seed ? *batch.uncertainty->seed : batch.base.seed;
  for (const ProviderSpec& provider : batch.base.providers) {
    if (provider.profile->throttles_by_reputation && uncertain_in_batch(batch, provider.name))
      add_varied_params(batch, provider, design.varied);
  }
  design.values.assign(static_cast<std::size_t>(worlds), {});
  for (const VariedParam& param : design.varied) {
    const std::vector<double> shares = stratified_shares(design.seed, param.label(), worlds);
    for (std::size_t w = 0; w < shares.size(); ++w) design.values[w].push_back(value_at(param, shares[w]));
  }
  return design;
}

Scenario scenario_in_world(const Scenario& scenario, const WorldDesign& design, std::size_t world) {
  Scenario in_world = scenario;
  for (ProviderSpec& provider : in_world.providers) {
    for (std::size_t d = 0; d < design.varied.size(); ++d) {
      const VariedParam& param = design.varied[d];
      if (param.provider != provider.name || written(provider, param.param)) continue;
      set_param_value(provider.params, param.param, design.values.at(world)[d]);
    }
  }
  return in_world;
}

}  // namespace delivsim

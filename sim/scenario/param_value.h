#pragma once
/// @file One receiver parameter's value as a ParamValue: found by name, set by name, and read with the rules
/// of `params:` (in one place, for `params:` itself, `uncertainty:` ranges and the documented ranges of
/// ParamInfo), and written back as scenario text.
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "models/receiver_params.h"
#include "sim/scenario/field_reader.h"
#include "sim/scenario/uncertainty.h"

namespace delivsim {

/// Whether a ReceiverParams field of type T varies (a ParamValue can hold it): numbers, whole numbers,
/// durations and delay distributions; switches and the published per-user limits never do.
template <class T>
inline constexpr bool kVaryingParamType = std::is_same_v<T, double> || std::is_same_v<T, int> ||
                                          std::is_same_v<T, Duration> || std::is_same_v<T, DelayDistribution>;

/// Field `name` of `params` as a ParamValue (its value and type); nullopt when `name` is no field, or a
/// switch or recipient_limits (which never vary).
std::optional<ParamValue> param_value_of(const ReceiverParams& params, std::string_view name);

/// Sets field `name` of `params` to `value`. Throws std::invalid_argument when `name` is no varying field or
/// `value` holds another type than the field's.
void set_param_value(ReceiverParams& params, std::string_view name, const ParamValue& value);

/// Reads the value at `field` as the type `like` holds, with the rules of `params:`: numbers finite and
/// >= 0, whole numbers >= 1, durations > 0 (both >= 0 where `zero_means_none`, ParamInfo's), delay
/// distributions as read_delay_distribution. Throws ScenarioError.
ParamValue read_param_value(const Field& field, const ParamValue& like, bool zero_means_none);

/// Reads scenario text such as "2000", "6h" or "{kind: lognormal, median: 1h, sigma: 1}" as read_param_value
/// would; errors name `source` as the file and `path` as the field. Throws ScenarioError.
ParamValue param_value_from_text(std::string_view text, const ParamValue& like, bool zero_means_none,
                                 const std::string& source, const std::string& path);

/// An assumption's documented plausible range (ParamInfo::low .. high, which must not be empty) read as
/// values of `like`'s type; `path` names the parameter in the (unexpected) error of a range text that does
/// not read.
std::pair<ParamValue, ParamValue> documented_range(const ParamInfo& info, const ParamValue& like,
                                                   const std::string& path);

/// A value as a number, for ordering, rank correlations and robust.csv: the number; a Duration in seconds; a
/// distribution's median (exponential: mean; constant: value) in seconds.
double param_number(const ParamValue& value);

/// The value as a scenario writes it: the shortest fixed-point text that reads back to the same double
/// ("0.25", "1834.2312", "100000"), a whole number, a duration in its units ("1h30m"), or a distribution in
/// flow style
/// ("{kind: lognormal, median: 3h, sigma: 1}").
std::string param_text(const ParamValue& value);

}  // namespace delivsim

#pragma once
/// @file The readers of the scenario's sections, called in this order by read_scenario (later sections
/// refer to names declared by earlier ones). Each reads its keys from the top-level mapping, checks them,
/// and fills its part of the scenario.
#include "models/delay_distribution.h"
#include "models/receiver_params.h"
#include "sim/scenario/field_reader.h"
#include "sim/scenario/scenario.h"

namespace delivsim {

/// `identities` (ips, domains) and `pools`.
void read_identities_and_pools(const MapReader& top, Scenario& scenario);

/// `providers`, or the default gmail + other pair when absent.
void read_providers(const MapReader& top, Scenario& scenario);

/// `traffic`; needs pools, domains, providers and the duration.
void read_traffic(const MapReader& top, Scenario& scenario);

/// `sender` (defaults and destinations); needs the providers.
void read_sender(const MapReader& top, Scenario& scenario);

/// `expect`; needs the providers, traffic and identities the figures name.
void read_expectations(const MapReader& top, Scenario& scenario);

/// A list of per-run expectation strings (an objective's `subject_to:`), each positioned at its string and
/// checked against what `scenario` declares; an expectation over worlds is an error there.
std::vector<Expectation> read_expectation_list(const Field& field, const Scenario& scenario);

/// An `expect:` list (the file's or a strategy's), each string positioned and checked against what
/// `scenario` declares: per-run expectations go to `scenario.expectations`, share_of_worlds(...) and
/// wins(...) to `scenario.world_expectations` (wins() names are checked later, by
/// require_wins_strategies_declared).
void read_expect_list(const Field& field, Scenario& scenario);

/// Fails at the string of the first wins(...) in the `expect:` list `field` (already read by
/// read_expect_list) that names a strategy not in `strategies`, with the closest name as hint.
void require_wins_strategies_declared(const Field& field, const NameIndex& strategies);

/// The names a figure can refer to, indexed once for many figures.
struct FigureNames {
  explicit FigureNames(const Scenario& scenario);
  NameIndex providers;  ///< declared providers
  NameIndex traffic;    ///< declared traffic entries
  NameIndex ips;        ///< declared IP addresses
  NameIndex domains;    ///< declared sending domains
};

/// Fails at `field` when `figure` names a provider, traffic source or identity that is not among `names`.
void require_figure_declared(const Figure& figure, const FigureNames& names, const Field& field);

/// A `params:` mapping: `base` with the keys given replaced (the keys are those visit_receiver_params names).
ReceiverParams read_receiver_params(const Field& field, ReceiverParams base);

/// A delay distribution: {kind: constant, value}, {kind: exponential, mean}, {kind: lognormal, median,
/// sigma}, or a bare duration meaning constant.
DelayDistribution read_delay_distribution(const Field& field);

/// `sender.defaults` or `sender.destinations.<provider>`: `base` with the keys given applied. `pools`: the
/// declared pools a destination's `pool` may name; nullptr for `sender.defaults`, where `pool` is an error.
DestinationPolicy read_destination_policy(const Field& field, DestinationPolicy base, const NameIndex* pools);

/// `patterns:` of a destination: the rules in order.
std::vector<PatternRule> read_pattern_rules(const Field& field);

}  // namespace delivsim

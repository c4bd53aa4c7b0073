// `expect:`: each string is parsed by sim/check's parse_expectation (per run) or parse_world_expectation
// (share_of_worlds, wins); a malformed one, or one naming a provider, traffic source, identity or strategy
// the file does not declare, fails at the string's position.
#include "sim/scenario/expectation.h"
#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/world_expectation.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

FigureNames::FigureNames(const Scenario& scenario)
    : providers(names_of(scenario.providers)), traffic(names_of(scenario.traffic)) {
  for (const IpSpec& ip : scenario.ips) ips.add(ip.address);
  for (const DomainSpec& domain : scenario.domains) domains.add(domain.name);
}

void require_figure_declared(const Figure& figure, const FigureNames& names, const Field& field) {
  switch (figure.scope) {
    case FigureScope::Totals:
      break;
    case FigureScope::Provider:
      require_declared(figure.name, names.providers, "provider", field);
      break;
    case FigureScope::Traffic:
      require_declared(figure.name, names.traffic, "traffic", field);
      break;
    case FigureScope::Identity:
      require_declared(figure.name, figure.identity_kind == IdentityKind::Ip ? names.ips : names.domains,
                       identity_kind_name(figure.identity_kind), field);
      if (!figure.identity_provider.empty()) {
        require_declared(figure.identity_provider, names.providers, "provider", field);
      }
      break;
  }
}

namespace {

constexpr std::string_view kExpectItem = "'<figure> <op> <value>', share_of_worlds(...) or wins(...)";

/// `parse(text)`, an ExpectationSyntaxError turned into a ScenarioError at `item`.
template <class Parse>
auto parse_at(const Field& item, Parse parse) {
  try {
    return parse();
  } catch (const ExpectationSyntaxError& e) {
    const std::vector<std::string_view> allowed(e.allowed_names.begin(), e.allowed_names.end());
    item.fail(e.problem, e.expected, closest_name(e.unknown_name, allowed));
  }
}

/// A per-run expectation written at `item`.
Expectation read_run_expectation(const Field& item, const std::string& text, const FigureNames& names) {
  Expectation expectation = parse_at(item, [&] { return parse_expectation(text); });
  require_figure_declared(expectation.figure, names, item);
  expectation.text = text;
  expectation.line = item.node().position.line;
  expectation.column = item.node().position.column;
  return expectation;
}

/// An expectation over worlds written at `item` (its wins() names are checked once the strategies are read).
WorldExpectation read_world_expectation(const Field& item, const std::string& text,
                                        const FigureNames& names) {
  WorldExpectation expectation = parse_at(item, [&] { return parse_world_expectation(text); });
  if (expectation.kind == WorldExpectation::Kind::ShareOfWorlds) {
    require_figure_declared(expectation.condition.figure, names, item);
  }
  expectation.text = text;
  expectation.line = item.node().position.line;
  expectation.column = item.node().position.column;
  return expectation;
}

}  // namespace

std::vector<Expectation> read_expectation_list(const Field& field, const Scenario& scenario) {
  std::vector<Expectation> expectations;
  const FigureNames names(scenario);
  for (const Field& item : list_items(field, "a list of '<figure> <op> <value>' strings")) {
    const std::string text = read_text(item, "'<figure> <op> <value>'");
    if (is_world_expectation(text)) {
      item.fail(quote_value(text) + " is an expectation over receiver worlds",
                "a per-run condition '<figure> <op> <value>' (share_of_worlds and wins belong in expect:)");
    }
    expectations.push_back(read_run_expectation(item, text, names));
  }
  return expectations;
}

void read_expect_list(const Field& field, Scenario& scenario) {
  const FigureNames names(scenario);
  for (const Field& item : list_items(field, "a list of " + std::string(kExpectItem) + " strings")) {
    const std::string text = read_text(item, kExpectItem);
    if (is_world_expectation(text)) {
      scenario.world_expectations.push_back(read_world_expectation(item, text, names));
    } else {
      scenario.expectations.push_back(read_run_expectation(item, text, names));
    }
  }
}

void require_wins_strategies_declared(const Field& field, const NameIndex& strategies) {
  for (const Field& item : list_items(field, "a list")) {
    const std::string text = read_text(item, kExpectItem);
    if (!is_world_expectation(text)) continue;
    const WorldExpectation expectation = parse_world_expectation(text);
    if (expectation.kind != WorldExpectation::Kind::Wins) continue;
    require_declared(expectation.strategy, strategies, "strategy", item);
    require_declared(expectation.rival, strategies, "strategy", item);
  }
}

void read_expectations(const MapReader& top, Scenario& scenario) {
  if (const auto expect = top.get("expect")) read_expect_list(*expect, scenario);
}

}  // namespace delivsim

// `expect:`: each string is parsed by sim/check's parse_expectation; a malformed one, or one naming a
// provider, traffic source or identity the scenario does not declare, fails at the string's position.
#include "sim/check/expectation.h"
#include "sim/scenario/scenario_sections.h"

namespace delivsim {

namespace {

/// The declared IP addresses, or the domains, that an identity figure of `kind` can name.
std::vector<std::string_view> identity_names(const Scenario& scenario, IdentityKind kind) {
  std::vector<std::string_view> names;
  if (kind == IdentityKind::Ip) {
    for (const IpSpec& ip : scenario.ips) names.push_back(ip.address);
  } else {
    for (const DomainSpec& domain : scenario.domains) names.push_back(domain.name);
  }
  return names;
}

}  // namespace

void require_figure_declared(const Figure& figure, const Scenario& scenario, const Field& field) {
  switch (figure.scope) {
    case FigureScope::Totals:
      break;
    case FigureScope::Provider:
      require_declared(figure.name, names_of(scenario.providers), "provider", field);
      break;
    case FigureScope::Traffic:
      require_declared(figure.name, names_of(scenario.traffic), "traffic", field);
      break;
    case FigureScope::Identity:
      require_declared(figure.name, identity_names(scenario, figure.identity_kind),
                       identity_kind_name(figure.identity_kind), field);
      if (!figure.identity_provider.empty()) {
        require_declared(figure.identity_provider, names_of(scenario.providers), "provider", field);
      }
      break;
  }
}

std::vector<Expectation> read_expectation_list(const Field& field, const Scenario& scenario) {
  std::vector<Expectation> expectations;
  for (const Field& item : list_items(field, "a list of '<figure> <op> <value>' strings")) {
    const std::string text = read_text(item, "'<figure> <op> <value>'");
    Expectation expectation;
    try {
      expectation = parse_expectation(text);
    } catch (const ExpectationSyntaxError& e) {
      const std::vector<std::string_view> allowed(e.allowed_names.begin(), e.allowed_names.end());
      item.fail(e.problem, e.expected, closest_name(e.unknown_name, allowed));
    }
    require_figure_declared(expectation.figure, scenario, item);
    expectation.text = text;
    expectation.line = item.node().position.line;
    expectation.column = item.node().position.column;
    expectations.push_back(std::move(expectation));
  }
  return expectations;
}

void read_expectations(const MapReader& top, Scenario& scenario) {
  if (const auto expect = top.get("expect")) scenario.expectations = read_expectation_list(*expect, scenario);
}

}  // namespace delivsim

// `expect:`: each string is parsed by sim/check's parse_expectation; a malformed one, or one naming a
// provider, traffic source or identity the scenario does not declare, fails at the string's position.
#include "sim/check/expectation.h"
#include "sim/scenario/scenario_sections.h"

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

std::vector<Expectation> read_expectation_list(const Field& field, const Scenario& scenario) {
  std::vector<Expectation> expectations;
  const FigureNames names(scenario);
  for (const Field& item : list_items(field, "a list of '<figure> <op> <value>' strings")) {
    const std::string text = read_text(item, "'<figure> <op> <value>'");
    Expectation expectation;
    try {
      expectation = parse_expectation(text);
    } catch (const ExpectationSyntaxError& e) {
      const std::vector<std::string_view> allowed(e.allowed_names.begin(), e.allowed_names.end());
      item.fail(e.problem, e.expected, closest_name(e.unknown_name, allowed));
    }
    require_figure_declared(expectation.figure, names, item);
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

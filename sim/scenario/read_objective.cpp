// `objective:` of a sweep: a figure to minimise or maximise, and the conditions a point must meet.
#include "sim/scenario/batch_sections.h"
#include "sim/scenario/scenario_sections.h"

namespace delivsim {

Objective read_objective(const Field& field, const Scenario& base) {
  const MapReader reader(field, {"minimize", "maximize", "subject_to", "min_share_of_worlds"});
  const auto minimize = reader.get("minimize");
  const auto maximize = reader.get("maximize");
  if (minimize && maximize)
    maximize->fail("is given together with minimize", "exactly one of minimize and maximize");
  if (!minimize && !maximize) {
    field.fail("has neither minimize nor maximize", "minimize: <figure> or maximize: <figure>");
  }
  Objective objective;
  objective.goal = minimize ? Objective::Goal::Minimize : Objective::Goal::Maximize;
  const Field& figure = minimize ? *minimize : *maximize;
  objective.figure_text = read_text(figure, "a figure path such as providers.gmail.time_to_drain_s");
  try {
    objective.figure = parse_figure_path(objective.figure_text);
  } catch (const ExpectationSyntaxError& error) {
    figure.fail(error.problem, error.expected);
  }
  require_figure_declared(objective.figure, FigureNames(base), figure);
  if (auto subject_to = reader.get("subject_to"))
    objective.constraints = read_expectation_list(*subject_to, base);
  if (auto share = reader.get("min_share_of_worlds"))
    objective.min_share_of_worlds = read_number(*share, kShareRange);
  return objective;
}

}  // namespace delivsim

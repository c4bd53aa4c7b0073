#include "sim/batch/sweep_objective.h"

#include "sim/check/expectation_evaluate.h"
#include "sim/check/figure_value.h"

namespace delivsim {

namespace {

/// An operator as written in expectations, and the one that says it was broken.
struct OpTexts {
  std::string_view written;
  std::string_view broken;
};

OpTexts op_texts(CompareOp op) {
  switch (op) {
    case CompareOp::Less:
      return {"<", ">="};
    case CompareOp::LessEqual:
      return {"<=", ">"};
    case CompareOp::Greater:
      return {">", "<="};
    case CompareOp::GreaterEqual:
      return {">=", "<"};
    case CompareOp::Equal:
      return {"==", "!="};
    case CompareOp::NotEqual:
      break;
  }
  return {"!=", "=="};
}

}  // namespace

ObjectiveOutcome evaluate_objective(const Objective& objective, std::span<const RunResult> replications) {
  ObjectiveOutcome outcome;
  for (std::size_t c = 0; c < objective.constraints.size(); ++c) {
    if (!evaluate_expectation(objective.constraints[c], replications).passed) {
      outcome.failed_constraints.push_back(c);
    }
  }
  double sum = 0;
  for (const RunResult& result : replications) {
    const std::optional<FigureValue> value = figure_value(objective.figure, result);
    if (!value || !*value) return outcome;
    sum += **value;
  }
  outcome.value = sum / static_cast<double>(replications.size());
  return outcome;
}

bool objective_beats(const Objective& objective, double candidate, double incumbent) {
  return objective.goal == Objective::Goal::Minimize ? candidate < incumbent : candidate > incumbent;
}

std::string broken_constraint_text(const Expectation& constraint) {
  const OpTexts texts = op_texts(constraint.op);
  const std::string written = " " + std::string(texts.written) + " ";
  const std::size_t at = constraint.text.rfind(written);
  if (at == std::string::npos) return "not " + constraint.text;
  return constraint.text.substr(0, at) + " " + std::string(texts.broken) + " " +
         constraint.text.substr(at + written.size());
}

}  // namespace delivsim

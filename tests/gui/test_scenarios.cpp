#include "test_scenarios.h"

namespace delivsim::gui::test {

QString shipped_scenario(const QString& name) {
  return QStringLiteral(DELIVSIM_SOURCE_DIR) + "/scenarios/" + name + ".yaml";
}

QString whatif_scenario() {
  return shipped_scenario(QStringLiteral("whatif-100k"));
}

QString long_scenario() {
  return shipped_scenario(QStringLiteral("bench-1m"));
}

}  // namespace delivsim::gui::test

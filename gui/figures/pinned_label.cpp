#include "gui/figures/pinned_label.h"

#include <QStringList>
#include <string>
#include <vector>

namespace delivsim::gui {

namespace {

/// One key whose value differs: its name and both values as shown.
struct Difference {
  std::string key;
  std::string a;
  std::string b;
};

/// A value as the label shows it: a scalar's text, "—" when missing, else how big it is.
std::string shown(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "\u2014";
  if (node.IsScalar()) return node.Scalar();
  if (node.IsSequence()) return "[" + std::to_string(node.size()) + " items]";
  return "{" + std::to_string(node.size()) + " keys}";
}

/// Appends the differences of `a` and `b` under `key`, in A's key order, then B's new keys.
void collect(const YAML::Node& a, const YAML::Node& b, const std::string& key, std::vector<Difference>& out) {
  if (!a.IsDefined() || !b.IsDefined()) {  // a key only one side has (a missing key's node has no type)
    if (a.IsDefined() || b.IsDefined()) out.push_back(Difference{key, shown(a), shown(b)});
    return;
  }
  if (a.IsMap() && b.IsMap()) {
    for (const auto& entry : a) {
      const std::string name = entry.first.Scalar();
      collect(entry.second, b[name], name, out);
    }
    for (const auto& entry : b) {
      const std::string name = entry.first.Scalar();
      if (!a[name].IsDefined()) collect(a[name], entry.second, name, out);
    }
    return;
  }
  if (a.IsSequence() && b.IsSequence() && a.size() == b.size()) {
    for (std::size_t i = 0; i < a.size(); ++i) collect(a[i], b[i], key, out);
    return;
  }
  if (a.IsScalar() && b.IsScalar() && a.Scalar() == b.Scalar()) return;
  if (a.IsNull() && b.IsNull()) return;
  out.push_back(Difference{key, shown(a), shown(b)});
}

}  // namespace

QString pinned_label(const PinnedRun& pinned, const Scenario& current, const YAML::Node& current_tree) {
  const QString label = QStringLiteral("A: ") + pinned.source;
  if (pinned.scenario.name != current.name || pinned.scenario.duration != current.duration) {
    return label + QStringLiteral(" (another scenario)");
  }
  std::vector<Difference> differences;
  const YAML::Node& a = pinned.tree;  // the const operator[] never adds a key
  collect(a, current_tree, std::string(), differences);
  QStringList parts;
  for (std::size_t i = 0; i < differences.size() && i < kLabelDifferences; ++i) {
    const Difference& d = differences[i];
    parts << QString::fromStdString(d.key + " " + d.a + " \u2192 " + d.b);
  }
  if (differences.size() > kLabelDifferences) {
    parts << QStringLiteral("+%1 more").arg(differences.size() - kLabelDifferences);
  }
  return parts.isEmpty() ? label
                         : label + QStringLiteral(" \u00b7 ") + parts.join(QStringLiteral(" \u00b7 "));
}

}  // namespace delivsim::gui

#pragma once
/// @file The CLI's figures for a scenario, for GUI tests that compare the window with `delivsim run`.
#include <QJsonObject>
#include <QString>

namespace delivsim::gui::test {

/// `delivsim run FILE --out DIR --quiet`; the parsed summary.json, or an empty object (with the CLI's
/// output in `error`) when it failed.
QJsonObject cli_summary(const QString& scenario, const QString& out_dir, QString& error);

}  // namespace delivsim::gui::test

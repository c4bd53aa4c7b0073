#pragma once
/// @file The A/B table: every headline figure of the pinned run (A), the current run (B), and B − A.
#include <QTableWidget>

#include "gui/headline.h"

namespace delivsim::gui {

/// Rows: the headline figures; columns: A, B, B − A.
class CompareTable : public QTableWidget {
  Q_OBJECT

 public:
  explicit CompareTable(QWidget* parent = nullptr);

  /// Fills the table with `a` (pinned) and `b` (current).
  void compare(const Headline& a, const Headline& b);
  /// Names A's column `label` (PinnedRun::label: its file and what differs).
  void setPinnedLabel(const QString& label);
};

}  // namespace delivsim::gui

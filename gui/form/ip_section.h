#pragma once
/// @file Form knobs for the sending IPs (identities.ips) and the pools traffic is routed through: which pool
/// the chosen traffic entry uses, each IP's address and age, and one-click splits onto a new IP.
#include <QComboBox>
#include <QPushButton>
#include <QTableWidget>

#include "gui/form/form_section.h"

namespace delivsim::gui {

/// The chosen traffic entry's pool, and the table of IPs with the pools they belong to.
class IpSection : public FormSection {
  Q_OBJECT

 public:
  explicit IpSection(QWidget* parent = nullptr);
  void refresh(const ScenarioDocument& document) override;

 private:
  void showPools();
  void showIps();
  void addRow(std::size_t index, const IpSpec& ip);
  void updateButtons();
  void poolChosen(int index);
  void addressEdited(QTableWidgetItem* item);
  void ageChosen(std::size_t index, int age);
  void establishedEdited(std::size_t index, int per_day);
  void addClicked();
  void removeClicked();
  void ownPoolClicked();
  /// The row of identities.ips selected in the table, or -1.
  int selectedIp() const;
  /// Whether identities.ips[row] exists and is not the last IP of a pool.
  bool removable(int row) const;

  QComboBox* pool_;
  QTableWidget* table_;
  QPushButton* add_;
  QPushButton* remove_;
  QPushButton* own_pool_;
  Scenario scenario_;
};

}  // namespace delivsim::gui

#include "gui/form/ip_section.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "gui/form/form_targets.h"
#include "gui/form/ip_pools.h"
#include "sim/scenario/value_syntax.h"

namespace delivsim::gui {

namespace {

enum Column { kAddress, kAge, kEstablished, kPools };

constexpr int kMaxPerDay = 1'000'000'000;
/// What a new IP switched to warm starts from: a modest history, to be edited.
constexpr int kDefaultWarmPerDay = 10'000;

QString joined(const std::vector<std::string>& items) {
  QStringList list;
  for (const std::string& item : items) list << QString::fromStdString(item);
  return list.join(", ");
}

/// The daily volume a warm IP's spin box shows (whole messages, within its range); 0 for a new IP.
int shown_per_day(const IpSpec& ip) {
  if (ip.age != IdentityAge::Warm) return 0;
  return static_cast<int>(std::clamp<long long>(std::llround(ip.established_per_day), 1, kMaxPerDay));
}

void mark_cell(QTableWidgetItem* item, const QString& problem) {
  const QSignalBlocker blocker(item->tableWidget());
  item->setBackground(problem.isEmpty() ? QBrush() : QBrush(QColor(0xffcdd2)));
  item->setToolTip(problem);
}

/// A new IP as the form adds it (age new, no baseline).
IpSpec new_ip(const std::string& address) {
  IpSpec ip;
  ip.address = address;
  return ip;
}

}  // namespace

IpSection::IpSection(QWidget* parent)
    : FormSection(QStringLiteral("IPs and pools"), parent),
      pool_(new QComboBox(this)),
      table_(new QTableWidget(0, 4, this)),
      add_(new QPushButton(QStringLiteral("Add IP"), this)),
      remove_(new QPushButton(QStringLiteral("Remove IP"), this)),
      own_pool_(new QPushButton(QStringLiteral("Own pool for this traffic"), this)) {
  pool_->setObjectName("traffic-pool");
  pool_->setToolTip(
      QStringLiteral("The pool the chosen traffic entry sends through, round-robin over its IPs"));
  table_->setObjectName("ips");
  table_->setHorizontalHeaderLabels({QStringLiteral("Address"), QStringLiteral("Age"),
                                     QStringLiteral("Established per day"), QStringLiteral("Pools")});
  table_->horizontalHeader()->setSectionResizeMode(kAddress, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(kAge, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(kEstablished, QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(kPools, QHeaderView::Stretch);
  table_->verticalHeader()->hide();
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  // As tall as its rows: a scenario has a handful of IPs, and the form scrolls.
  table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
  table_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
  table_->setToolTip(QStringLiteral(
      "identities.ips. A warm IP comes with a history: the messages a day providers have seen from "
      "it lately (established per day). A new one has none."));
  add_->setObjectName("add-ip");
  add_->setToolTip(QStringLiteral("Adds a new IP to the pool of the chosen traffic entry"));
  remove_->setObjectName("remove-ip");
  remove_->setToolTip(
      QStringLiteral("Removes the selected IP from identities.ips and from every pool "
                     "(not possible for the last IP of a pool)"));
  own_pool_->setObjectName("own-pool");
  own_pool_->setToolTip(
      QStringLiteral("Moves the chosen traffic entry onto a pool of its own holding one new "
                     "IP, so no other traffic shares its IPs"));
  auto* form = new QFormLayout;
  form->addRow(QStringLiteral("Pool"), pool_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add_);
  buttons->addWidget(remove_);
  buttons->addWidget(own_pool_);
  buttons->addStretch(1);
  auto* column = new QVBoxLayout(this);
  column->addLayout(form);
  column->addWidget(table_);
  column->addLayout(buttons);
  connect(pool_, &QComboBox::currentIndexChanged, this, &IpSection::poolChosen);
  connect(table_, &QTableWidget::itemChanged, this, &IpSection::addressEdited);
  connect(table_, &QTableWidget::itemSelectionChanged, this, &IpSection::updateButtons);
  connect(add_, &QPushButton::clicked, this, &IpSection::addClicked);
  connect(remove_, &QPushButton::clicked, this, &IpSection::removeClicked);
  connect(own_pool_, &QPushButton::clicked, this, &IpSection::ownPoolClicked);
}

void IpSection::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  showPools();
  showIps();
  updateButtons();
}

void IpSection::showPools() {
  const QSignalBlocker blocker(pool_);
  pool_->clear();
  for (const PoolSpec& pool : scenario_.pools) {
    const QString name = QString::fromStdString(pool.name);
    pool_->addItem(QStringLiteral("%1 (%2)").arg(name, joined(pool.ips)), name);
  }
  const std::string& chosen = scenario_.traffic[target().traffic_index].pool;
  pool_->setCurrentIndex(pool_->findData(QString::fromStdString(chosen)));
}

void IpSection::showIps() {
  const int selected = selectedIp();
  const QSignalBlocker blocker(table_);
  table_->setRowCount(0);
  for (std::size_t index = 0; index < scenario_.ips.size(); ++index) addRow(index, scenario_.ips[index]);
  if (selected >= 0 && selected < table_->rowCount()) table_->selectRow(selected);
}

void IpSection::addRow(std::size_t index, const IpSpec& ip) {
  const int row = static_cast<int>(index);
  table_->insertRow(row);
  table_->setItem(row, kAddress, new QTableWidgetItem(QString::fromStdString(ip.address)));
  auto* pools = new QTableWidgetItem(joined(pools_listing(scenario_.pools, ip.address)));
  pools->setFlags(pools->flags() & ~Qt::ItemIsEditable);
  pools->setToolTip(pools->text());
  table_->setItem(row, kPools, pools);

  auto* age = new QComboBox(table_);
  age->addItems({QStringLiteral("new"), QStringLiteral("warm")});  // in IdentityAge's order
  age->setCurrentIndex(static_cast<int>(ip.age));
  connect(age, &QComboBox::currentIndexChanged, this,
          [this, index](int chosen) { ageChosen(index, chosen); });
  table_->setCellWidget(row, kAge, age);

  const bool warm = ip.age == IdentityAge::Warm;
  auto* per_day = new QSpinBox(table_);
  per_day->setRange(warm ? 1 : 0, warm ? kMaxPerDay : 0);
  per_day->setSpecialValueText(warm ? QString() : QStringLiteral("none (new)"));
  per_day->setGroupSeparatorShown(true);
  per_day->setKeyboardTracking(false);
  per_day->setEnabled(warm);
  per_day->setValue(shown_per_day(ip));
  connect(per_day, &QSpinBox::valueChanged, this,
          [this, index](int value) { establishedEdited(index, value); });
  table_->setCellWidget(row, kEstablished, per_day);
}

void IpSection::updateButtons() {
  const bool address_free = next_free_address(scenario_.ips).has_value();
  add_->setEnabled(address_free);
  own_pool_->setEnabled(address_free && !sends_alone(scenario_, target().traffic_index));
  remove_->setEnabled(removable(selectedIp()));
}

void IpSection::poolChosen(int index) {
  const std::string name = pool_->itemData(index).toString().toStdString();
  if (index < 0 || name == scenario_.traffic[target().traffic_index].pool) return;
  set(traffic_path(target(), {std::string("pool")}), name);
}

void IpSection::addressEdited(QTableWidgetItem* item) {
  const auto index = static_cast<std::size_t>(item->row());
  if (item->column() != kAddress || index >= scenario_.ips.size()) return;
  const QString text = item->text().trimmed();
  const auto address = canonical_ip_address(text.toStdString());
  const std::string old = scenario_.ips[index].address;
  const auto declared = [&](const IpSpec& ip) { return ip.address == *address; };
  QString problem;
  if (!address) {
    problem = QStringLiteral("'%1' is not an IPv4 or IPv6 address").arg(text);
  } else if (*address != old && std::any_of(scenario_.ips.begin(), scenario_.ips.end(), declared)) {
    problem = QStringLiteral("%1 is already declared").arg(text);
  }
  mark_cell(item, problem);
  if (!problem.isEmpty() || *address == old) return;
  std::vector<IpSpec> ips = scenario_.ips;
  ips[index].address = *address;
  std::vector<PoolSpec> pools = scenario_.pools;
  for (PoolSpec& pool : pools) std::replace(pool.ips.begin(), pool.ips.end(), old, *address);
  emit edited(ip_and_pool_edits(ips, pools));
}

void IpSection::ageChosen(std::size_t index, int age) {
  if (age < 0 || index >= scenario_.ips.size()) return;
  std::vector<IpSpec> ips = scenario_.ips;
  IpSpec& ip = ips[index];
  const auto chosen = static_cast<IdentityAge>(age);
  if (chosen == ip.age) return;
  // The parser wants a history > 0 for a warm IP and none for a new one.
  ip.age = chosen;
  ip.established_per_day = chosen == IdentityAge::Warm ? kDefaultWarmPerDay : 0;
  emit edited(ip_and_pool_edits(ips, scenario_.pools));
}

void IpSection::establishedEdited(std::size_t index, int per_day) {
  if (index >= scenario_.ips.size()) return;
  const IpSpec& ip = scenario_.ips[index];
  if (ip.age != IdentityAge::Warm || per_day < 1 || per_day == shown_per_day(ip)) return;
  set({std::string("identities"), std::string("ips"), index, std::string("established_per_day")},
      std::to_string(per_day));
}

void IpSection::addClicked() {
  const auto address = next_free_address(scenario_.ips);
  if (!address) return;
  std::vector<IpSpec> ips = scenario_.ips;
  ips.push_back(new_ip(*address));
  std::vector<PoolSpec> pools = scenario_.pools;
  const std::string& traffic_pool = scenario_.traffic[target().traffic_index].pool;
  for (PoolSpec& pool : pools) {
    if (pool.name == traffic_pool) pool.ips.push_back(*address);
  }
  emit edited(ip_and_pool_edits(ips, pools));
}

void IpSection::removeClicked() {
  const int row = selectedIp();
  if (!removable(row)) return;
  const std::string address = scenario_.ips[static_cast<std::size_t>(row)].address;
  std::vector<IpSpec> ips = scenario_.ips;
  ips.erase(ips.begin() + row);
  std::vector<PoolSpec> pools = scenario_.pools;
  for (PoolSpec& pool : pools) std::erase(pool.ips, address);
  emit edited(ip_and_pool_edits(ips, pools));
}

void IpSection::ownPoolClicked() {
  const auto address = next_free_address(scenario_.ips);
  if (!address || sends_alone(scenario_, target().traffic_index)) return;
  const std::string name = unique_pool_name(scenario_.pools, scenario_.traffic[target().traffic_index].name);
  std::vector<IpSpec> ips = scenario_.ips;
  ips.push_back(new_ip(*address));
  std::vector<PoolSpec> pools = scenario_.pools;
  pools.push_back({name, {*address}});
  YamlEdits edits = ip_and_pool_edits(ips, pools);
  edits.push_back({traffic_path(target(), {std::string("pool")}), scalar(name)});
  emit edited(edits);
}

int IpSection::selectedIp() const {
  const QModelIndexList rows = table_->selectionModel()->selectedRows();
  return rows.isEmpty() ? -1 : rows.front().row();
}

bool IpSection::removable(int row) const {
  if (row < 0 || row >= static_cast<int>(scenario_.ips.size())) return false;
  const std::vector<std::string> only_this{scenario_.ips[static_cast<std::size_t>(row)].address};
  return std::none_of(scenario_.pools.begin(), scenario_.pools.end(),
                      [&](const PoolSpec& pool) { return pool.ips == only_this; });
}

}  // namespace delivsim::gui

#include "gui/form/traffic_section.h"

#include <QFormLayout>
#include <algorithm>

#include "gui/form/form_targets.h"
#include "gui/form/provider_mix.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

TrafficSection::TrafficSection(QWidget* parent)
    : FormSection(QStringLiteral("Traffic"), parent),
      recipients_(new QSpinBox(this)),
      rate_(new QDoubleSpinBox(this)),
      form_(new QFormLayout(this)),
      mix_form_(new QFormLayout) {
  recipients_->setObjectName("recipients");
  recipients_->setRange(1, 100'000'000);
  recipients_->setGroupSeparatorShown(true);
  recipients_->setSuffix(QStringLiteral(" recipients"));
  rate_->setObjectName("stream-rate");
  rate_->setRange(0.1, 100'000'000);
  rate_->setDecimals(1);
  rate_->setGroupSeparatorShown(true);
  rate_->setSuffix(QStringLiteral(" msg/day"));
  for (QAbstractSpinBox* box : std::initializer_list<QAbstractSpinBox*>{recipients_, rate_}) {
    box->setKeyboardTracking(false);
  }
  form_->addRow(QStringLiteral("Campaign size"), recipients_);
  form_->addRow(QStringLiteral("Stream rate"), rate_);
  form_->addRow(new QLabel(QStringLiteral("Recipients per provider"), this));
  form_->addRow(mix_form_);
  connect(recipients_, &QSpinBox::valueChanged, this, [this](int value) {
    set(traffic_path(target(), {std::string("campaign"), std::string("recipients")}), std::to_string(value));
  });
  connect(rate_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
    set(traffic_path(target(), {std::string("stream"), std::string("rate")}),
        format_significant(value, 10) + "/d");
  });
}

void TrafficSection::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  const TrafficSpec& traffic = scenario_.traffic[target().traffic_index];
  form_->setRowVisible(recipients_, traffic.campaign.has_value());
  form_->setRowVisible(rate_, traffic.stream.has_value());
  if (traffic.campaign)
    show_value(recipients_, static_cast<int>(std::min<std::int64_t>(traffic.campaign->recipients,
                                                                    recipients_->maximum())));
  if (traffic.stream) show_value(rate_, traffic.stream->rate.daily());
  showProviders(scenario_.providers);
  for (const auto& [provider, box] : shares_) {
    show_value(box, provider_share(scenario_, traffic.domain_mix, provider) * 100);
    box->setEnabled(remixed(scenario_, traffic.domain_mix, provider, 0.5).has_value());
  }
}

void TrafficSection::showProviders(const std::vector<ProviderSpec>& providers) {
  const bool same =
      std::equal(shares_.begin(), shares_.end(), providers.begin(), providers.end(),
                 [](const auto& share, const ProviderSpec& p) { return share.first == p.name; });
  if (same) return;
  while (mix_form_->rowCount() > 0) mix_form_->removeRow(0);
  shares_.clear();
  for (const ProviderSpec& provider : providers) {
    auto* box = new QDoubleSpinBox(this);
    box->setObjectName(QString::fromStdString("share-" + provider.name));
    box->setRange(0, 100);
    box->setDecimals(1);
    box->setSuffix(QStringLiteral(" %"));
    box->setKeyboardTracking(false);
    box->setToolTip(QStringLiteral("Share of this entry's recipients at domains %1 hosts; the other "
                                   "providers' domains keep their proportions")
                        .arg(QString::fromStdString(provider.name)));
    connect(box, &QDoubleSpinBox::valueChanged, this,
            [this, name = provider.name](double percent) { shareChanged(name, percent); });
    mix_form_->addRow(QString::fromStdString(provider.name), box);
    shares_.emplace_back(provider.name, box);
  }
}

void TrafficSection::shareChanged(const std::string& provider, double percent) {
  const auto mix =
      remixed(scenario_, scenario_.traffic[target().traffic_index].domain_mix, provider, percent / 100);
  if (!mix) return;
  YAML::Node domains = flow(YAML::NodeType::Map);
  for (const auto& [domain, part] : *mix) domains[domain] = ratio_text(part);
  emit edited({{traffic_path(target(), {std::string("domains")}), domains}});
}

}  // namespace delivsim::gui

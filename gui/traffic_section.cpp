#include "gui/traffic_section.h"

#include <QFormLayout>
#include <cmath>

#include "gui/form_targets.h"
#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

/// A domain to add when a side of the mix has none, and the side it must be on.
constexpr const char* kGmailDomain = "gmail.com";
constexpr const char* kOtherDomain = "example.net";
constexpr int kShareDecimals = 4;

/// `traffic`'s domain mix with the Gmail-hosted shares summing to `share`, the rest to 1 - share, keeping
/// proportions within each side; nullopt when a side that must grow has no domain and no provider of
/// `scenario` hosts the stand-in domain.
std::optional<std::vector<std::pair<std::string, double>>> remixed(const Scenario& scenario,
                                                                   const TrafficSpec& traffic, double share) {
  auto mix = traffic.domain_mix;
  double gmail = 0, other = 0;
  for (const auto& [domain, part] : mix) (gmail_hosted(scenario, domain) ? gmail : other) += part;
  if (gmail == 0 && share > 0) {
    if (!gmail_hosted(scenario, kGmailDomain)) return std::nullopt;
    mix.emplace_back(kGmailDomain, 0.0);
  }
  if (other == 0 && share < 1) {
    if (scenario.provider_for_domain(kOtherDomain) == nullptr || gmail_hosted(scenario, kOtherDomain)) {
      return std::nullopt;
    }
    mix.emplace_back(kOtherDomain, 0.0);
  }
  const double scale = std::pow(10.0, kShareDecimals);
  std::vector<std::pair<std::string, double>> result;
  for (const auto& [domain, part] : mix) {
    const bool is_gmail = gmail_hosted(scenario, domain);
    const double side = is_gmail ? gmail : other;
    const double target = is_gmail ? share : 1 - share;
    const double value = side > 0 ? part * target / side : target;
    const double rounded = std::round(value * scale) / scale;
    if (rounded > 0) result.emplace_back(domain, rounded);
  }
  if (result.empty()) return std::nullopt;
  double others = 0;
  for (std::size_t i = 0; i + 1 < result.size(); ++i) others += result[i].second;
  result.back().second = std::round((1 - others) * scale) / scale;
  if (result.back().second <= 0) return std::nullopt;
  return result;
}

}  // namespace

TrafficSection::TrafficSection(QWidget* parent)
    : FormSection(QStringLiteral("Traffic"), parent),
      source_(new QLabel(this)),
      recipients_(new QSpinBox(this)),
      rate_(new QDoubleSpinBox(this)),
      gmail_share_(new QDoubleSpinBox(this)),
      form_(new QFormLayout(this)) {
  recipients_->setObjectName("recipients");
  recipients_->setRange(1, 100'000'000);
  recipients_->setGroupSeparatorShown(true);
  recipients_->setSuffix(QStringLiteral(" recipients"));
  rate_->setObjectName("stream-rate");
  rate_->setRange(0.1, 100'000'000);
  rate_->setDecimals(1);
  rate_->setGroupSeparatorShown(true);
  rate_->setSuffix(QStringLiteral(" msg/day"));
  gmail_share_->setObjectName("gmail-share");
  gmail_share_->setRange(0, 100);
  gmail_share_->setDecimals(1);
  gmail_share_->setSuffix(QStringLiteral(" %"));
  gmail_share_->setToolTip(
      QStringLiteral("Share of recipients at Gmail-hosted domains; the other domains keep "
                     "their proportions"));
  for (QAbstractSpinBox* box : std::initializer_list<QAbstractSpinBox*>{recipients_, rate_, gmail_share_}) {
    box->setKeyboardTracking(false);
  }
  form_->addRow(source_);
  form_->addRow(QStringLiteral("Campaign size"), recipients_);
  form_->addRow(QStringLiteral("Stream rate"), rate_);
  form_->addRow(QStringLiteral("Gmail share"), gmail_share_);
  connect(recipients_, &QSpinBox::valueChanged, this, [this](int value) {
    set(traffic_path(target(), {std::string("campaign"), std::string("recipients")}), std::to_string(value));
  });
  connect(rate_, &QDoubleSpinBox::valueChanged, this, [this](double value) {
    set(traffic_path(target(), {std::string("stream"), std::string("rate")}),
        format_significant(value, 10) + "/d");
  });
  connect(gmail_share_, &QDoubleSpinBox::valueChanged, this, &TrafficSection::gmailShareChanged);
}

void TrafficSection::refresh(const ScenarioDocument& document) {
  scenario_ = *document.scenario();
  const TrafficSpec& traffic = scenario_.traffic[target().traffic_index];
  source_->setText(QStringLiteral("Traffic entry <b>%1</b> (%2)")
                       .arg(QString::fromStdString(traffic.name).toHtmlEscaped(),
                            traffic.campaign ? QStringLiteral("campaign") : QStringLiteral("stream")));
  form_->setRowVisible(recipients_, traffic.campaign.has_value());
  form_->setRowVisible(rate_, traffic.stream.has_value());
  if (traffic.campaign)
    show_value(recipients_, static_cast<int>(std::min<std::int64_t>(traffic.campaign->recipients,
                                                                    recipients_->maximum())));
  if (traffic.stream) show_value(rate_, traffic.stream->rate.daily());
  double gmail = 0;
  for (const auto& [domain, part] : traffic.domain_mix) {
    if (gmail_hosted(scenario_, domain)) gmail += part;
  }
  show_value(gmail_share_, gmail * 100);
  gmail_share_->setEnabled(remixed(scenario_, traffic, 0.5).has_value());
}

void TrafficSection::gmailShareChanged(double percent) {
  const auto mix = remixed(scenario_, scenario_.traffic[target().traffic_index], percent / 100);
  if (!mix) return;
  YAML::Node domains = flow(YAML::NodeType::Map);
  for (const auto& [domain, part] : *mix) domains[domain] = ratio_text(part);
  emit edited({{traffic_path(target(), {std::string("domains")}), domains}});
}

}  // namespace delivsim::gui

#include "gui/chart_palette.h"

#include <array>
#include <map>

namespace delivsim::gui {

namespace {

// Tableau 10: distinct, colour-blind aware, and readable on white.
constexpr std::array<QRgb, 10> kTableau{0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                        0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
constexpr std::array<QRgb, 8> kProviders{0x4e79a7, 0xf28e2b, 0x76b7b2, 0xb07aa1,
                                         0x9c755f, 0xff9da7, 0x59a14f, 0xedc948};
// No red, green, amber or orange: those mean tiers and limits in the identity charts.
constexpr std::array<QRgb, 8> kIdentities{0x4e79a7, 0xb07aa1, 0x76b7b2, 0x9c755f,
                                          0x2f4b7c, 0xff9da7, 0x7f7f7f, 0xbcbd22};

}  // namespace

QColor provider_color(std::size_t index) {
  return QColor(kProviders[index % kProviders.size()]);
}

QColor identity_color(std::size_t index) {
  return QColor(kIdentities[index % kIdentities.size()]);
}

QColor reply_color(const QString& reply_key) {
  static const std::map<QString, QRgb> kKnown{{"421 4.7.28", 0xf28e2b},
                                              {"421 4.7.0", 0xe15759},
                                              {"450 4.2.1", 0xedc948},
                                              {"421 4.3.0", 0xbab0ac},
                                              {"421 4.7.26", 0x9c755f}};
  const auto known = kKnown.find(reply_key);
  if (known != kKnown.end()) return QColor(known->second);
  return QColor(kTableau[qHash(reply_key) % kTableau.size()]);
}

QColor delivered_color() {
  return QColor(0x59a14f);
}

QColor bounced_color() {
  return QColor(0x6b4c9a);
}

QColor tier_color(Tier tier) {
  switch (tier) {
    case Tier::High:
      return QColor(0x59a14f);
    case Tier::Medium:
      return QColor(0xedc948);
    case Tier::Low:
      return QColor(0xf28e2b);
    case Tier::Bad:
      return QColor(0xe15759);
  }
  return {};
}

QColor good_color() {
  return QColor(0x2e7d32);
}

QColor warning_color() {
  return QColor(0xb26a00);
}

QColor bad_color() {
  return QColor(0xc62828);
}

}  // namespace delivsim::gui

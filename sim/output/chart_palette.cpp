#include "sim/output/chart_palette.h"

#include <array>
#include <cstdio>
#include <map>

#include "sim/kernel/stable_hash.h"

namespace delivsim {

namespace {

// Tableau 10: distinct, colour-blind aware, and readable on white.
constexpr std::array<RgbColor, 10> kTableau{0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                                            0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
constexpr std::array<RgbColor, 8> kProviders{0x4e79a7, 0xf28e2b, 0x76b7b2, 0xb07aa1,
                                             0x9c755f, 0xff9da7, 0x59a14f, 0xedc948};
constexpr std::array<RgbColor, 8> kIdentities{0x4e79a7, 0xb07aa1, 0x76b7b2, 0x9c755f,
                                              0x2f4b7c, 0xff9da7, 0x7f7f7f, 0xbcbd22};

}  // namespace

RgbColor provider_rgb(std::size_t index) {
  return kProviders[index % kProviders.size()];
}

RgbColor identity_rgb(std::size_t index) {
  return kIdentities[index % kIdentities.size()];
}

RgbColor series_rgb(std::size_t index) {
  return kTableau[index % kTableau.size()];
}

RgbColor reply_rgb(std::string_view reply_key) {
  static const std::map<std::string_view, RgbColor> kKnown{{"421 4.7.28", 0xf28e2b},
                                                           {"421 4.7.0", 0xe15759},
                                                           {"450 4.2.1", 0xedc948},
                                                           {"421 4.3.0", 0xbab0ac},
                                                           {"421 4.7.26", 0x9c755f}};
  const auto known = kKnown.find(reply_key);
  if (known != kKnown.end()) return known->second;
  return kTableau[kernel::fnv1a_32(reply_key) % kTableau.size()];
}

RgbColor delivered_rgb() {
  return 0x59a14f;
}

RgbColor bounced_rgb() {
  return 0x6b4c9a;
}

RgbColor tier_rgb(Tier tier) {
  switch (tier) {
    case Tier::High:
      return 0x59a14f;
    case Tier::Medium:
      return 0xedc948;
    case Tier::Low:
      return 0xf28e2b;
    case Tier::Bad:
      return 0xe15759;
  }
  return 0x000000;
}

RgbColor good_rgb() {
  return 0x2e7d32;
}

RgbColor warning_rgb() {
  return 0xb26a00;
}

RgbColor bad_rgb() {
  return 0xc62828;
}

std::string css_hex(RgbColor color) {
  char text[8];
  std::snprintf(text, sizeof text, "#%06x", static_cast<unsigned>(color & 0xffffffu));
  return text;
}

}  // namespace delivsim

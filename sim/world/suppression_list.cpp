#include "sim/world/suppression_list.h"

namespace delivsim {

SuppressionList::SuppressionList(const SuppressionRules& rules, std::uint32_t population)
    : rules_(rules), state_(rules.any() ? population : 0) {}

void SuppressionList::hard_bounced(std::uint32_t recipient) {
  if (rules_.hard_bounces) suppress(recipient);
}

void SuppressionList::complained(std::uint32_t recipient) {
  if (rules_.complainers) suppress(recipient);
}

void SuppressionList::delivered(std::uint32_t recipient, bool engaged) {
  if (rules_.unengaged_after_sends <= 0) return;
  std::uint8_t& state = state_[recipient];
  if (state == kSuppressed) return;  // mail already queued when it was suppressed
  if (engaged) {
    state = 0;
  } else if (++state >= rules_.unengaged_after_sends) {
    suppress(recipient);
  }
}

}  // namespace delivsim

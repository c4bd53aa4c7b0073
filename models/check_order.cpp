#include "models/check_order.h"

#include <algorithm>

#include "models/auth_requirements.h"

namespace delivsim {
namespace {

constexpr std::array<AuthRequirement, 5> kRequirements{AuthRequirement::SpfOrDkim, AuthRequirement::Spf,
                                                       AuthRequirement::Dkim, AuthRequirement::Dmarc,
                                                       AuthRequirement::Alignment};

/// The step of `kind`'s reply, or None when the catalog does not offer it.
SmtpStep offered_step(ReplyKind kind, const ReplyCatalog& catalog) {
  const ReplyInfo& info = catalog.info(kind);
  return info.used ? info.step : SmtpStep::None;
}

ReplyKind reply_of(ReceiverCheck check) {
  switch (check) {
    case ReceiverCheck::Block:
      return ReplyKind::Blocked;
    case ReceiverCheck::Greylist:
      return ReplyKind::Greylisted;
    case ReceiverCheck::TransientFault:
      return ReplyKind::TransientFault;
    case ReceiverCheck::LowReputation:
      return ReplyKind::LowReputation;
    case ReceiverCheck::UnknownUser:
      return ReplyKind::UnknownUser;
    case ReceiverCheck::RecipientRate:
      return ReplyKind::RecipientRateLimited;
    case ReceiverCheck::Quota:
      return ReplyKind::QuotaExceeded;
    case ReceiverCheck::Authentication:
    case ReceiverCheck::kCount:
      break;
  }
  return ReplyKind::kCount;
}

}  // namespace

SmtpStep CheckOrder::step(ReceiverCheck check, const ReplyCatalog& catalog) {
  if (check != ReceiverCheck::Authentication) return offered_step(reply_of(check), catalog);
  SmtpStep earliest = SmtpStep::None;
  for (AuthRequirement requirement : kRequirements) {
    earliest = std::min({earliest, offered_step(deferral_reply(requirement), catalog),
                         offered_step(rejection_reply(requirement), catalog)});
  }
  return earliest;
}

CheckOrder::CheckOrder(const ReplyCatalog& catalog) {
  for (std::size_t i = 0; i < kReceiverCheckCount; ++i) {
    const auto check = static_cast<ReceiverCheck>(i);
    if (step(check, catalog) != SmtpStep::None) checks_[count_++] = check;
  }
  std::stable_sort(
      checks_.begin(), checks_.begin() + static_cast<std::ptrdiff_t>(count_),
      [&catalog](ReceiverCheck a, ReceiverCheck b) { return step(a, catalog) < step(b, catalog); });
}

}  // namespace delivsim

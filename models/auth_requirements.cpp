#include "models/auth_requirements.h"

namespace delivsim {

std::optional<AuthRequirement> first_failed_requirement(const AuthResults& results, bool bulk_sender) {
  if (!results.spf && !results.dkim) return AuthRequirement::SpfOrDkim;
  if (!bulk_sender) return std::nullopt;
  if (!results.spf) return AuthRequirement::Spf;
  if (!results.dkim) return AuthRequirement::Dkim;
  if (!results.dmarc) return AuthRequirement::Dmarc;
  if (!results.aligned) return AuthRequirement::Alignment;
  return std::nullopt;
}

ReplyKind deferral_reply(AuthRequirement requirement) {
  switch (requirement) {
    case AuthRequirement::SpfOrDkim:
      return ReplyKind::Unauthenticated;
    case AuthRequirement::Spf:
      return ReplyKind::SpfRequired;
    case AuthRequirement::Dkim:
      return ReplyKind::DkimRequired;
    case AuthRequirement::Dmarc:
      return ReplyKind::DmarcRequired;
    case AuthRequirement::Alignment:
      return ReplyKind::NotAligned;
  }
  return ReplyKind::Unauthenticated;
}

ReplyKind rejection_reply(AuthRequirement requirement) {
  switch (requirement) {
    case AuthRequirement::SpfOrDkim:
      return ReplyKind::RejectedUnauthenticated;
    case AuthRequirement::Spf:
      return ReplyKind::RejectedSpf;
    case AuthRequirement::Dkim:
      return ReplyKind::RejectedDkim;
    case AuthRequirement::Dmarc:
      return ReplyKind::RejectedDmarc;
    case AuthRequirement::Alignment:
      return ReplyKind::RejectedNotAligned;
  }
  return ReplyKind::RejectedUnauthenticated;
}

bool names_spf_domain(AuthRequirement requirement) {
  return requirement == AuthRequirement::SpfOrDkim || requirement == AuthRequirement::Spf;
}

}  // namespace delivsim

#include "models/auth_requirements.h"

namespace delivsim {

bool provider_enforces(AuthRequirement requirement, const ReplyCatalog& catalog) {
  return catalog.info(deferral_reply(requirement)).used || catalog.info(rejection_reply(requirement)).used;
}

std::optional<AuthRequirement> first_failed_requirement(const AuthResults& results, bool bulk_sender,
                                                        const ReplyCatalog& catalog) {
  const struct {
    AuthRequirement requirement;
    bool bulk_only;
    bool failed;
  } checks[] = {
      {AuthRequirement::SpfOrDkim, false, !results.spf && !results.dkim},
      {AuthRequirement::Spf, true, !results.spf},
      {AuthRequirement::Dkim, true, !results.dkim},
      {AuthRequirement::Dmarc, true, !results.dmarc},
      {AuthRequirement::Alignment, true, !results.aligned},
      {AuthRequirement::Tls, true, !results.tls},
  };
  for (const auto& check : checks) {
    if (check.failed && (bulk_sender || !check.bulk_only) && provider_enforces(check.requirement, catalog))
      return check.requirement;
  }
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
    case AuthRequirement::Tls:
      return ReplyKind::TlsRequired;
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
    case AuthRequirement::Tls:
      return ReplyKind::RejectedTls;
  }
  return ReplyKind::RejectedUnauthenticated;
}

bool names_spf_domain(AuthRequirement requirement) {
  return requirement == AuthRequirement::SpfOrDkim || requirement == AuthRequirement::Spf;
}

}  // namespace delivsim

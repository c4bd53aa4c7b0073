#pragma once
/// @file Google's sender authentication requirements (Gmail sender guidelines and FAQ, domain-facts-wave2
/// 1.1): every sender needs SPF or DKIM; a bulk sender needs SPF, DKIM, a DMARC record, a From: domain
/// aligned with the SPF or DKIM domain, and TLS for its SMTP connections. Each requirement has its own 421
/// reply while enforcement is temporary and its own blocking twin once it rejects.
#include <cstdint>
#include <optional>

#include "models/reply_catalog.h"

namespace delivsim {

/// What the receiver finds when it authenticates one message.
struct AuthResults {
  bool spf = true;      ///< SPF passes for the return-path (SPF) domain
  bool dkim = true;     ///< the DKIM signature verifies
  bool dmarc = true;    ///< the From: domain publishes a DMARC record with a policy
  bool aligned = true;  ///< the From: domain is aligned with the authenticated SPF or DKIM domain
  bool tls = true;      ///< the message came over a TLS connection (STARTTLS)
};

/// One requirement, in the order the receiver checks them (the order is delivsim's choice).
enum class AuthRequirement : std::uint8_t {
  SpfOrDkim,  ///< every sender: 421 4.7.26 / 550 5.7.26
  Spf,        ///< bulk senders: 421 4.7.27 / 550 5.7.27
  Dkim,       ///< bulk senders: 421 4.7.30 / 550 5.7.30
  Dmarc,      ///< bulk senders: 421 4.7.40 / 550 5.7.40
  Alignment,  ///< bulk senders: 421 4.7.32 / "421 5.7.32" (sic, Google's page)
  Tls,        ///< bulk senders: 421 4.7.29 / 550 5.7.29
};

/// True when the provider whose replies are `catalog` has a reply for `requirement` (its deferral or its
/// rejection): Gmail enforces all five, Microsoft only the bulk ones (550 5.7.515).
bool provider_enforces(AuthRequirement requirement, const ReplyCatalog& catalog);
/// The first requirement `results` fails among those that apply to the sender and that the provider
/// enforces, or nullopt.
std::optional<AuthRequirement> first_failed_requirement(const AuthResults& results, bool bulk_sender,
                                                        const ReplyCatalog& catalog);
/// The reply while enforcement is temporary ("rate limited").
ReplyKind deferral_reply(AuthRequirement requirement);
/// The reply once enforcement rejects ("blocked").
ReplyKind rejection_reply(AuthRequirement requirement);
/// True if the replies quote the SPF domain (4.7.26, 4.7.27 and twins); the others concern the From: domain,
/// which delivsim takes to be the DKIM domain.
bool names_spf_domain(AuthRequirement requirement);

}  // namespace delivsim

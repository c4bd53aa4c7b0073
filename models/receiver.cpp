#include "models/receiver.h"

#include <array>
#include <boost/random/uniform_01.hpp>

namespace delivsim {
namespace {

bool chance(double probability, RandomEngine& engine) {
  if (probability <= 0.0) return false;
  if (probability >= 1.0) return true;
  return boost::random::uniform_01<double>()(engine) < probability;
}

double inbox_share(Tier tier, const ReceiverParams& p) {
  switch (tier) {
    case Tier::High:
      return p.inbox_share_high;
    case Tier::Medium:
      return p.inbox_share_medium;
    case Tier::Low:
      return p.inbox_share_low;
    case Tier::Bad:
      return p.inbox_share_bad;
  }
  return p.inbox_share_medium;
}

std::array<std::uint32_t, 3> as_array(const MessageIdentities& ids) {
  return {ids.ip, ids.dkim, ids.spf};
}

}  // namespace

Receiver::Receiver(const ReceiverParams& params, ReplyCatalog catalog,
                   const std::vector<IdentitySetup>& identities, std::size_t recipient_population)
    : params_(params),
      catalog_(std::move(catalog)),
      open_connections_(identities.size(), 0),
      recipients_(params.recipient_limits, recipient_population) {
  identities_.reserve(identities.size());
  for (const IdentitySetup& setup : identities) {
    identities_.emplace_back(params_, setup.warm, setup.established_per_day);
    kinds_.push_back(setup.kind);
  }
}

ReplyKind Receiver::connect(std::uint32_t ip, Duration now) {
  if (open_connections_[ip] >= params_.max_connections_per_ip) {
    identities_[ip].advance(now);
    note_deferral(ip, now);
    return ReplyKind::TooManyConnections;
  }
  ++open_connections_[ip];
  return ReplyKind::Accepted;
}

void Receiver::disconnect(std::uint32_t ip) {
  --open_connections_[ip];
}

double Receiver::combined_score(const MessageIdentities& ids) const {
  const double weights = params_.weight_ip + params_.weight_dkim + params_.weight_spf;
  return (params_.weight_ip * identities_[ids.ip].score() +
          params_.weight_dkim * identities_[ids.dkim].score() +
          params_.weight_spf * identities_[ids.spf].score()) /
         weights;
}

std::uint32_t Receiver::weakest(const MessageIdentities& ids) const {
  std::uint32_t worst = ids.ip;
  for (std::uint32_t id : as_array(ids)) {
    if (identities_[id].score() < identities_[worst].score()) worst = id;
  }
  return worst;
}

void Receiver::note_deferral(std::uint32_t id, Duration now) {
  IdentityReputation& identity = identities_[id];
  identity.record_deferral();
  // Seed 004: a soft 421 that is ignored and hammered hardens into a 5.7.1 block.
  if (identity.tier() == Tier::Bad && identity.deferrals_this_interval() > params_.block_deferrals_per_hour) {
    identity.block_until(now + params_.block_duration);
  }
}

Verdict Receiver::defer(ReplyKind reply, std::uint32_t named, const MessageIdentities& ids, Duration now) {
  for (std::uint32_t id : as_array(ids)) note_deferral(id, now);
  return Verdict{reply, named, false, false, Duration(0)};
}

Verdict Receiver::receive(const InboundMessage& m, Duration now, RandomEngine& engine) {
  const auto ids = as_array(m.ids);
  for (std::uint32_t id : ids) identities_[id].advance(now);

  for (std::uint32_t id : ids) {
    if (identities_[id].blocked_until() > now)
      return Verdict{ReplyKind::Blocked, id, false, false, Duration(0)};
  }
  if (chance(params_.transient_fault_share, engine)) {
    return Verdict{ReplyKind::TransientFault, m.ids.ip, false, false, Duration(0)};
  }
  if (!m.spf_pass && !m.dkim_pass) {
    if (params_.reject_unauthenticated) {
      return Verdict{ReplyKind::RejectedUnauthenticated, m.ids.dkim, false, false, Duration(0)};
    }
    if (chance(params_.unauthenticated_defer_share, engine)) {
      return defer(ReplyKind::Unauthenticated, m.ids.dkim, m.ids, now);
    }
  }
  const Tier combined_tier = tier_for_score(combined_score(m.ids), params_);
  const double low_reputation_share = combined_tier == Tier::Bad   ? params_.bad_tier_defer_share
                                      : combined_tier == Tier::Low ? params_.low_tier_defer_share
                                                                   : 0.0;
  if (chance(low_reputation_share, engine))
    return defer(ReplyKind::LowReputation, weakest(m.ids), m.ids, now);

  if (m.unknown_user && params_.reject_unknown_users) {
    for (std::uint32_t id : ids) identities_[id].record_unknown_user();
    return Verdict{ReplyKind::UnknownUser, m.ids.ip, false, false, Duration(0)};
  }
  if (!recipients_.admit(m.recipient, now)) {
    return Verdict{ReplyKind::RecipientRateLimited, m.ids.ip, false, false, Duration(0)};
  }
  for (std::uint32_t id : ids) {
    if (!identities_[id].has_quota(now)) return defer(ReplyKind::QuotaExceeded, id, m.ids, now);
  }
  for (std::uint32_t id : ids) identities_[id].take_quota(now);

  Verdict verdict{ReplyKind::Accepted, m.ids.ip, false, false, Duration(0)};
  verdict.inbox = chance(inbox_share(combined_tier, params_), engine);
  AcceptedMessage accepted{verdict.inbox, false, false, m.spam_trap, m.spf_pass, m.dkim_pass, m.dmarc};
  if (verdict.inbox) {
    accepted.engaged = chance(m.open_rate, engine);
    verdict.complaint = chance(m.complaint_rate, engine);
    if (verdict.complaint) verdict.complaint_after = sample(params_.complaint_delay, engine);
  } else {
    accepted.engaged = accepted.not_spam = chance(m.not_spam_rate, engine);
  }
  verdict.engaged = accepted.engaged;
  for (std::uint32_t id : ids) identities_[id].record_accepted(accepted);
  return verdict;
}

void Receiver::complaint(const MessageIdentities& ids, Duration now) {
  for (std::uint32_t id : as_array(ids)) {
    identities_[id].advance(now);
    identities_[id].record_complaint();
  }
}

void Receiver::advance(Duration now) {
  for (IdentityReputation& identity : identities_) identity.advance(now);
}

}  // namespace delivsim

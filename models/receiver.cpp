#include "models/receiver.h"

#include <array>

#include "models/reputation_effects.h"

namespace delivsim {
namespace {

bool chance(double probability, RandomEngine& engine) {
  if (probability <= 0.0) return false;
  if (probability >= 1.0) return true;
  return uniform_01(engine) < probability;
}

std::array<std::uint32_t, 3> as_array(const MessageIdentities& ids) {
  return {ids.ip, ids.dkim, ids.spf};
}

}  // namespace

Receiver::Receiver(const ReceiverParams& params, ReplyCatalog catalog,
                   const std::vector<IdentitySetup>& identities)
    : params_(params),
      catalog_(std::move(catalog)),
      open_connections_(identities.size(), 0),
      failing_since_(identities.size(), Duration(-1)),
      listed_until_(identities.size(), Duration(0)),
      recipients_(params.recipient_limits),
      greylist_(GreylistParams{params.greylist_delay, params.greylist_retry_window, params.greylist_max_age,
                               params.greylist_auto_whitelist_after}),
      check_order_(catalog_) {
  identities_.reserve(identities.size());
  for (const IdentitySetup& setup : identities) {
    identities_.emplace_back(params_, setup.warm, setup.established_per_day);
    kinds_.push_back(setup.kind);
    networks_.push_back(setup.network);
    // A warm domain whose established daily volume reaches the threshold was a bulk sender before the run.
    bulk_.emplace_back(setup.warm && setup.established_per_day >= params_.bulk_sender_per_day);
  }
}

bool Receiver::on_block_list(std::uint32_t ip, Duration now) {
  if (!offers(ReplyKind::Blocklisted) || params_.blocklist_trap_hits <= 0) return false;
  IdentityReputation& identity = identities_[ip];
  identity.advance(now);
  // Listed again at the first connection after a listing ends if the hits are still that high.
  if (now >= listed_until_[ip] && identity.decayed_trap_hits() >= params_.blocklist_trap_hits)
    listed_until_[ip] = now + params_.blocklist_duration;
  return now < listed_until_[ip];
}

ReplyKind Receiver::connect(std::uint32_t ip, Duration now) {
  if (on_block_list(ip, now)) return ReplyKind::Blocklisted;
  const bool sender_full =
      params_.max_connections_per_sender > 0 && open_connections_total_ >= params_.max_connections_per_sender;
  if (offers(ReplyKind::TooManyConnections) &&
      (open_connections_[ip] >= params_.max_connections_per_ip || sender_full)) {
    identities_[ip].advance(now);
    note_deferral(ip, now);
    return ReplyKind::TooManyConnections;
  }
  ++open_connections_[ip];
  ++open_connections_total_;
  return ReplyKind::Accepted;
}

void Receiver::disconnect(std::uint32_t ip) {
  --open_connections_[ip];
  --open_connections_total_;
}

MessageLimitTurn Receiver::message_limit_turn(std::uint32_t carried) const {
  const int limit = params_.max_messages_per_connection;
  if (limit <= 0 || !offers(ReplyKind::ConnectionMessageLimit) || carried < static_cast<std::uint32_t>(limit))
    return MessageLimitTurn::Continue;
  return params_.close_silently_at_message_limit ? MessageLimitTurn::Close : MessageLimitTurn::Reply;
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
  // Seed 004: a soft 421 that is ignored and hammered hardens into a 5.7.1 block (at LOW or BAD); a domain
  // only where the provider blocks domains (block_domains).
  const bool blockable = kinds_[id] == IdentityKind::Ip || params_.block_domains;
  if (blockable && offers(ReplyKind::Blocked) && identity.tier() <= Tier::Low &&
      identity.deferrals_this_interval() > params_.block_deferrals_per_hour) {
    identity.block_until(now + params_.block_duration);
  }
}

Verdict Receiver::defer(ReplyKind reply, std::uint32_t named, const MessageIdentities& ids, Duration now) {
  for (std::uint32_t id : as_array(ids)) note_deferral(id, now);
  return Verdict{.reply = reply, .named_identity = named};
}

std::optional<Verdict> Receiver::authenticate(const InboundMessage& m, Duration now, RandomEngine& engine) {
  if (!params_.auth_enforced) return std::nullopt;
  const AuthResults results{m.spf_pass, m.dkim_pass, m.dmarc, m.aligned, m.tls};
  const std::optional<AuthRequirement> failed =
      first_failed_requirement(results, bulk_[m.ids.dkim].bulk(), catalog_);
  if (!failed) return std::nullopt;
  Duration& since = failing_since_[m.ids.dkim];
  if (since.count() < 0) since = now;
  const std::uint32_t named = names_spf_domain(*failed) ? m.ids.spf : m.ids.dkim;
  // Google: temporary failures first, then rejections ("temporary and permanent rejections").
  if (offers(rejection_reply(*failed)) && now - since >= params_.auth_reject_after)
    return Verdict{.reply = rejection_reply(*failed), .named_identity = named};
  if (offers(deferral_reply(*failed)) && chance(params_.auth_defer_share, engine))
    return defer(deferral_reply(*failed), named, m.ids, now);
  return std::nullopt;
}

// Inlined into the loops over the checks (receive, judge_step): a call per check (eight per attempt, each
// saving and restoring registers for the whole switch) cost 3.4% of whatif-100k's instructions.
[[gnu::always_inline]] inline std::optional<Verdict> Receiver::judge(ReceiverCheck check,
                                                                     const InboundMessage& m, double combined,
                                                                     Duration now, RandomEngine& engine) {
  const auto ids = as_array(m.ids);
  switch (check) {
    case ReceiverCheck::Block:
      for (std::uint32_t id : ids) {
        if (identities_[id].blocked_until() > now)
          return Verdict{.reply = ReplyKind::Blocked, .named_identity = id};
      }
      return std::nullopt;
    case ReceiverCheck::Greylist:
      // No reputation signal.
      if (params_.greylist_enabled &&
          !greylist_.admit({networks_[m.ids.ip], m.ids.spf, static_cast<std::uint32_t>(m.recipient)}, now))
        return Verdict{.reply = ReplyKind::Greylisted, .named_identity = m.ids.ip};
      return std::nullopt;
    case ReceiverCheck::TransientFault:
      if (chance(params_.transient_fault_share, engine))
        return Verdict{.reply = ReplyKind::TransientFault, .named_identity = m.ids.ip};
      return std::nullopt;
    case ReceiverCheck::Authentication:
      return authenticate(m, now, engine);
    case ReceiverCheck::LowReputation:
      if (chance(reputation_defer_share(combined, params_), engine))
        return defer(ReplyKind::LowReputation, weakest(m.ids), m.ids, now);
      return std::nullopt;
    case ReceiverCheck::UnknownUser:
      if (!m.unknown_user || !params_.reject_unknown_users) return std::nullopt;
      for (std::uint32_t id : ids) identities_[id].record_unknown_user();
      return Verdict{.reply = ReplyKind::UnknownUser, .named_identity = m.ids.ip};
    case ReceiverCheck::RecipientRate:
      if (!recipients_.admit(m.recipient, now))
        return Verdict{.reply = ReplyKind::RecipientRateLimited, .named_identity = m.ids.ip};
      return std::nullopt;
    case ReceiverCheck::Quota:
      for (std::uint32_t id : ids) {
        if (!identities_[id].has_quota(now)) return defer(ReplyKind::QuotaExceeded, id, m.ids, now);
      }
      return std::nullopt;
    case ReceiverCheck::kCount:
      break;
  }
  return std::nullopt;
}

[[gnu::always_inline]] inline std::optional<Verdict> Receiver::refusal(ReceiverCheck check,
                                                                       const InboundMessage& m,
                                                                       double combined, Duration now,
                                                                       RandomEngine& engine) {
  std::optional<Verdict> refused = judge(check, m, combined, now, engine);
  if (refused && refused->reply != ReplyKind::UnknownUser && catalog_.info(refused->reply).permanent()) {
    for (std::uint32_t id : as_array(m.ids)) identities_[id].record_rejected();
  }
  return refused;
}

Verdict Receiver::receive(const InboundMessage& m, Duration now, RandomEngine& engine) {
  if (message_limit_turn(m.carried) == MessageLimitTurn::Reply)
    return Verdict{.reply = ReplyKind::ConnectionMessageLimit, .named_identity = m.ids.ip};
  for (std::uint32_t id : as_array(m.ids)) identities_[id].advance(now);
  const double combined = combined_score(m.ids);
  // Real SMTP judges in steps: each check runs at the step of its reply in this provider's catalog, so a
  // MAIL FROM refusal pre-empts every RCPT TO judgement and RCPT TO pre-empts end of DATA (check_order.h).
  for (ReceiverCheck check : check_order_) {
    if (std::optional<Verdict> refused = refusal(check, m, combined, now, engine)) return *refused;
  }
  return accept_scored(m, combined, now, engine);
}

std::optional<Verdict> Receiver::judge_step(SmtpStep step, const InboundMessage& m, Duration now,
                                            RandomEngine& engine) {
  for (std::uint32_t id : as_array(m.ids)) identities_[id].advance(now);
  const double combined = combined_score(m.ids);
  for (ReceiverCheck check : check_order_) {
    if (CheckOrder::step(check, catalog_) != step) continue;
    if (std::optional<Verdict> refused = refusal(check, m, combined, now, engine)) return refused;
  }
  return std::nullopt;
}

Verdict Receiver::accept(const InboundMessage& m, Duration now, RandomEngine& engine) {
  return accept_scored(m, combined_score(m.ids), now, engine);
}

Verdict Receiver::accept_scored(const InboundMessage& m, double combined, Duration now,
                                RandomEngine& engine) {
  const auto ids = as_array(m.ids);
  for (std::uint32_t id : ids) identities_[id].take_quota(now);
  bulk_[m.ids.dkim].count(now, params_.bulk_sender_per_day);

  Verdict verdict{.reply = ReplyKind::Accepted, .named_identity = m.ids.ip};
  verdict.inbox = chance(inbox_share(combined, params_), engine);
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

#include "sim/live/live_receiver.h"

#include <array>

#include "sim/kernel/ascii.h"
#include "sim/kernel/stable_hash.h"
#include "sim/output/accounting_csv.h"
#include "sim/output/csv_field.h"
#include "sim/output/utc_time.h"
#include "sim/world/receiver_identities.h"

namespace delivsim {
namespace {

/// Complaints waiting for their delay; beyond this many, a complaint reaches its receiver at once.
constexpr std::size_t kMaxPendingComplaints = 1u << 20;

/// Relaxed DMARC alignment (RFC 7489 3.1.1), approximated without a public-suffix list: equal domains, or
/// one a subdomain of the other.
bool relaxed_aligned(const std::string& from, const std::string& authenticated) {
  auto under = [](const std::string& sub, const std::string& parent) {
    return sub.size() > parent.size() && sub.ends_with(parent) && sub[sub.size() - parent.size() - 1] == '.';
  };
  return from == authenticated || under(from, authenticated) || under(authenticated, from);
}

}  // namespace

class LiveReceiver::Connection final : public ConnectionJudge {
 public:
  Connection(LiveReceiver& live, std::optional<std::uint32_t> ip, std::string client,
             std::optional<std::size_t> listener)
      : live_(live),
        ip_(ip),
        client_(std::move(client)),
        listener_(listener),
        connected_(live.receivers_.size(), false),
        carried_(live.receivers_.size(), 0) {}
  ~Connection() override {
    for (std::size_t p = 0; p < connected_.size(); ++p) {
      if (connected_[p]) live_.receivers_[p]->disconnect(*ip_);
    }
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  SmtpReply greeting() override {
    if (!ip_) {
      ++live_.counters_.unknown_clients;
      return {"554 5.7.1 delivsim: client address " + client_ +
                  " is no sending IP of the scenario (identities.ips[].address or live_source)",
              true};
    }
    if (listener_) {
      if (std::optional<SmtpReply> refused = join(*listener_)) return *refused;
    }
    return {"220 " + (listener_ ? live_.mx_hosts_[*listener_] : std::string("delivsim")) + " ESMTP delivsim",
            false};
  }

  SmtpReply mail(const SmtpPath& path) override {
    const std::optional<std::uint32_t> domain = live_.domain_of(path.domain);
    if (!domain) {
      return {"550 5.1.8 delivsim: sender domain " +
                  (path.domain.empty() ? "<> (null reverse-path)" : path.domain) +
                  " is not in the scenario's identities.domains",
              false};
    }
    orig_ = path.address;
    spf_domain_ = *domain;
    if (listener_) {
      provider_ = listener_;
      if (std::optional<SmtpReply> refused = judge_envelope(*listener_)) return *refused;
    }
    return {"250 2.1.0 OK", false};
  }

  SmtpReply rcpt(const SmtpPath& path) override {
    const ProviderSpec* spec = live_.scenario_.provider_for_domain(path.domain);
    if (!spec) return {"550 5.1.2 delivsim: no provider of the scenario hosts " + path.domain, false};
    const auto provider = static_cast<std::size_t>(spec - live_.scenario_.providers.data());
    if (provider_ && *provider_ != provider) {
      return {"452 4.5.3 delivsim: recipients at " + spec->name + " go in a transaction of their own", false};
    }
    if (envelope_refusal_) return *envelope_refusal_;
    if (!provider_) {  // a listener for every provider: the first recipient picks it
      if (std::optional<SmtpReply> refused = join(provider)) return *refused;
      provider_ = provider;
      if (std::optional<SmtpReply> refused = judge_envelope(provider)) {
        envelope_refusal_ = refused;
        return *refused;
      }
    }
    const Recipient recipient = live_.recipient_of(path.address, spf_domain_);
    const InboundMessage message = live_.inbound(*ip_, spf_domain_, envelope_dkim(), recipient, tls_);
    Receiver& receiver = *live_.receivers_[provider];
    if (std::optional<Verdict> refused =
            receiver.judge_step(SmtpStep::RcptTo, message, live_.now(), live_.engine_))
      return live_.answer(provider, *refused, *ip_, orig_, path.address, 0);
    recipients_.push_back({recipient, path.address});
    return {"250 2.1.5 OK", false};
  }

  SmtpReply end_of_data(const MessageFacts& facts) override {
    const std::size_t provider = *provider_;
    Receiver& receiver = *live_.receivers_[provider];
    LiveProviderCounters& counters = live_.counters_.providers[provider];
    counters.bytes_received += static_cast<std::int64_t>(facts.bytes);
    ++carried_[provider];
    const std::optional<std::uint32_t> signer = live_.domain_of(facts.dkim_domain);
    const DkimSeen dkim{signer.value_or(spf_domain_), signer && live_.scenario_.domains[*signer].dkim};
    const Duration now = live_.now();
    // One reply answers the whole message: the first recipient refused at end of DATA refuses it for all.
    std::optional<Verdict> refused;
    std::vector<InboundMessage> messages;
    for (const auto& [recipient, address] : recipients_) {
      messages.push_back(live_.inbound(*ip_, spf_domain_, dkim, recipient, tls_));
      if (!facts.from_domain.empty()) messages.back().aligned = aligned(facts.from_domain, dkim.domain);
      refused = receiver.judge_step(SmtpStep::EndOfData, messages.back(), now, live_.engine_);
      if (refused) break;
    }
    SmtpReply reply;
    for (std::size_t i = 0; i < recipients_.size(); ++i) {
      if (refused) {
        reply = live_.answer(provider, *refused, *ip_, orig_, recipients_[i].second, facts.bytes);
        continue;
      }
      const Verdict verdict = receiver.accept(messages[i], now, live_.engine_);
      reply = live_.answer(provider, verdict, *ip_, orig_, recipients_[i].second, facts.bytes);
      if (verdict.complaint) live_.complain_later(provider, messages[i].ids, now + verdict.complaint_after);
    }
    return reply;
  }

  void tls_started() override { tls_ = true; }

  void reset() override {
    provider_.reset();
    envelope_refusal_.reset();
    recipients_.clear();
  }

 private:
  /// Before DATA no signature has been seen: MAIL FROM and RCPT TO judge with the envelope domain as the
  /// DKIM identity, signed as the scenario declares it (what an aligned sender signs with).
  DkimSeen envelope_dkim() const { return {spf_domain_, live_.scenario_.domains[spf_domain_].dkim}; }

  bool aligned(const std::string& from_domain, std::uint32_t dkim_domain) const {
    const std::string& dkim = live_.scenario_.domains[dkim_domain].name;
    const std::string& spf = live_.scenario_.domains[spf_domain_].name;
    return relaxed_aligned(from_domain, dkim) || relaxed_aligned(from_domain, spf);
  }

  /// Opens this connection at `provider`'s receiver if it is not yet: nullopt, or the refusal (closing).
  std::optional<SmtpReply> join(std::size_t provider) {
    if (connected_[provider]) return std::nullopt;
    const ReplyKind kind = live_.receivers_[provider]->connect(*ip_, live_.now());
    if (kind == ReplyKind::Accepted) {
      connected_[provider] = true;
      ++live_.counters_.providers[provider].connections;
      return std::nullopt;
    }
    ++live_.counters_.providers[provider].connections_refused;
    SmtpReply refused =
        live_.answer(provider, Verdict{.reply = kind, .named_identity = *ip_}, *ip_, "", "", 0);
    refused.close = true;
    return refused;
  }

  /// The provider's per-connection message limit, then its greeting- and MAIL FROM-step checks of the
  /// transaction: nullopt, or the refusal.
  std::optional<SmtpReply> judge_envelope(std::size_t provider) {
    Receiver& receiver = *live_.receivers_[provider];
    switch (receiver.message_limit_turn(carried_[provider])) {
      case MessageLimitTurn::Continue:
        break;
      case MessageLimitTurn::Reply: {
        SmtpReply limit = live_.answer(
            provider, Verdict{.reply = ReplyKind::ConnectionMessageLimit, .named_identity = *ip_}, *ip_,
            orig_, "", 0);
        limit.close = true;
        return limit;
      }
      case MessageLimitTurn::Close:
        return SmtpReply{"", true};
    }
    const InboundMessage message = live_.inbound(*ip_, spf_domain_, envelope_dkim(), Recipient{}, tls_);
    for (SmtpStep step : {SmtpStep::Greeting, SmtpStep::MailFrom}) {
      if (std::optional<Verdict> refused = receiver.judge_step(step, message, live_.now(), live_.engine_))
        return live_.answer(provider, *refused, *ip_, orig_, "", 0);
    }
    return std::nullopt;
  }

  LiveReceiver& live_;
  std::optional<std::uint32_t> ip_;
  std::string client_;
  std::optional<std::size_t> listener_;
  std::vector<bool> connected_;         ///< per provider: the connection counts at its receiver
  std::vector<std::uint32_t> carried_;  ///< per provider: messages this connection carried to it
  bool tls_ = false;                    ///< the client issued STARTTLS and the handshake succeeded
  // The transaction.
  std::string orig_;
  std::uint32_t spf_domain_ = 0;
  std::optional<std::size_t> provider_;
  std::optional<SmtpReply> envelope_refusal_;  ///< a refusal of the envelope given at the first RCPT TO
  std::vector<std::pair<Recipient, std::string>> recipients_;

  friend class LiveReceiver;
};

LiveReceiver::LiveReceiver(const Scenario& scenario, const LiveClock& clock, std::uint32_t recipient_space)
    : scenario_(scenario),
      clock_(clock),
      recipient_space_(recipient_space),
      traffic_of_domain_(scenario.domains.size(), kNoTraffic),
      engine_(scenario.seed) {
  const std::vector<Receiver::IdentitySetup> setups = receiver_identity_setups(scenario);
  for (const ProviderSpec& provider : scenario.providers) {
    receivers_.push_back(std::make_unique<Receiver>(provider.params, provider.reply_texts->catalog, setups));
    mx_hosts_.push_back(provider.profile->mx_host_of(provider.name));
  }
  counters_.providers.resize(scenario.providers.size());
  for (std::uint32_t i = 0; i < scenario.ips.size(); ++i) ips_by_source_[scenario.ips[i].address] = i;
  // An explicit live_source wins over another IP's own address.
  for (std::uint32_t i = 0; i < scenario.ips.size(); ++i) {
    if (!scenario.ips[i].live_source.empty()) ips_by_source_[scenario.ips[i].live_source] = i;
  }
  for (std::uint32_t d = 0; d < scenario.domains.size(); ++d)
    domains_[kernel::ascii_lower(scenario.domains[d].name)] = d;
  for (std::uint32_t t = 0; t < scenario.traffic.size(); ++t) {
    const TrafficSpec& traffic = scenario.traffic[t];
    profiles_.emplace_back(traffic, scenario.seed ^ kernel::fnv1a_64("live:" + traffic.name));
    for (const std::string* name : {&traffic.spf_domain, &traffic.dkim_domain}) {
      const std::optional<std::uint32_t> d = domain_of(*name);
      if (d && traffic_of_domain_[*d] == kNoTraffic) traffic_of_domain_[*d] = t;
    }
  }
}

void LiveReceiver::write_outputs_to(std::ostream* accounting, std::ostream* timeseries) {
  accounting_ = accounting;
  if (accounting_) *accounting_ << kAccountingHeader << '\n';
  if (timeseries) series_ = std::make_unique<LiveTimeseries>(*this, *timeseries);
}

LiveReceiver::~LiveReceiver() = default;

std::unique_ptr<ConnectionJudge> LiveReceiver::connect(const std::string& client_address,
                                                       std::optional<std::size_t> provider) {
  advance();
  return std::make_unique<Connection>(*this, ip_of(client_address), client_address, provider);
}

void LiveReceiver::advance() {
  const Duration now = clock_.now();
  deliver_due_complaints(now);
  if (series_ && now >= series_->next_row_at()) {
    for (const std::unique_ptr<Receiver>& receiver : receivers_) receiver->advance(now);
    series_->catch_up(now);
  }
}

void LiveReceiver::finish() {
  const Duration now = clock_.now();
  deliver_due_complaints(now);
  if (!series_) return;
  for (const std::unique_ptr<Receiver>& receiver : receivers_) receiver->advance(now);
  series_->finish(now);
}

void LiveReceiver::deliver_due_complaints(Duration now) {
  while (!complaints_.empty() && complaints_.top().due <= now) {
    const PendingComplaint complaint = complaints_.top();
    complaints_.pop();
    receivers_[complaint.provider]->complaint(complaint.ids, complaint.due);
    ++counters_.providers[complaint.provider].complaints;
  }
}

std::optional<std::size_t> LiveReceiver::provider_index(const std::string& name) const {
  for (std::size_t p = 0; p < scenario_.providers.size(); ++p) {
    if (scenario_.providers[p].name == name) return p;
  }
  return std::nullopt;
}

std::optional<std::uint32_t> LiveReceiver::ip_of(const std::string& client_address) const {
  // An IPv4 client on a dual-stack socket reads as ::ffff:a.b.c.d.
  std::string_view address = client_address;
  if (address.starts_with("::ffff:") && address.find('.') != std::string_view::npos) address.remove_prefix(7);
  const auto it = ips_by_source_.find(std::string(address));
  if (it == ips_by_source_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> LiveReceiver::domain_of(const std::string& domain) const {
  const auto it = domains_.find(kernel::ascii_lower(domain));
  if (it == domains_.end()) return std::nullopt;
  return it->second;
}

LiveReceiver::Recipient LiveReceiver::recipient_of(const std::string& address,
                                                   std::uint32_t spf_domain) const {
  Recipient recipient;
  recipient.index = static_cast<std::uint32_t>(kernel::fnv1a_64_folded(address) % recipient_space_);
  recipient.traffic = traffic_of_domain_[spf_domain];
  if (recipient.traffic != kNoTraffic) profiles_[recipient.traffic].fill(recipient.index, recipient.profile);
  return recipient;
}

InboundMessage LiveReceiver::inbound(std::uint32_t ip, std::uint32_t spf_domain, DkimSeen dkim,
                                     const Recipient& recipient, bool tls) const {
  const DomainSpec& signer = scenario_.domains[dkim.domain];
  InboundMessage in;
  in.ids = {ip, dkim_identity_index(scenario_, dkim.domain), spf_identity_index(scenario_, spf_domain)};
  in.recipient = recipient.index;
  in.unknown_user = recipient.profile.unknown_user;
  in.spam_trap = recipient.profile.spam_trap;
  in.spf_pass = scenario_.domains[spf_domain].spf;
  in.dkim_pass = dkim.pass;
  in.dmarc = signer.dmarc;
  in.aligned = signer.aligned;
  in.tls = tls;
  // A spam trap is no person: it opens nothing, marks nothing and never complains (as in a run).
  if (recipient.traffic != kNoTraffic && !in.spam_trap) {
    const EngagementSegment& segment =
        scenario_.traffic[recipient.traffic].list.segments[recipient.profile.segment];
    in.open_rate = segment.open_rate;
    in.not_spam_rate = segment.not_spam_rate;
    in.complaint_rate = segment.complaint_rate;
  }
  return in;
}

const std::string& LiveReceiver::identity_name(std::uint32_t identity) const {
  const std::size_t n_ips = scenario_.ips.size(), n_domains = scenario_.domains.size();
  if (identity < n_ips) return scenario_.ips[identity].address;
  return scenario_.domains[(identity - n_ips) % n_domains].name;
}

SmtpReply LiveReceiver::answer(std::size_t provider, const Verdict& verdict, std::uint32_t ip,
                               const std::string& orig, const std::string& rcpt, std::uint64_t bytes) {
  const Receiver& receiver = *receivers_[provider];
  const ReplyCatalog& catalog = receiver.catalog();
  const ReplyInfo& info = catalog.info(verdict.reply);
  const IdentityKind kind = receiver.identity_kind(verdict.named_identity);
  const std::string& named = identity_name(verdict.named_identity);
  const std::string& sending_ip = scenario_.ips[ip].address;
  LiveProviderCounters& counters = counters_.providers[provider];
  ++counters.attempts;
  char type = 'd';
  if (info.transient()) {
    type = 't';
    ++counters.deferrals;
    ++counters.deferrals_by_reply[info.key];
  } else if (info.permanent()) {
    type = 'b';
    ++counters.bounces;
    ++counters.bounces_by_reply[info.key];
  } else {
    ++counters.delivered;
    if (verdict.inbox) ++counters.delivered_inbox;
  }
  account(type, provider, verdict.reply, info, catalog.one_line(verdict.reply, kind, named, sending_ip), ip,
          orig, rcpt, bytes);
  return {catalog.wire_text(verdict.reply, kind, named, sending_ip), info.closes_connection};
}

void LiveReceiver::account(char type, std::size_t provider, ReplyKind reply, const ReplyInfo& info,
                           const std::string& one_line, std::uint32_t ip, const std::string& orig,
                           const std::string& rcpt, std::uint64_t bytes) {
  if (!accounting_) return;
  const std::string logged =
      format_utc_timestamp_ms(parse_utc_timestamp(scenario_.start_date) + clock_.now());
  const std::string& address = scenario_.ips[ip].address;
  const std::string domain = rcpt.substr(rcpt.rfind('@') + 1);
  // What the receiver saw, in PowerMTA's accounting layout (accounting_csv.h): timeQueued is the sender's
  // and unknown here, so it is empty.
  write_csv_line(*accounting_, {std::string(1, type),
                                logged,
                                "",
                                orig,
                                rcpt,
                                rcpt.empty() ? "" : "rfc822;" + rcpt,
                                std::string(dsn_action(type)),
                                info.enhanced,
                                "smtp;" + one_line,
                                mx_hosts_[provider],
                                type == 'b' ? std::string(bounce_category(reply)) : "",
                                "smtp",
                                "delivsim-serve",
                                "smtp",
                                address,
                                "",
                                "",
                                std::to_string(bytes),
                                "",
                                "",
                                "",
                                rcpt.empty() ? "" : domain + "/" + address,
                                ""});
}

void LiveReceiver::complain_later(std::size_t provider, const MessageIdentities& ids, Duration due) {
  if (complaints_.size() >= kMaxPendingComplaints) {
    receivers_[provider]->complaint(ids, clock_.now());
    ++counters_.providers[provider].complaints;
    return;
  }
  complaints_.push({due, static_cast<std::uint16_t>(provider), ids});
}

}  // namespace delivsim

#include "sim/world/world.h"

#include <algorithm>
#include <boost/random/uniform_int_distribution.hpp>
#include <string>

#include "models/smtp_step_cost.h"
#include "sim/world/receiver_identities.h"

namespace delivsim {
namespace {

/// Index of the provider hosting `domain`; the parser guarantees every traffic domain is routed.
std::uint16_t index_of_provider_for(const Scenario& scenario, const std::string& domain) {
  return static_cast<std::uint16_t>(scenario.provider_for_domain(domain) - scenario.providers.data());
}

template <class Spec>
std::uint32_t index_by_name(const std::vector<Spec>& specs, const std::string& name) {
  const auto it = std::find_if(specs.begin(), specs.end(), [&](const Spec& s) { return s.name == name; });
  return static_cast<std::uint32_t>(it - specs.begin());
}

/// The index in scenario.ips of the IP with `address` (declared: the reader checked).
std::uint16_t ip_index(const Scenario& scenario, const std::string& address) {
  const auto ip = std::find_if(scenario.ips.begin(), scenario.ips.end(),
                               [&](const IpSpec& s) { return s.address == address; });
  return static_cast<std::uint16_t>(ip - scenario.ips.begin());
}

/// The indices in scenario.ips of the IPs of the pool called `name`, in the pool's order.
std::vector<std::uint16_t> pool_ip_indices(const Scenario& scenario, const std::string& name) {
  std::vector<std::uint16_t> ips;
  for (const std::string& address : scenario.pools[index_by_name(scenario.pools, name)].ips)
    ips.push_back(ip_index(scenario, address));
  return ips;
}

/// Index of `name` in `seen` (names in first-seen order), appended when it is new.
std::uint32_t first_seen_index(std::vector<std::string>& seen, const std::string& name) {
  auto it = std::find(seen.begin(), seen.end(), name);
  if (it == seen.end()) it = seen.insert(seen.end(), name);
  return static_cast<std::uint32_t>(it - seen.begin());
}

}  // namespace

World::World(const Scenario& scenario, const RunOptions& options)
    : scenario_(scenario),
      options_(options),
      accounting_(options.accounting.value_or(scenario.accounting)),
      end_(scenario.duration),
      rng_(options.seed.value_or(scenario.seed)) {
  std::vector<std::string> domains;  // recipient domains, in first-seen order
  for (std::size_t t = 0; t < scenario.traffic.size(); ++t) {
    const TrafficSpec& traffic = scenario.traffic[t];
    sources_.emplace_back(
        traffic, end_, rng_.stream<RandomEngine>("traffic:" + traffic.name),
        kernel::RngStreams::derive_seed(rng_.scenario_seed(), "recipients:" + traffic.name));
    suppressions_.emplace_back(traffic.list.suppress, sources_.back().population());
    arrival_engines_.push_back(rng_.stream<RandomEngine>("arrivals:" + traffic.name));
    std::vector<std::uint16_t> mix;
    for (const auto& [domain, share] : traffic.domain_mix)
      mix.push_back(static_cast<std::uint16_t>(first_seen_index(domains, domain)));
    traffic_domain_.push_back(std::move(mix));
    pool_ips_.push_back(pool_ip_indices(scenario, traffic.pool));
    traffic_dkim_.push_back(index_by_name(scenario.domains, traffic.dkim_domain));
    traffic_spf_.push_back(index_by_name(scenario.domains, traffic.spf_domain));
  }
  for (const std::string& domain : domains)
    domain_provider_.push_back(index_of_provider_for(scenario, domain));
  traffic_ip_cursor_.assign(scenario.traffic.size(), 0);
  for (const ProviderSpec& provider : scenario.providers) {
    const std::string& pool = scenario.policy_for(provider.name).pool;
    routed_ips_.push_back(pool.empty() ? std::vector<std::uint16_t>{} : pool_ip_indices(scenario, pool));
  }
  routed_ip_cursor_.assign(scenario.providers.size(), 0);
  cold_ip_.assign(scenario.ips.size(), kNoColdIp);
  for (const auto& [warm, cold] : scenario.cold_ips)
    cold_ip_[ip_index(scenario, warm)] = static_cast<std::int32_t>(ip_index(scenario, cold));
  injections_pending_.assign(scenario.traffic.size(), true);

  std::uint32_t recipients_before = 0;
  for (const TrafficSource& source : sources_) {
    traffic_recipient_offset_.push_back(recipients_before);
    recipients_before += source.population();
  }
  build_identities();
  build_queues();

  RunResult& result = recorder_->result();
  for (const TrafficSpec& traffic : scenario.traffic) {
    result.traffic_names.push_back(traffic.name);
    result.traffic_orig.push_back("bounce@" + traffic.spf_domain);
    result.traffic_message_size.push_back(traffic.message_size_bytes);
    result.traffic_pool.push_back(traffic.pool);
  }
  for (const ProviderSpec& provider : scenario.providers) {
    result.provider_pool.push_back(scenario.policy_for(provider.name).pool);
  }
  for (const IpSpec& ip : scenario.ips) result.ip_addresses.push_back(ip.address);
  result.recipient_domains = domains;
  for (const ProviderSpec& provider : scenario.providers) {
    result.provider_mx.push_back(provider.profile->mx_host_of(provider.name));
  }
}

void World::build_identities() {
  const std::size_t n_ips = scenario_.ips.size(), n_domains = scenario_.domains.size();
  const std::vector<Receiver::IdentitySetup> setups = receiver_identity_setups(scenario_);

  // Report the identities that carry traffic, for every provider that receives some.
  std::vector<bool> provider_used(scenario_.providers.size(), false), ip_used(n_ips, false),
      dkim_used(n_domains, false), spf_used(n_domains, false);
  for (std::size_t t = 0; t < scenario_.traffic.size(); ++t) {
    for (std::uint16_t domain : traffic_domain_[t]) {
      const std::uint16_t provider = domain_provider_[domain];
      provider_used[provider] = true;
      const std::vector<std::uint16_t>& routed = routed_ips_[provider];
      const bool cold_routing = scenario_.policy_for(scenario_.providers[provider].name).cold_msg_per_day > 0;
      for (std::uint16_t ip : routed.empty() ? pool_ips_[t] : routed) {
        ip_used[ip] = true;
        if (cold_routing && cold_ip_[ip] != kNoColdIp) ip_used[static_cast<std::size_t>(cold_ip_[ip])] = true;
      }
    }
    dkim_used[traffic_dkim_[t]] = spf_used[traffic_spf_[t]] = true;
  }
  std::vector<ReportedIdentity> reported;
  for (std::size_t p = 0; p < scenario_.providers.size(); ++p) {
    const ProviderSpec& provider = scenario_.providers[p];
    receivers_.push_back(std::make_unique<Receiver>(provider.params, provider.reply_texts->catalog, setups));
    if (!provider_used[p]) continue;
    const auto p16 = static_cast<std::uint16_t>(p);
    for (std::size_t i = 0; i < n_ips; ++i) {
      if (ip_used[i]) reported.push_back({p16, static_cast<std::uint32_t>(i), scenario_.ips[i].address});
    }
    for (std::size_t d = 0; d < n_domains; ++d) {
      if (dkim_used[d]) reported.push_back({p16, dkim_identity(d), scenario_.domains[d].name});
    }
    for (std::size_t d = 0; d < n_domains; ++d) {
      if (spf_used[d]) reported.push_back({p16, spf_identity(d), scenario_.domains[d].name});
    }
  }
  recorder_ = std::make_unique<Recorder>(scenario_, receivers_, std::move(reported));
}

void World::build_queues() {
  const std::size_t n_providers = scenario_.providers.size();
  for (const ProviderSpec& provider : scenario_.providers) {
    const DestinationPolicy& policy = scenario_.policy_for(provider.name);
    policies_.push_back(&policy);
    matchers_.emplace_back(policy.patterns);
  }
  reply_lookups_.resize(n_providers);
  for (const std::unique_ptr<Receiver>& receiver : receivers_) {
    smtp_times_.emplace_back(receiver->params());
    std::array<bool, kReplyKindCount>& quotes = reply_quotes_ip_.emplace_back();
    for (std::size_t kind = 0; kind < kReplyKindCount; ++kind)
      quotes[kind] = receiver->catalog().info(static_cast<ReplyKind>(kind)).quotes_sending_ip();
  }
  for (std::size_t ip = 0; ip < scenario_.ips.size(); ++ip) {
    for (std::size_t p = 0; p < n_providers; ++p) {
      const std::string name = "queue:" + scenario_.ips[ip].address + ":" + scenario_.providers[p].name;
      queues_.emplace_back(*policies_[p], scenario_.ips[ip].age == IdentityAge::New,
                           rng_.stream<RandomEngine>(name));
      receiver_engines_.push_back(rng_.stream<RandomEngine>("receiver:" + scenario_.ips[ip].address + ":" +
                                                            scenario_.providers[p].name));
      queue_info_.push_back(QueueInfo{static_cast<std::uint16_t>(ip), static_cast<std::uint16_t>(p)});
    }
  }
}

// --- Identity table: IPs, then DKIM domains, then SPF domains ----------------------------------------------

std::uint32_t World::dkim_identity(std::size_t domain) const {
  return dkim_identity_index(scenario_, domain);
}

std::uint32_t World::spf_identity(std::size_t domain) const {
  return spf_identity_index(scenario_, domain);
}

const std::string& World::identity_name(std::uint32_t identity) const {
  const std::size_t n_ips = scenario_.ips.size();
  return identity < n_ips ? scenario_.ips[identity].address
                          : scenario_.domains[(identity - n_ips) % scenario_.domains.size()].name;
}

// --- Injection -------------------------------------------------------------------------------------------

void World::schedule_injection(std::uint32_t traffic, Duration tick) {
  sim_.schedule_at(tick, [this, traffic, tick] { inject_tick(traffic, tick); });
}

void World::inject_tick(std::uint32_t traffic, Duration tick) {
  TrafficSource& source = sources_[traffic];
  source.draw_tick(tick, drawn_);
  const std::vector<std::uint16_t>& ips = pool_ips_[traffic];
  const std::size_t n_providers = scenario_.providers.size();
  // A stream's messages arrive one by one: given the tick's Poisson count, the arrival times of a Poisson
  // process are independent and uniform over the tick. A campaign's messages are due at the tick's start, a
  // replay's at the log's times.
  const bool stream = scenario_.traffic[traffic].stream.has_value();
  boost::random::uniform_int_distribution<std::int64_t> offset_ms(0, kInjectionTick.count() - 1);
  {
    const kernel::Simulator::ScheduleBatch arrivals(sim_);  // spread over the tick
    for (const DrawnRecipient& r : drawn_) {
      const Duration arrival =
          r.arrival ? *r.arrival : (stream ? tick + Duration(offset_ms(arrival_engines_[traffic])) : tick);
      if (arrival >= end_) continue;  // the stream ends with the scenario
      if (suppressions_[traffic].suppressed(r.recipient)) {
        recorder_->suppressed(traffic);  // not sent, so not injected
        continue;
      }
      const std::uint16_t domain = traffic_domain_[traffic][r.profile.domain];
      const std::uint16_t provider = domain_provider_[domain];
      // A provider routed to a pool of its own (DestinationPolicy::pool) takes its IPs round-robin over all
      // traffic; any other takes the traffic's pool round-robin.
      const std::vector<std::uint16_t>& routed = routed_ips_[provider];
      const std::uint16_t chosen = routed.empty() ? ips[traffic_ip_cursor_[traffic]++ % ips.size()]
                                                  : routed[routed_ip_cursor_[provider]++ % routed.size()];
      const std::uint16_t ip = cold_or_warm_ip(chosen, provider, domain, arrival);
      const auto queue = static_cast<std::uint32_t>(ip * n_providers + provider);
      // Built in one expression: set field by field on the stack, its copy into the table had to wait for
      // the narrow stores to land (about 1% of whatif-100k's run).
      const std::uint32_t id = messages_.add(Message{.injected = arrival,
                                                     .recipient = r.recipient,
                                                     .queue = queue,
                                                     .traffic = static_cast<std::uint16_t>(traffic),
                                                     .domain = domain,
                                                     .segment = r.profile.segment,
                                                     .unknown_user = r.profile.unknown_user,
                                                     .spam_trap = r.profile.spam_trap});
      if (arrival > tick) {
        sim_.schedule_at(arrival, [this, id] { arrive(id); });
        continue;
      }
      recorder_->injected(provider, traffic, tick);
      queues_[queue].push_ready(id, tick);
    }
  }
  // Pump every queue that has mail (each at most once per tick).
  for (std::uint32_t q = 0; q < queues_.size(); ++q) {
    if (queues_[q].has_ready()) pump(q);
  }
  if (const std::optional<Duration> next = source.next_tick(tick)) {
    schedule_injection(traffic, *next);
  } else {
    injections_pending_[traffic] = false;
  }
}

std::uint16_t World::cold_or_warm_ip(std::uint16_t ip, std::uint16_t provider, std::uint16_t domain,
                                     Duration arrival) {
  const std::int64_t per_day = policies_[provider]->cold_msg_per_day;
  if (cold_ip_[ip] == kNoColdIp || per_day == 0) return ip;
  ColdCount& count = cold_counts_[(std::uint64_t{ip} << 32) | domain];
  const std::int64_t day = arrival / kDay;
  if (count.day != day) count = ColdCount{day, 0};
  if (count.sent >= per_day) return ip;
  ++count.sent;
  return static_cast<std::uint16_t>(cold_ip_[ip]);
}

void World::arrive(std::uint32_t message) {
  const Message& m = messages_[message];
  recorder_->injected(queue_info_[m.queue].provider, m.traffic, m.injected);
  queues_[m.queue].push_ready(message, m.injected);
  pump(m.queue);
}

// --- Queues ----------------------------------------------------------------------------------------------

template <class Handler>
void World::arm_earliest(std::uint32_t queue, EarliestEvent QueueInfo::*event, Duration at, Handler handler) {
  EarliestEvent& pending = queue_info_[queue].*event;
  if (pending.at.count() >= 0) {
    if (pending.at <= at) return;
    sim_.cancel(pending.handle);
  }
  pending.at = at;
  pending.handle = sim_.schedule_at(at, [this, queue, event, handler] {
    (queue_info_[queue].*event).at = Duration(-1);
    handler(*this, queue);
  });
}

void World::wake_queue_at(std::uint32_t queue, Duration at) {
  arm_earliest(queue, &QueueInfo::wake, at, [](World& world, std::uint32_t q) { world.pump(q); });
}

void World::arm_expiry(std::uint32_t queue) {
  if (!queues_[queue].has_ready()) return;
  arm_earliest(queue, &QueueInfo::expiry, queues_[queue].next_expiry(sim_.now()),
               [](World& world, std::uint32_t q) {
                 world.expire_ready(q);
                 world.arm_expiry(q);
               });
}

// Inlined: asked at every pump, connection and send, and almost always nothing has expired.
[[gnu::always_inline]] inline void World::expire_ready(std::uint32_t queue) {
  MtaQueue& q = queues_[queue];
  while (q.oldest_expired(sim_.now())) expire(queue, q.pop_ready());
}

void World::pump(std::uint32_t queue) {
  MtaQueue& q = queues_[queue];
  expire_ready(queue);
  const Duration now = sim_.now();
  // Wake idle connections, then open new ones, while some ready message has no free connection to take it
  // (docs/model.md 4.2).
  while (q.needs_idle_connection()) wake_idle_connection(queue);
  while (q.needs_connection()) {
    std::optional<Duration> wake_at;
    if (!q.may_open_connection(now, wake_at)) {
      if (wake_at) wake_queue_at(queue, *wake_at);
      break;
    }
    open_connection(queue);
  }
  arm_expiry(queue);
}

// --- Connections -----------------------------------------------------------------------------------------

void World::open_connection(std::uint32_t queue) {
  std::uint32_t id;
  if (free_connections_.empty()) {
    id = static_cast<std::uint32_t>(connections_.size());
    connections_.emplace_back();
  } else {
    id = free_connections_.back();
    free_connections_.pop_back();
  }
  connections_[id] = Connection{queue, 0, false};
  queues_[queue].connection_opened();
  const std::uint16_t provider = queue_info_[queue].provider;
  const Duration setup = smtp_times_[provider].connect(receiver_engines_[queue]);
  sim_.schedule_in(setup, [this, id] { on_connected(id); });
}

void World::on_connected(std::uint32_t connection) {
  Connection& c = connections_[connection];
  const QueueInfo& info = queue_info_[c.queue];
  Receiver& receiver = *receivers_[info.provider];
  const ReplyKind greeting = receiver.connect(info.ip, sim_.now());
  if (greeting == ReplyKind::Accepted) {
    c.counted_by_receiver = true;
    send_next(connection);
    return;
  }
  // A refusal at the greeting (421 4.7.0 too many connections, Yahoo's 553 [BL21] block list), a
  // connection-level failure: the message this connection would have carried takes the reply (deferred if
  // transient, bounced if permanent, as PowerMTA does with a 5xx banner) and the queue holds new connections
  // for its retry interval (docs/model.md 4.3).
  MtaQueue& q = queues_[c.queue];
  expire_ready(c.queue);
  if (q.has_ready()) {
    const std::uint32_t message = q.pop_ready();
    Message& m = messages_[message];
    if (m.first_attempt.count() < 0) m.first_attempt = sim_.now();
    // The reply answers the greeting, so settle's record_reply holds the queue (MtaQueue::record_reply).
    settle(c.queue, message, Verdict{.reply = greeting, .named_identity = info.ip});
  }
  close_connection(connection);
}

void World::send_next(std::uint32_t connection) {
  Connection& c = connections_[connection];
  MtaQueue& q = queues_[c.queue];
  const Duration now = sim_.now();
  expire_ready(c.queue);
  std::optional<Duration> wake_at;
  if (!q.connection_may_send(c.sent, now, wake_at)) {
    if (q.connection_may_idle(c.sent)) return idle(connection);
    close_connection(connection);
    if (wake_at) wake_queue_at(c.queue, *wake_at);
    return;
  }
  const std::uint16_t provider = queue_info_[c.queue].provider;
  Receiver& receiver = *receivers_[provider];
  if (receiver.message_limit_turn(c.sent) == MessageLimitTurn::Close) {
    // The receiver hangs up at its per-connection limit with no reply: no attempt, the message stays ready
    // and the pump reconnects at once (Yahoo allows it, domain-facts-wave2 1.3).
    close_connection(connection);
    return;
  }
  const Duration wait = q.take_send_slot(now);
  if (wait.count() > 0) {
    sim_.schedule_in(wait, [this, connection] { send_next(connection); });
    return;
  }
  const std::uint32_t message = q.start_transaction(now);
  // The queue's next message, sent about a transaction from now: queued long in a backlog, its record is
  // out of the cache (bench-10m's CLI run took 0.94 of its time with this prefetch).
  if (q.has_ready()) messages_.prefetch(q.next_ready());
  Message& m = messages_[message];
  if (m.first_attempt.count() < 0) m.first_attempt = now;
  InboundMessage in = inbound(m);
  in.carried = c.sent++;
  // The receiver decides as the transaction starts; its reply comes after the time of the SMTP step it
  // answers (docs/model.md 4.2). The draws run in a fixed order: the receiver's, then the step's time.
  RandomEngine& engine = receiver_engines_[c.queue];
  const Verdict verdict = receiver.receive(in, now, engine);
  const Duration transaction =
      smtp_times_[provider].transaction(receiver.catalog().info(verdict.reply).step, engine);
  sim_.schedule_in(transaction,
                   [this, connection, message, verdict] { on_reply(connection, message, verdict); });
}

void World::on_reply(std::uint32_t connection, std::uint32_t message, const Verdict& verdict) {
  const Connection& c = connections_[connection];
  queues_[c.queue].transaction_ended();
  const std::uint16_t provider = queue_info_[c.queue].provider;
  const Receiver& receiver = *receivers_[provider];
  if (sends_body(receiver.catalog().info(verdict.reply).step))
    recorder_->body_sent(provider, scenario_.traffic[messages_[message].traffic].message_size_bytes);
  const std::uint32_t queue = c.queue;
  settle(queue, message, verdict);
  if (receiver.catalog().info(verdict.reply).closes_connection) {
    close_connection(connection);  // 421: the receiver hangs up; the pump opens a new connection if needed
  } else {
    send_next(connection);
  }
}

void World::close_connection(std::uint32_t connection) {
  const Connection& c = connections_[connection];
  if (c.counted_by_receiver) receivers_[queue_info_[c.queue].provider]->disconnect(queue_info_[c.queue].ip);
  queues_[c.queue].connection_closed();
  free_connections_.push_back(connection);
  pump(c.queue);
}

void World::idle(std::uint32_t connection) {
  Connection& c = connections_[connection];
  MtaQueue& q = queues_[c.queue];
  q.connection_idled();
  c.idle_until = sim_.now() + q.idle_timeout();
  queue_info_[c.queue].idle_connections.push_back(connection);
  arm_idle_sweep(c.queue);
}

void World::wake_idle_connection(std::uint32_t queue) {
  // Its closing time stays with the queue's sweep, which finds it gone.
  std::vector<std::uint32_t>& idle = queue_info_[queue].idle_connections;
  const std::uint32_t connection = idle.back();
  idle.pop_back();
  queues_[queue].connection_woken();
  send_next(connection);
}

void World::arm_idle_sweep(std::uint32_t queue) {
  const std::vector<std::uint32_t>& idle = queue_info_[queue].idle_connections;
  if (idle.empty()) return;
  // Connections go idle in time order with the queue's one timeout, so the first closes first.
  arm_earliest(queue, &QueueInfo::idle_sweep, connections_[idle.front()].idle_until,
               [](World& world, std::uint32_t q) { world.close_idle_connections(q); });
}

void World::close_idle_connections(std::uint32_t queue) {
  std::vector<std::uint32_t>& idle = queue_info_[queue].idle_connections;
  while (!idle.empty() && connections_[idle.front()].idle_until <= sim_.now()) {
    const std::uint32_t connection = idle.front();
    idle.erase(idle.begin());
    queues_[queue].connection_woken();
    close_connection(connection);  // its pump may wake or idle others: `idle` is read afresh
  }
  arm_idle_sweep(queue);
}

// --- Outcomes --------------------------------------------------------------------------------------------

MessageIdentities World::identities_of(const Message& m) const {
  return MessageIdentities{queue_info_[m.queue].ip, dkim_identity(traffic_dkim_[m.traffic]),
                           spf_identity(traffic_spf_[m.traffic])};
}

InboundMessage World::inbound(const Message& m) const {
  const TrafficSpec& traffic = scenario_.traffic[m.traffic];
  const DomainSpec& dkim = scenario_.domains[traffic_dkim_[m.traffic]];
  const DomainSpec& spf = scenario_.domains[traffic_spf_[m.traffic]];
  const EngagementSegment& segment = traffic.list.segments[m.segment];
  InboundMessage in;
  in.ids = identities_of(m);
  in.recipient = traffic_recipient_offset_[m.traffic] + m.recipient;
  in.unknown_user = m.unknown_user;
  in.spam_trap = m.spam_trap;
  in.spf_pass = spf.spf;
  in.dkim_pass = dkim.dkim;
  in.dmarc = dkim.dmarc;
  in.aligned = dkim.aligned;
  if (!m.spam_trap) {  // a spam trap is no person: it opens nothing, marks nothing and never complains
    in.open_rate = segment.open_rate;
    in.not_spam_rate = segment.not_spam_rate;
    in.complaint_rate = segment.complaint_rate;
  }
  return in;
}

const World::ReplyLookup& World::lookup_reply(std::uint16_t provider, ReplyKind reply, std::uint32_t named,
                                              std::uint16_t ip) {
  const Receiver& receiver = *receivers_[provider];
  // The sending IP is part of the key only for replies that quote it, so other texts are stored once.
  const std::uint64_t quoted_ip = reply_quotes_ip_[provider][static_cast<std::size_t>(reply)] ? ip : 0;
  const std::uint64_t key = (static_cast<std::uint64_t>(reply) << 48) | (quoted_ip << 32) | named;
  auto [it, inserted] = reply_lookups_[provider].try_emplace(key);
  if (inserted) {
    const IdentityKind kind = receiver.identity_kind(named);
    const std::string& id = identity_name(named);
    const std::string text = receiver.catalog().one_line(reply, kind, id, scenario_.ips[ip].address);
    it->second.rule = matchers_[provider].match(text);
    std::vector<std::string>& texts = recorder_->result().reply_texts;
    it->second.text = static_cast<std::uint32_t>(texts.size());
    texts.push_back(text);
  }
  return it->second;
}

const World::ReplyLookup& World::queue_reply(std::uint32_t queue, ReplyKind reply, std::uint32_t named) {
  QueueInfo& info = queue_info_[queue];
  // Map entries stay where they are when the map grows, so the remembered pointer stays valid.
  if (info.last_reply_lookup == nullptr || info.last_reply != reply || info.last_reply_named != named) {
    info.last_reply_lookup = &lookup_reply(info.provider, reply, named, info.ip);
    info.last_reply = reply;
    info.last_reply_named = named;
  }
  return *info.last_reply_lookup;
}

void World::settle(std::uint32_t queue, std::uint32_t message, const Verdict& verdict) {
  const Duration now = sim_.now();
  const std::uint16_t provider = queue_info_[queue].provider;
  const Receiver& receiver = *receivers_[provider];
  const ReplyInfo& info = receiver.catalog().info(verdict.reply);
  recorder_->attempt(provider, verdict.reply);
  const ReplyLookup& lookup = queue_reply(queue, verdict.reply, verdict.named_identity);
  const PatternRule* rule = lookup.rule ? &matchers_[provider].rule(*lookup.rule) : nullptr;
  queues_[queue].record_reply(now, info.transient(), info.step, rule);

  Message& m = messages_[message];
  if (verdict.reply == ReplyKind::Accepted) {
    queues_[queue].record_delivery(now);
    if (accounting_) account('d', message, verdict.reply, lookup.text);
    recorder_->delivered(provider, queue_info_[queue].ip, m.traffic, verdict.inbox, now - m.injected, now);
    suppressions_[m.traffic].delivered(m.recipient, verdict.engaged);
    if (verdict.complaint && now + verdict.complaint_after < end_) {
      const MessageIdentities ids = identities_of(m);
      sim_.schedule_in(
          verdict.complaint_after, [this, provider, ids, traffic = m.traffic, recipient = m.recipient] {
            receivers_[provider]->complaint(ids, sim_.now());
            suppressions_[traffic].complained(recipient);  // the feedback loop names the recipient
          });
    }
    messages_.release(message);
  } else if (info.permanent() || (rule && rule->bounce)) {
    if (accounting_) account('b', message, verdict.reply, lookup.text);
    if (verdict.reply == ReplyKind::UnknownUser) suppressions_[m.traffic].hard_bounced(m.recipient);
    recorder_->bounced(provider, verdict.reply, now);
    messages_.release(message);
  } else {
    if (accounting_) account('t', message, verdict.reply, lookup.text);
    defer(queue, message, rule);
  }
  if (queues_[queue].take_defer_ready_request()) defer_ready(queue);
}

void World::defer(std::uint32_t queue, std::uint32_t message, const PatternRule* rule) {
  Message& m = messages_[message];
  ++m.failed_attempts;
  const RetryPlan plan =
      queues_[queue].plan_retry(rule, m.failed_attempts, m.first_attempt, m.injected, sim_.now());
  if (plan.expires) {
    sim_.schedule_at(plan.at, [this, queue, message] { expire(queue, message); });
    return;
  }
  sim_.schedule_at(plan.at, [this, queue, message] {
    queues_[queue].push_ready(message, messages_[message].injected);
    pump(queue);
  });
}

void World::defer_ready(std::uint32_t queue) {
  MtaQueue& q = queues_[queue];
  while (q.has_ready()) {
    const std::uint32_t message = q.pop_ready();
    Message& m = messages_[message];
    if (m.first_attempt.count() < 0) m.first_attempt = sim_.now();
    defer(queue, message, nullptr);
  }
}

void World::expire(std::uint32_t queue, std::uint32_t message) {
  // The message itself (days old, out of cache in a large run) is read only for its accounting record.
  const std::uint16_t provider = queue_info_[queue].provider;
  if (accounting_) {
    const std::uint16_t ip = queue_info_[queue].ip;
    account('b', message, ReplyKind::Expired, lookup_reply(provider, ReplyKind::Expired, ip, ip).text);
  }
  recorder_->expired(provider, sim_.now());
  messages_.release(message);
}

void World::account(char type, std::uint32_t message, ReplyKind reply, std::uint32_t reply_text) {
  const Message& m = messages_[message];
  AccountingRecord record;
  record.type = type;
  record.logged = sim_.now();
  record.queued = m.injected;
  record.message_id = message;
  record.recipient = m.recipient;
  record.traffic = static_cast<std::uint16_t>(m.traffic);
  record.provider = queue_info_[m.queue].provider;
  record.ip = queue_info_[m.queue].ip;
  record.domain = m.domain;
  record.reply = reply_text;
  record.reply_kind = reply;
  recorder_->result().accounting.push_back(record);
}

// --- Run -------------------------------------------------------------------------------------------------

void World::schedule_periodic() {
  const Duration interval = scenario_.timeseries_interval;
  for (Duration t = interval; t <= end_; t += interval) {
    sim_.schedule_at(t, [this] { recorder_->close_interval(sim_.now()); });
  }
  for (Duration t = kHour; t <= end_; t += kHour) {
    sim_.schedule_at(t, [this] { recorder_->close_hour(sim_.now()); });
  }
  if (options_.on_progress || options_.cancel) {
    const Duration every = std::max(kMinute, options_.progress_every);
    for (Duration t = every; t < end_; t += every) {
      sim_.schedule_at(t, [this] {
        if (options_.cancel && options_.cancel->load()) throw RunCancelled();
        if (options_.on_progress) options_.on_progress(RunProgress{sim_.now(), end_});
      });
    }
  }
}

RunResult World::run() {
  for (std::uint32_t t = 0; t < sources_.size(); ++t) schedule_injection(t, sources_[t].first_tick());
  schedule_periodic();
  sim_.run_until(end_);
  return finish();
}

RunResult World::finish() {
  std::vector<bool> injections_left(scenario_.providers.size(), false);
  for (std::size_t t = 0; t < scenario_.traffic.size(); ++t) {
    if (!injections_pending_[t]) continue;
    for (std::uint16_t domain : traffic_domain_[t]) injections_left[domain_provider_[domain]] = true;
  }
  RunResult result = recorder_->finish(end_, injections_left);
  result.seed = options_.seed.value_or(scenario_.seed);
  result.events_processed = static_cast<std::int64_t>(sim_.events_processed());
  for (const ProviderResult& provider : result.providers) {
    if (!provider.counts.conserved()) {
      throw RunInvariantError("message conservation broken for provider " + provider.name + ": injected " +
                              std::to_string(provider.counts.injected) +
                              " != delivered + bounced + expired + queued");
    }
  }
  if (!result.totals.conserved() || static_cast<std::uint64_t>(result.totals.injected) != messages_.size()) {
    throw RunInvariantError("message conservation broken: " + std::to_string(messages_.size()) +
                            " messages created, totals do not add up");
  }
  if (options_.on_progress) options_.on_progress(RunProgress{end_, end_});
  return result;
}

}  // namespace delivsim

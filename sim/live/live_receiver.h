#pragma once
/// @file The scenario's mailbox providers answering real SMTP (`delivsim serve`): one Receiver per provider
/// built as a run builds it, the sending identities read from the wire (the client's address is the sending
/// IP through `identities.ips[].live_source`, MAIL FROM's domain the SPF identity, the DKIM-Signature's d=
/// the DKIM identity), each recipient's engagement drawn as a run draws it, and what the receiver saw
/// counted (live_counters.h) and written to an accounting log as it happens. Single-threaded: the server
/// calls it from one thread.
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <queue>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/random.h"
#include "models/receiver.h"
#include "sim/live/live_clock.h"
#include "sim/live/live_counters.h"
#include "sim/live/live_timeseries.h"
#include "sim/live/smtp_session.h"
#include "sim/scenario/scenario.h"
#include "sim/world/recipient_profile.h"

namespace delivsim {

class LiveReceiver {
 public:
  /// Recipient addresses are hashed into this many model recipients (per-recipient rate limits, engagement):
  /// distinct addresses share one only by a hash collision.
  static constexpr std::uint32_t kDefaultRecipientSpace = 1u << 20;

  /// `scenario` and `clock` must outlive it. It writes nothing until write_outputs_to(). A smaller
  /// `recipient_space` makes a cheaper receiver (the fuzzer builds one per input).
  LiveReceiver(const Scenario& scenario, const LiveClock& clock,
               std::uint32_t recipient_space = kDefaultRecipientSpace);
  ~LiveReceiver();
  LiveReceiver(const LiveReceiver&) = delete;
  LiveReceiver& operator=(const LiveReceiver&) = delete;

  /// From now on `accounting` (may be null) receives kAccountingHeader and one line per reply about mail,
  /// `timeseries` (may be null) a LiveTimeseries; both must outlive this object. Called once, before the
  /// first connection: serve binds its sockets first, so a bad address writes no output.
  void write_outputs_to(std::ostream* accounting, std::ostream* timeseries);

  /// The judge of a new connection from `client_address` on a listener for provider `provider` (an index
  /// into scenario.providers; nullopt: a listener for every provider, where the recipient picks it).
  std::unique_ptr<ConnectionJudge> connect(const std::string& client_address,
                                           std::optional<std::size_t> provider);
  /// Delivers the complaints due by now to their receivers and writes the time-series rows due (call it now
  /// and then: the server calls it before reading each client's bytes).
  void advance();
  /// The end of a live run: the complaints due, every identity brought up to now, then the time series' rows
  /// due and its last, partial row.
  void finish();

  const LiveCounters& counters() const { return counters_; }
  const Scenario& scenario() const { return scenario_; }
  const Receiver& receiver(std::size_t provider) const { return *receivers_[provider]; }
  Duration now() const { return clock_.now(); }
  /// The index of provider `name`, or nullopt.
  std::optional<std::size_t> provider_index(const std::string& name) const;
  /// The IP address or domain name of receiver identity `identity`.
  const std::string& identity_name(std::uint32_t identity) const;

 private:
  class Connection;
  friend class Connection;
  struct PendingComplaint {
    Duration due;
    std::uint16_t provider;
    MessageIdentities ids;
    bool operator>(const PendingComplaint& other) const { return due > other.due; }
  };
  /// A recipient address as the model sees it: its index in the recipient space and its fixed profile.
  struct Recipient {
    std::uint32_t index = 0;
    std::uint32_t traffic = 0;  ///< the traffic whose list it is drawn from; kNoTraffic: none
    RecipientProfile profile;
  };
  static constexpr std::uint32_t kNoTraffic = 0xffffffffu;
  /// The DKIM identity a message is judged under (a scenario domain) and whether its signature verifies.
  struct DkimSeen {
    std::uint32_t domain = 0;
    bool pass = false;
  };

  std::optional<std::uint32_t> ip_of(const std::string& client_address) const;
  std::optional<std::uint32_t> domain_of(const std::string& domain) const;
  Recipient recipient_of(const std::string& address, std::uint32_t spf_domain) const;
  InboundMessage inbound(std::uint32_t ip, std::uint32_t spf_domain, DkimSeen dkim,
                         const Recipient& recipient, bool tls) const;
  /// The reply `verdict` gives as the server sends it, counted and logged for `rcpt` (empty: none yet).
  SmtpReply answer(std::size_t provider, const Verdict& verdict, std::uint32_t ip, const std::string& orig,
                   const std::string& rcpt, std::uint64_t bytes);
  void account(char type, std::size_t provider, ReplyKind reply, const ReplyInfo& info,
               const std::string& one_line, std::uint32_t ip, const std::string& orig,
               const std::string& rcpt, std::uint64_t bytes);
  void complain_later(std::size_t provider, const MessageIdentities& ids, Duration due);
  void deliver_due_complaints(Duration now);

  const Scenario& scenario_;
  const LiveClock& clock_;
  std::ostream* accounting_ = nullptr;
  std::uint32_t recipient_space_;
  std::vector<std::unique_ptr<Receiver>> receivers_;  ///< per provider
  std::vector<std::string> mx_hosts_;                 ///< per provider
  std::unordered_map<std::string, std::uint32_t> ips_by_source_;
  std::unordered_map<std::string, std::uint32_t> domains_;
  /// Per domain: the traffic whose list its envelope senders mail (spf_domain, else dkim_domain), or
  /// kNoTraffic.
  std::vector<std::uint32_t> traffic_of_domain_;
  std::vector<RecipientProfiles> profiles_;  ///< per traffic
  RandomEngine engine_;
  std::priority_queue<PendingComplaint, std::vector<PendingComplaint>, std::greater<>> complaints_;
  LiveCounters counters_;
  std::unique_ptr<LiveTimeseries> series_;
};

}  // namespace delivsim

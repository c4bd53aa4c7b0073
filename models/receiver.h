#pragma once
/// @file A mailbox provider's SMTP server: for each connection and message it decides the reply from the
/// sending identities' reputation and quota, the recipient and the provider's parameters, and it keeps
/// those identities' state. The Gmail profile and the generic one differ only in parameters and replies.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/auth_requirements.h"
#include "models/bulk_sender.h"
#include "models/check_order.h"
#include "models/greylist.h"
#include "models/identity_reputation.h"
#include "models/random.h"
#include "models/receiver_params.h"
#include "models/recipient_limiter.h"
#include "models/reply_catalog.h"

namespace delivsim {

/// The identities a message is sent under, as indices into the receiver's identity table.
struct MessageIdentities {
  std::uint32_t ip = 0, dkim = 0, spf = 0;
};

/// One message as the receiver sees it.
struct InboundMessage {
  MessageIdentities ids;
  std::size_t recipient = 0;  ///< dense index of the mailbox, for per-recipient limits
  bool unknown_user = false;
  bool spam_trap = false;
  bool spf_pass = true, dkim_pass = true, dmarc = true;
  bool aligned = true;  ///< the From: domain is aligned with the authenticated SPF or DKIM domain
  /// It came over TLS: always in a run (every MTA modelled uses STARTTLS where offered); in live mode, when
  /// the client issued STARTTLS.
  bool tls = true;
  double open_rate = 0, not_spam_rate = 0, complaint_rate = 0;  ///< the recipient's engagement segment
  /// Messages its connection carried before it, for the per-connection message limit (message_limit_turn)
  std::uint32_t carried = 0;
};

/// The receiver's answer to one message.
/// The fields are ordered to pack into 16 bytes, so that the run's reply event (a verdict and three more
/// words) fits a kernel callback's inline storage and never allocates.
struct Verdict {
  ReplyKind reply = ReplyKind::Accepted;
  bool inbox = false;      ///< accepted into the inbox (else the spam folder); accepted only
  bool complaint = false;  ///< the recipient will mark it as spam after `complaint_after`
  /// The recipient opened it (inbox) or marked it "not spam" (spam folder); accepted only. The sender learns
  /// it (open tracking), e.g. to suppress unengaged recipients.
  bool engaged = false;
  /// The identity the reply names (4.7.28, 4.7.0, 5.7.1 texts), as an index into the identity table.
  std::uint32_t named_identity = 0;
  Duration complaint_after{0};
};
static_assert(sizeof(Verdict) == 16);

/// What the receiver does before the next MAIL FROM on a connection (its per-connection message limit).
enum class MessageLimitTurn : std::uint8_t {
  Continue,  ///< the connection may carry another message
  Reply,     ///< answer MAIL FROM with the ConnectionMessageLimit reply (a 421: the connection closes)
  Close,     ///< close the connection without a reply (the message was never offered)
};

class Receiver {
 public:
  /// How an identity starts.
  struct IdentitySetup {
    IdentityKind kind = IdentityKind::Ip;
    bool warm = false;
    double established_per_day = 0;
    /// IPs: the dense index of the IP's greylisting network (its /24, greylist_network()); unused otherwise
    std::uint32_t network = 0;
  };

  Receiver(const ReceiverParams& params, ReplyCatalog catalog, const std::vector<IdentitySetup>& identities);
  Receiver(const Receiver&) = delete;  ///< identities point at params_
  Receiver& operator=(const Receiver&) = delete;

  /// A new connection from `ip`: Accepted (and counted), Blocklisted (the IP is on a DNS block list; not
  /// counted) or TooManyConnections (not counted; a deferral signal for the IP) when `ip` has
  /// max_connections_per_ip open or the sender (all its IPs) has max_connections_per_sender open.
  ReplyKind connect(std::uint32_t ip, Duration now);
  /// A connection from `ip` closed.
  void disconnect(std::uint32_t ip);
  /// What happens before the next MAIL FROM on a connection that has carried `carried` messages: Continue
  /// unless the provider offers ConnectionMessageLimit and `carried` reached max_messages_per_connection.
  MessageLimitTurn message_limit_turn(std::uint32_t carried) const;
  /// Decides the reply to one message at `now`, drawing from `engine`, and records it in the identities.
  /// At the per-connection message limit (message_limit_turn(message.carried) is Reply) the reply is
  /// ConnectionMessageLimit naming the IP, with no draw and nothing recorded; the sender's side closes a
  /// connection whose turn is Close before offering a message.
  Verdict receive(const InboundMessage& message, Duration now, RandomEngine& engine);
  /// receive() one SMTP step at a time, for a server that learns the message as the client sends it
  /// (`delivsim serve`): the first refusal among the checks whose reply the provider gives at `step`, or
  /// nullopt. Calling it for Greeting, MailFrom, RcptTo and EndOfData in turn and then accept() when all
  /// pass judges as receive() does (without the per-connection message limit, which the server applies).
  std::optional<Verdict> judge_step(SmtpStep step, const InboundMessage& message, Duration now,
                                    RandomEngine& engine);
  /// Accepts a message every check passed: takes its quota and draws placement, engagement and complaint.
  Verdict accept(const InboundMessage& message, Duration now, RandomEngine& engine);
  /// A complaint arrives for mail sent under `ids`.
  void complaint(const MessageIdentities& ids, Duration now);
  /// Brings every identity up to `now` (before reading their figures).
  void advance(Duration now);

  const IdentityReputation& identity(std::uint32_t index) const { return identities_[index]; }
  IdentityKind identity_kind(std::uint32_t index) const { return kinds_[index]; }
  std::size_t identity_count() const { return identities_.size(); }
  const ReplyCatalog& catalog() const { return catalog_; }
  const ReceiverParams& params() const { return params_; }
  /// The weighted score of a message's identities, which sets placement and 4.7.0 rate limiting.
  double combined_score(const MessageIdentities& ids) const;
  /// When the IP's block-list listing ends (zero: never listed).
  Duration listed_until(std::uint32_t ip) const { return listed_until_[ip]; }
  /// True once the domain (a DKIM identity: the From: domain) is a bulk sender (models/bulk_sender.h).
  bool bulk_sender(std::uint32_t dkim) const { return bulk_[dkim].bulk(); }

 private:
  /// Records a deferral for one identity and hardens it into a block when it is LOW or BAD and hammered (a
  /// domain only with block_domains).
  void note_deferral(std::uint32_t id, Duration now);
  Verdict defer(ReplyKind reply, std::uint32_t named, const MessageIdentities& ids, Duration now);
  std::uint32_t weakest(const MessageIdentities& ids) const;
  /// Google's authentication requirements: nullopt if `m` meets those that apply to its sender, else the
  /// 421 deferral or the 5.7.x rejection (or nullopt when the draw lets it through).
  std::optional<Verdict> authenticate(const InboundMessage& m, Duration now, RandomEngine& engine);
  /// judge(), recording a permanent rejection (other than an unknown user) in the message's identities.
  std::optional<Verdict> refusal(ReceiverCheck check, const InboundMessage& m, double combined, Duration now,
                                 RandomEngine& engine);
  /// accept() of a message whose combined score is `combined` (no check changes a score).
  Verdict accept_scored(const InboundMessage& m, double combined, Duration now, RandomEngine& engine);
  /// One check of `m` (its reply, or nullopt when the message passes it); `combined` is its combined score.
  std::optional<Verdict> judge(ReceiverCheck check, const InboundMessage& m, double combined, Duration now,
                               RandomEngine& engine);

  /// True while `ip` is on the DNS block list the provider consults: listed for blocklist_duration once its
  /// decayed spam-trap hits reach blocklist_trap_hits (Spamhaus SBL, Yahoo [BL21]).
  bool on_block_list(std::uint32_t ip, Duration now);
  /// True if the provider has a reply for `kind`: a mechanism whose reply it lacks is never applied.
  bool offers(ReplyKind kind) const { return catalog_.info(kind).used; }

  ReceiverParams params_;
  ReplyCatalog catalog_;
  std::vector<IdentityReputation> identities_;
  std::vector<IdentityKind> kinds_;
  std::vector<int> open_connections_;  ///< per identity index (only IPs are used)
  /// Over all IPs: the sender's open connections (a world is one sender, so every IP is the sender's)
  int open_connections_total_ = 0;
  std::vector<BulkSenderStatus> bulk_;  ///< per identity index (only DKIM domains are used)
  /// Per identity index (only DKIM domains): when the domain first failed a requirement that applied to it;
  /// negative: never.
  std::vector<Duration> failing_since_;
  std::vector<Duration> listed_until_;  ///< per identity index (only IPs): end of the block-list listing
  RecipientLimiter recipients_;
  std::vector<std::uint32_t> networks_;  ///< per identity index (only IPs are used): greylisting network
  Greylist greylist_;
  CheckOrder check_order_;  ///< receive()'s checks, by the SMTP step of their replies in catalog_
};

}  // namespace delivsim

#pragma once
/// @file Greylisting as Postgrey does it (docs/model.md 3.11): the first message of a (client network,
/// envelope sender, recipient) triplet is deferred; a retry after `delay` passes, unless the first retry came
/// later than `retry_window`; a triplet not seen for `max_age` is forgotten; a client network whose mail
/// passed `auto_whitelist_after` times skips greylisting. Defaults: Postgrey's (`postgrey --help`: delay 300
/// s, retry window 2 days, max-age 35 days, auto-whitelist clients after 5, lookup by /24).
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "models/units.h"

namespace delivsim {

struct GreylistParams {
  Duration delay = std::chrono::seconds(300);      ///< first contact to the earliest pass
  Duration retry_window = std::chrono::hours(48);  ///< first contact to the latest first retry
  Duration max_age = std::chrono::hours(24 * 35);  ///< an entry unseen this long is forgotten
  int auto_whitelist_after = 5;                    ///< passes that whitelist a client; 0: never
};

/// The triplet Postgrey looks up, as dense indices: the client's network (its /24), the envelope sender's
/// domain (the SPF identity), the recipient.
struct GreylistTriplet {
  std::uint32_t network = 0, sender = 0, recipient = 0;
  friend bool operator==(const GreylistTriplet&, const GreylistTriplet&) = default;
};

/// The lookup key of a client address: the /24 for IPv4 ("192.0.2.17" -> "192.0.2"), the whole address
/// otherwise (delivsim does not model Postgrey's IPv6 /64).
std::string greylist_network(std::string_view address);

/// One entry per triplet seen and one per client network that passed: memory is bounded by networks x senders
/// x recipients.
class Greylist {
 public:
  explicit Greylist(GreylistParams params) : params_(params) {}
  /// Whether a message of `triplet` passes at `now` (non-decreasing); false: greylisted (450 4.2.0). Records
  /// the contact.
  bool admit(const GreylistTriplet& triplet, Duration now);
  std::size_t triplet_count() const { return triplets_.size(); }

 private:
  struct Entry {
    Duration first_seen{0}, last_seen{0};
    bool passed = false;
  };
  struct Client {
    int passes = 0;
    Duration last_pass{0};
  };
  struct TripletHash {
    std::size_t operator()(const GreylistTriplet& t) const;
  };
  /// Counts one pass for the client network (a count older than max-age starts again).
  void count_pass(std::uint32_t network, Duration now);
  bool whitelisted(std::uint32_t network, Duration now) const;

  GreylistParams params_;
  std::unordered_map<GreylistTriplet, Entry, TripletHash> triplets_;
  std::unordered_map<std::uint32_t, Client> clients_;
};

}  // namespace delivsim

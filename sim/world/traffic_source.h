#pragma once
/// @file Turns a traffic entry (campaign, stream or replay) into messages: when they are injected and to
/// whom.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/random.h"
#include "sim/scenario/scenario.h"
#include "sim/world/recipient_profile.h"

namespace delivsim {

/// A recipient drawn for one message.
struct DrawnRecipient {
  std::uint32_t recipient = 0;  ///< index within the traffic source
  RecipientProfile profile;     ///< the recipient's fixed properties
  /// A replay's message: its exact injection time (within the tick); nullopt for campaigns and streams.
  std::optional<Duration> arrival;
};

/// Injection is simulated in ticks of `kInjectionTick` (one minute): all messages due in a tick are
/// injected at its start.
inline constexpr Duration kInjectionTick = std::chrono::minutes(1);

/// About how many messages `spec` injects by `scenario_end` (a campaign's recipients, a stream's mean rate
/// over its span, diurnal cycle left out), for reserving memory and estimating work.
double expected_messages(const TrafficSpec& spec, Duration scenario_end);

class TrafficSource {
 public:
  /// `engine` draws when messages are due and (streams) to whom; `recipient_key` fixes who the recipients
  /// are (see RecipientProfiles).
  TrafficSource(const TrafficSpec& spec, Duration scenario_end, RandomEngine engine,
                std::uint64_t recipient_key);

  /// Time of the first tick with messages, and whether any remain after `tick_start`.
  Duration first_tick() const { return first_tick_; }
  /// The tick after `tick_start`, or nullopt when the source is exhausted.
  std::optional<Duration> next_tick(Duration tick_start) const;
  /// Draws the recipients of the messages injected in the tick starting at `tick_start`.
  void draw_tick(Duration tick_start, std::vector<DrawnRecipient>& out);
  /// Size of the recipient index space (campaign recipients, stream population or a replay's recipients).
  std::uint32_t population() const { return population_; }

 private:
  std::int64_t campaign_due_by(Duration t) const;  ///< messages due strictly before t

  const TrafficSpec* spec_;
  Duration end_;
  RandomEngine engine_;
  Duration first_tick_{0};
  std::uint32_t population_ = 0;
  std::int64_t injected_ = 0;  ///< campaign and stream: messages drawn; replay: injections done
  RecipientProfiles profiles_;
};

}  // namespace delivsim

#pragma once
/// @file Provider profiles: everything delivsim knows about one mailbox provider, as data chosen by name
/// (`providers.<name>.profile` in a scenario). Adding a provider is one file in models/profiles/ (its reply
/// texts, parameter defaults and flags), one entry in provider_profiles() and its tests.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/filter_colour.h"
#include "models/receiver_params.h"
#include "models/reply_catalog.h"

namespace delivsim {

/// One set of reply texts a profile offers (`providers.<name>.reply_texts` in a scenario).
struct NamedReplyTexts {
  std::string name;      ///< as a scenario writes it: "current", "legacy"
  ReplyCatalog catalog;  ///< the replies with these texts (codes and SMTP steps included)
};

/// Where a provider's figure differs from what ParamInfo says of it (ParamInfo describes Gmail): a figure
/// this provider publishes, or one Gmail publishes that this provider does not (assumed here, with a range).
struct ParamFlag {
  std::string_view name;    ///< the ReceiverParams field, as a scenario writes it
  bool published = false;   ///< true: this provider publishes the value
  std::string_view source;  ///< published: where; assumed: why ("Microsoft publishes no complaint threshold")
  /// assumed: the plausible range (values a scenario may write); neither end: the figure does not apply to
  /// this provider (it has no reply for the mechanism), so robust worlds never vary it
  std::string_view low = {}, high = {};
};

/// One mailbox provider's data.
struct ProviderProfile {
  std::string name;         ///< as `profile:` writes it: "gmail", "generic"
  std::string description;  ///< one line: what the profile models and its source
  /// The recipient domains its provider hosts in a scenario without `providers:` ("*": every domain no other
  /// provider names).
  std::vector<std::string> domains;
  /// The MX host accounting.csv records for its provider; "{provider}" stands for the provider's name.
  std::string mx_host;
  /// Default parameters, the thresholds for charts and alerts among them; each field's published/assumed
  /// flag and plausible range are in ParamInfo (models/receiver_params_visit.h), as param_flags amends them.
  ReceiverParams params;
  /// The fields whose published/assumed flag or range differs for this provider from ParamInfo's.
  std::vector<ParamFlag> param_flags;
  /// The reply texts a scenario can choose; the first is the default.
  std::vector<NamedReplyTexts> reply_texts;
  /// True when reputation decides its replies (quota, reputation deferrals, blocks, authentication
  /// enforcement): its assumed parameters vary in robust worlds and `uncertainty:`, and it can judge a run
  /// (judging_index()). The generic profile has all of these off; its reputation only sets placement, so it
  /// has no throttling for those parameters to change and no deferral verdict to judge by.
  bool throttles_by_reputation = false;
  /// The name of the provider a scenario without `providers:` gets with this profile ("gmail", "other");
  /// empty: not in the default provider set.
  std::string default_provider;
  /// SNDS-style filter colour bands (models/filter_colour.h): outputs give each sending IP a colour per day
  /// with this provider; nullopt: the provider publishes no such view, and outputs have no colour keys.
  std::optional<FilterColourBands> filter_colours;

  /// The reply texts named `name`, or nullptr when the profile has none of that name.
  const NamedReplyTexts* find_reply_texts(std::string_view name) const;
  /// The MX host of a provider named `provider` with this profile.
  std::string mx_host_of(const std::string& provider) const;
  /// `info` as this provider has it: ParamInfo's flag and range unless param_flags names the field.
  ParamInfo param_info(const ParamInfo& info) const;
};

/// Every profile, in a fixed order (gmail, microsoft, yahoo, generic): the order of the default providers, of
/// the choices in error messages and of the recorder's deferral columns.
const std::vector<ProviderProfile>& provider_profiles();

/// The profile named `name`, or nullptr.
const ProviderProfile* find_provider_profile(std::string_view name);

/// A provider's deferral keys: each distinct transient reply key of its profile's catalogs (every text set,
/// so that strategies choosing other texts keep the same keys), each catalog's replies in ReplyKind order.
/// The time series has one column per key.
std::vector<std::string> transient_reply_keys(const ProviderProfile& profile);

/// The one rule for which provider a run is judged by where a view shows one provider's verdict (the
/// headline's alert colours, the report's run-wide deferral class, the form's default destination, an
/// identity figure without a provider): given each provider's profile in scenario order (nullptr where it is
/// unknown), the first whose profile throttles by reputation (where a sender's conduct shows in deferrals),
/// else the first. `profiles` must not be empty.
std::size_t judging_index(const std::vector<const ProviderProfile*>& profiles);

}  // namespace delivsim

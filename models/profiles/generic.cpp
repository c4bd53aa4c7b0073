// The generic profile: a provider with no published catalog (delivsim's assumption).
#include "models/profiles/profiles.h"

namespace delivsim {

ProviderProfile generic_profile() {
  return {
      .name = "generic",
      .description =
          "A provider with no published catalog: accepts all but unknown users, plain RFC 5321 "
          "texts (delivsim's assumption)",
      .domains = {"*"},
      .mx_host = "mx.{provider}",
      .params = ReceiverParams::generic(),
      .param_flags = {},
      .reply_texts = {{"current", ReplyCatalog::generic()}},
      .throttles_by_reputation = false,
      .default_provider = "other",
      .filter_colours = std::nullopt,
  };
}

}  // namespace delivsim

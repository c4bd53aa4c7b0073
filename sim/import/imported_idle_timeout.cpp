#include "sim/import/imported_idle_timeout.h"

#include "models/destination_policy.h"
#include "sim/import/scenario_duration_text.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

std::optional<std::string> idle_timeout_too_long(std::int64_t ms, const std::string& written) {
  if (ms <= kMaxIdleTimeout.count()) return std::nullopt;
  return quote_value(written) + " imported as " + scenario_duration_text(kMaxIdleTimeout.count()) +
         ", the longest a scenario takes: delivsim's receivers never drop an idle connection themselves";
}

}  // namespace delivsim

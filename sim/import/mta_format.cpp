#include "sim/import/mta_format.h"

#include <array>

#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

constexpr std::array<std::string_view, 3> kNames{"pmta", "postfix", "kumomta"};

}  // namespace

std::vector<std::string_view> mta_format_names() {
  return {kNames.begin(), kNames.end()};
}

MtaFormat mta_format_named(std::string_view name, const SourcePosition& where, const std::string& field) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (name == kNames[i]) return static_cast<MtaFormat>(i);
  }
  throw ScenarioError(where.file, where.line, where.column, field, "unknown MTA format " + quote_value(name),
                      "pmta, postfix or kumomta", closest_name(name, mta_format_names()));
}

std::string_view mta_format_name(MtaFormat format) {
  return kNames.at(static_cast<std::size_t>(format));
}

}  // namespace delivsim

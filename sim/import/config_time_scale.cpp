#include "sim/import/config_time_scale.h"

#include <algorithm>
#include <tuple>

#include "sim/import/kumomta_time_scale.h"
#include "sim/import/pmta_time_scale.h"
#include "sim/import/postfix_time_scale.h"

namespace delivsim {

namespace {

std::vector<ScaledConfig> copies_of(MtaFormat format, const std::vector<std::filesystem::path>& files,
                                    const TimeScale& scale) {
  switch (format) {
    case MtaFormat::PowerMta: {
      std::vector<ScaledConfig> copies;
      for (const std::filesystem::path& file : files) copies.push_back(scale_pmta_file(file, scale));
      return copies;
    }
    case MtaFormat::Postfix:
      return scale_postfix_files(files, scale);
    case MtaFormat::KumoMta:
      return scale_kumo_files(files, scale);
  }
  return {};
}

}  // namespace

std::vector<ScaledConfig> time_scaled_configs(MtaFormat format,
                                              const std::vector<std::filesystem::path>& files,
                                              const TimeScale& scale) {
  std::vector<ScaledConfig> copies = copies_of(format, files, scale);
  for (ScaledConfig& copy : copies) {
    std::stable_sort(copy.warnings.begin(), copy.warnings.end(),
                     [](const ImportWarning& a, const ImportWarning& b) {
                       return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
                     });
  }
  return copies;
}

}  // namespace delivsim

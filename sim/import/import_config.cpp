#include "sim/import/import_config.h"

#include "sim/import/kumomta_import.h"
#include "sim/import/pmta_import.h"
#include "sim/import/postfix_import.h"

namespace delivsim {

ImportedConfig import_config(MtaFormat format, const std::vector<std::filesystem::path>& files) {
  switch (format) {
    case MtaFormat::PowerMta:
      return import_powermta(files);
    case MtaFormat::Postfix:
      return import_postfix(files);
    case MtaFormat::KumoMta:
      return import_kumomta(files);
  }
  return import_powermta(files);  // unreachable: every format is listed above
}

}  // namespace delivsim

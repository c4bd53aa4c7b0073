#include "sim/import/import_warning_text.h"

namespace delivsim {

std::string import_warning_text(const ImportWarning& warning, std::string_view severity) {
  std::string text = warning.where.file;
  if (warning.where.line > 0) {
    text += ":" + std::to_string(warning.where.line) + ":" + std::to_string(warning.where.column);
  }
  return text + ": " + std::string(severity) + ": " + warning.directive + ": " + warning.why;
}

}  // namespace delivsim

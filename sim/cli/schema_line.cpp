#include "sim/cli/schema_line.h"

namespace delivsim {

std::string with_schema_line(std::string_view text, const std::filesystem::path& schema) {
  if (!text.starts_with(kSchemaLinePrefix)) return std::string(text);
  const std::size_t line_end = text.find('\n');
  const std::string_view rest = line_end == std::string_view::npos ? "" : text.substr(line_end);
  return std::string(kSchemaLinePrefix) + schema.string() + std::string(rest);
}

}  // namespace delivsim

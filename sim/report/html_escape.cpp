#include "sim/report/html_escape.h"

namespace delivsim::report {

std::string html_id(std::string_view text) {
  std::string id;
  id.reserve(text.size());
  for (const char c : text) {
    const bool kept =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    id += kept ? c : '_';
  }
  return id;
}

}  // namespace delivsim::report

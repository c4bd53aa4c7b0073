#include "sim/output/text_excerpt.h"

namespace delivsim {

std::string quoted_excerpt(std::string_view text) {
  if (text.size() <= kMaxQuotedChars) return "'" + std::string(text) + "'";
  return "'" + std::string(text.substr(0, kMaxQuotedChars)) + "...' (" + std::to_string(text.size()) +
         " characters)";
}

}  // namespace delivsim

#include "sim/import/postfix_transport_map.h"

#include "sim/import/postfix_lines.h"
#include "sim/kernel/ascii.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

std::vector<PostfixRoute> parse_postfix_transport_map(std::string_view text, const std::string& file) {
  std::vector<PostfixRoute> routes;
  for (const PostfixLine& line : postfix_lines(text, file)) {
    const auto words = postfix_words(line.text, " \t");
    if (words.size() < 2) {
      const SourcePosition at = line.at(0);
      throw ScenarioError(file, at.line, at.column, std::string(words.front().second),
                          "has no value after the key", "'key transport:nexthop' (transport(5))");
    }
    // postmap joins everything after the key's whitespace into the value.
    const std::string_view value = std::string_view(line.text).substr(words[1].first);
    const std::string key = kernel::ascii_lower(words[0].second);
    const std::size_t colon = value.find(':');
    PostfixRoute route{key, std::string(value.substr(0, colon)), "", line.at(0), line.at(words[1].first)};
    if (colon != std::string_view::npos) route.nexthop = std::string(value.substr(colon + 1));
    routes.push_back(std::move(route));
  }
  return routes;
}

}  // namespace delivsim

#pragma once
/// @file A Postfix transport(5) table in postmap source form (what `texthash:` reads and `hash:` is built
/// from): `key transport:nexthop` per logical line.
#include <string>
#include <string_view>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// One entry of a transport table.
struct PostfixRoute {
  std::string key;          ///< lower case: "gmail.com", ".example.com" (subdomains), "user@domain", "*"
  std::string transport;    ///< the part before ':'; empty: the default transport
  std::string nexthop;      ///< the part after ':'; empty: the domain's MX records
  SourcePosition key_at;    ///< where the key is written
  SourcePosition value_at;  ///< where `transport:nexthop` is written
};

/// The entries of the table `text` (read from `file`), in file order. Throws ScenarioError at a line with a
/// key and no value.
std::vector<PostfixRoute> parse_postfix_transport_map(std::string_view text, const std::string& file);

}  // namespace delivsim

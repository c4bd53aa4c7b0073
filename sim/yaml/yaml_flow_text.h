#pragma once
/// @file A parsed YAML value written back as one line of flow YAML, to name a strategy's or a sweep point's
/// setting in reports ("3", "[15m, 1h]", "{kind: exponential, mean: 6h}").
#include <string>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// `node` as one line: a scalar as its text (unquoted at the top level), a list as "[a, b]", a mapping as
/// "{k: v}", nothing as "null". Inside a list or mapping, a scalar that was quoted or holds a character
/// with a meaning in flow YAML is written in double quotes.
std::string flow_text(const YamlNode& node);

}  // namespace delivsim

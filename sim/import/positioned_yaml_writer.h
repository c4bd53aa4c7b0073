#pragma once
/// @file Writing a positioned YAML tree (an import's scenario keys) as a YAML text whose every value says
/// where it came from: "max_smtp_out: 5  # pmta.conf:97".
#include <string>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// Where a node came from, for a comment: "<file>:<line>" for config text, or SourcePosition::file alone
/// when line is 0 (a default's source, "Postfix default (mail_params.h)"); empty when the file is empty.
std::string origin_comment(const SourcePosition& where);

/// `root` (a map) as block YAML: maps in block style, lists of scalars in flow style on one line, each
/// scalar (or flow list) followed by its origin_comment, quoted scalars double-quoted. Parsing the text gives
/// back the same keys and values.
std::string positioned_yaml_text(const YamlNode& root);

}  // namespace delivsim

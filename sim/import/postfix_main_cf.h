#pragma once
/// @file Postfix's main.cf: `name = value` parameters (postconf(5)).
#include <string>
#include <string_view>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// One `name = value` of main.cf, or one `-o name=value` of a master.cf service.
struct PostfixParameter {
  std::string name;         ///< as written
  std::string value;        ///< as written, whitespace around it removed; `$name` not yet expanded
  SourcePosition name_at;   ///< where the name is written
  SourcePosition value_at;  ///< where the value starts (where the name is when the value is empty)
};

/// The parameters of main.cf `text` (read from `file`) in file order; a name defined again appears again
/// (the last one counts, as in Postfix). Throws ScenarioError at a logical line that is not
/// `name = value` or whose name has characters other than letters, digits, '_', '-' and '.'.
std::vector<PostfixParameter> parse_postfix_main_cf(std::string_view text, const std::string& file);

/// Whether `name` is a Postfix parameter name as delivsim accepts it: non-empty, letters, digits, '_', '-'
/// (master.cf service names in per-transport parameters) and '.'.
bool is_postfix_parameter_name(std::string_view name);

}  // namespace delivsim

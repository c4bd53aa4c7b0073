#pragma once
/// @file The MTA configuration formats delivsim imports, by the names the command line and
/// `sender: {import: ...}` use.
#include <string>
#include <string_view>
#include <vector>

#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// A configuration format.
enum class MtaFormat {
  PowerMta,  ///< "pmta": PowerMTA's config file (`<domain>`, `<virtual-mta>`, `<smtp-pattern-list>` ...)
  Postfix,   ///< "postfix": main.cf, master.cf and the transport maps they name
  KumoMta,   ///< "kumomta": KumoMTA's shaping.toml
};

/// The names, in the order above: "pmta", "postfix", "kumomta".
std::vector<std::string_view> mta_format_names();

/// The format called `name`. Throws ScenarioError at `where` (naming `field`, with a close-match hint)
/// for any other name.
MtaFormat mta_format_named(std::string_view name, const SourcePosition& where, const std::string& field);

/// The name of `format` ("pmta", ...).
std::string_view mta_format_name(MtaFormat format);

}  // namespace delivsim

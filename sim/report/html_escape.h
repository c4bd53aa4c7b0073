#pragma once
/// @file Element ids for the report's HTML and SVG (text is escaped with escape_xml,
/// sim/output/xml_escape.h).
#include <string>
#include <string_view>

#include "sim/output/xml_escape.h"

namespace delivsim::report {

/// `text` made safe as (part of) an element id: ASCII letters, digits, '-' and '_' kept, anything else
/// becomes '_'.
std::string html_id(std::string_view text);

}  // namespace delivsim::report

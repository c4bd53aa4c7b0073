#pragma once
/// @file Escaping text for HTML and SVG (XML) content and attribute values.
#include <string>
#include <string_view>

namespace delivsim::report {

/// `text` with &, <, >, " and ' replaced by character references, safe in HTML and XML text and in quoted
/// attribute values.
std::string escape_html(std::string_view text);

/// `text` made safe as (part of) an element id: ASCII letters, digits, '-' and '_' kept, anything else
/// becomes '_'.
std::string html_id(std::string_view text);

}  // namespace delivsim::report

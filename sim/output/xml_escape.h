#pragma once
/// @file Escaping text for XML and HTML (JUnit XML, the report's HTML and SVG).
#include <string>
#include <string_view>

namespace delivsim {

/// `text` with &, <, >, " and ' replaced by character references (&amp; &lt; &gt; &quot; &#39;), safe in
/// XML and HTML text and in quoted attribute values.
std::string escape_xml(std::string_view text);

}  // namespace delivsim

#pragma once
// A tiny XML well-formedness check for the report's SVG: balanced, properly nested tags, quoted attributes,
// and only the five predefined or numeric character references. Enough to catch broken markup or
// unescaped text; not a validating parser.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim::testing {

/// An empty string when `xml` is well formed, else what is wrong and where.
inline std::string xml_problem(std::string_view xml) {
  std::vector<std::string> open;
  std::size_t i = 0;
  const auto at = [&](std::size_t pos) { return " at offset " + std::to_string(pos); };
  const auto check_reference = [&](std::size_t pos) -> std::string {
    const std::size_t end = xml.find(';', pos);
    if (end == std::string_view::npos || end - pos > 10) return "bad '&'" + at(pos);
    const std::string_view name = xml.substr(pos + 1, end - pos - 1);
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") return "";
    if (name.size() > 1 && name[0] == '#') return "";
    return "unknown entity &" + std::string(name) + ";" + at(pos);
  };
  while (i < xml.size()) {
    const char c = xml[i];
    if (c == '&') {
      if (std::string problem = check_reference(i); !problem.empty()) return problem;
      ++i;
      continue;
    }
    if (c == '>') return "stray '>'" + at(i);
    if (c != '<') {
      ++i;
      continue;
    }
    const std::size_t end = xml.find('>', i);
    if (end == std::string_view::npos) return "unclosed tag" + at(i);
    std::string_view tag = xml.substr(i + 1, end - i - 1);
    if (tag.starts_with("!") || tag.starts_with("?")) {
      i = end + 1;
      continue;
    }
    const bool closing = tag.starts_with("/");
    const bool self_closing = tag.ends_with("/");
    if (closing) tag.remove_prefix(1);
    if (self_closing) tag.remove_suffix(1);
    std::size_t name_end = 0;
    while (name_end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[name_end]))) ++name_end;
    const std::string name(tag.substr(0, name_end));
    if (name.empty()) return "empty tag name" + at(i);
    // Attributes: name="value" pairs, values without '<' and with valid references.
    std::size_t p = name_end;
    while (p < tag.size()) {
      if (std::isspace(static_cast<unsigned char>(tag[p]))) {
        ++p;
        continue;
      }
      const std::size_t eq = tag.find('=', p);
      if (eq == std::string_view::npos || eq + 1 >= tag.size() || tag[eq + 1] != '"') {
        return "attribute without a quoted value in <" + name + ">" + at(i);
      }
      const std::size_t close = tag.find('"', eq + 2);
      if (close == std::string_view::npos) return "unterminated attribute in <" + name + ">" + at(i);
      for (std::size_t v = eq + 2; v < close; ++v) {
        if (tag[v] == '<') return "'<' in an attribute of <" + name + ">" + at(i);
        if (tag[v] == '&') {
          if (std::string problem = check_reference(i + 1 + (closing ? 1 : 0) + v); !problem.empty())
            return problem;
        }
      }
      p = close + 1;
    }
    if (closing) {
      if (open.empty() || open.back() != name)
        return "</" + name + "> does not close the open element" + at(i);
      open.pop_back();
    } else if (!self_closing) {
      open.push_back(name);
    }
    i = end + 1;
  }
  if (!open.empty()) return "<" + open.back() + "> is never closed";
  return "";
}

/// Every `<svg ...>...</svg>` element in `html`, in order.
inline std::vector<std::string> svg_elements(const std::string& html) {
  std::vector<std::string> svgs;
  for (std::size_t start = html.find("<svg"); start != std::string::npos;
       start = html.find("<svg", start + 1)) {
    const std::size_t end = html.find("</svg>", start);
    if (end == std::string::npos) break;
    svgs.push_back(html.substr(start, end + 6 - start));
  }
  return svgs;
}

}  // namespace delivsim::testing

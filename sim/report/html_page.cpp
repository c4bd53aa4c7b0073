#include "sim/report/html_page.h"

#include "sim/output/chart_palette.h"
#include "sim/report/html_escape.h"

namespace delivsim::report {

namespace {

std::string class_attribute(const std::string& css_class) {
  return css_class.empty() ? "" : " class=\"" + escape_xml(css_class) + "\"";
}

std::string style_sheet() {
  return "body{font-family:sans-serif;font-size:14px;color:#222;margin:24px auto;max-width:1400px;"
         "padding:0 16px}\n"
         "h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}"
         "h3{font-size:15px}\n"
         ".meta{color:#555}\n"
         "table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #ddd;padding:4px 8px;"
         "text-align:left}th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
         "tr.best td,td.best{background:#e8f5e9;font-weight:bold}tr.infeasible td{color:#999}"
         "td.diff{color:#555}\n"
         "#headline{display:flex;flex-wrap:wrap;gap:8px;margin:12px 0}"
         ".card{border:1px solid #ddd;border-radius:4px;padding:6px 12px;min-width:110px}"
         ".card .label{color:#666;font-size:12px}.card .value{font-size:20px;font-weight:bold}"
         ".card .detail{color:#666;font-size:11px}\n"
         ".charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{max-width:100%;height:auto;"
         "border:1px solid #eee}\n"
         ".normal{color:" +
         css_hex(good_rgb()) + "}.unusual{color:" + css_hex(warning_rgb()) +
         "}.act{color:" + css_hex(bad_rgb()) +
         "}\n"
         ".tier-high{color:" +
         css_hex(good_rgb()) + "}.tier-medium{color:" + css_hex(warning_rgb()) +
         "}.tier-low{color:" + css_hex(tier_rgb(Tier::Low)) + "}.tier-bad{color:" + css_hex(bad_rgb()) +
         "}\n";
}

}  // namespace

std::string element(const std::string& tag, const std::string& text, const std::string& id) {
  const std::string id_attribute = id.empty() ? "" : " id=\"" + escape_xml(id) + "\"";
  return "<" + tag + id_attribute + ">" + escape_xml(text) + "</" + tag + ">\n";
}

std::string table_html(const HtmlTable& table) {
  std::string out = "<table" + (table.id.empty() ? "" : " id=\"" + escape_xml(table.id) + "\"") + ">\n<tr>";
  for (const std::string& title : table.header) out += "<th>" + escape_xml(title) + "</th>";
  out += "</tr>\n";
  for (std::size_t row = 0; row < table.rows.size(); ++row) {
    out += "<tr" + class_attribute(row < table.row_classes.size() ? table.row_classes[row] : "") + ">";
    for (const HtmlCell& cell : table.rows[row]) {
      out += "<td" + class_attribute(cell.css_class) + ">" + escape_xml(cell.text) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

std::string cards_html(const std::vector<HeadlineCard>& cards) {
  std::string out = "<div id=\"headline\">\n";
  for (const HeadlineCard& card : cards) {
    out += "<div class=\"card\"><div class=\"label\">" + escape_xml(card.label) + "</div><div class=\"value" +
           (card.css_class.empty() ? "" : " " + escape_xml(card.css_class)) + "\">" + escape_xml(card.value) +
           "</div>";
    if (!card.detail.empty()) out += "<div class=\"detail\">" + escape_xml(card.detail) + "</div>";
    out += "</div>\n";
  }
  return out + "</div>\n";
}

std::string page_html(const std::string& title, const std::string& body_html) {
  return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         escape_xml(title) + "</title>\n<style>\n" + style_sheet() + "</style>\n</head>\n<body>\n" +
         body_html + "</body>\n</html>\n";
}

}  // namespace delivsim::report

#pragma once
/// @file Building the report's HTML: tables, headline cards, and the page around them (inline CSS, no
/// scripts, no external resources). Text is escaped here; only SVG from SvgChart goes in as markup.
#include <string>
#include <vector>

namespace delivsim::report {

/// One table cell: its text (escaped when written) and an optional CSS class ("num", "best", "act", ...).
struct HtmlCell {
  std::string text;
  std::string css_class;
};

/// A table with a header row; numeric columns are right-aligned by giving their cells the class "num".
struct HtmlTable {
  std::string id;                   ///< the <table> element's id
  std::vector<std::string> header;  ///< column titles
  std::vector<std::vector<HtmlCell>> rows;
  std::vector<std::string> row_classes;  ///< per row, a CSS class for the <tr> (may be shorter than rows)
};

/// `table` as a <table> element.
std::string table_html(const HtmlTable& table);

/// One headline figure shown as a card: label, value, an optional second line and a CSS class for the
/// value's colour.
struct HeadlineCard {
  std::string label;
  std::string value;
  std::string detail;  ///< e.g. "[95.1%, 97.2%] p5–p95"; empty: none
  std::string css_class;
};

/// `cards` as a row of cards (id "headline").
std::string cards_html(const std::vector<HeadlineCard>& cards);

/// A whole page: <head> with `title` and the inline style sheet (tier and alert colours from
/// sim/output/chart_palette.h), then `body_html` (already markup).
std::string page_html(const std::string& title, const std::string& body_html);

/// `text` escaped and wrapped in <tag>...</tag>, with an id attribute when `id` is not empty.
std::string element(const std::string& tag, const std::string& text, const std::string& id = "");

}  // namespace delivsim::report

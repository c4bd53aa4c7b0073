#include "sim/report/table_cells.h"

#include "sim/output/number_format.h"

namespace delivsim::report {

HtmlCell count_cell(std::int64_t value) {
  return {format_count(value), "num"};
}

HtmlCell missing_cell() {
  return {std::string(kMissingFigure), "num"};
}

}  // namespace delivsim::report

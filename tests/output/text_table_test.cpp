#include "sim/output/text_table.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(TextTable, SizesColumnsToTheWidestCellAndAlignsThem) {
  TextTable table({{"name", TextTable::Align::Left}, {"count"}, {"note", TextTable::Align::Left}});
  table.add_row({"gmail", "1,000", "x"});
  table.add_row({"a", "7", ""});
  EXPECT_EQ(table.render("  "),
            "  name   count  note\n"
            "  gmail  1,000  x\n"
            "  a          7\n");
}

TEST(TextTable, RejectsARowWithTheWrongNumberOfCells) {
  TextTable table({{"one"}, {"two"}});
  EXPECT_THROW(table.add_row({"only"}), std::invalid_argument);
}

}  // namespace
}  // namespace delivsim

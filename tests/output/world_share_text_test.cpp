// A share of receiver worlds as text: whole percents, one decimal just inside 0% and 100%, never rounded to
// either end.
#include "sim/output/world_share_text.h"

#include <gtest/gtest.h>

namespace delivsim {
namespace {

TEST(WorldShareText, WholePercentsExceptJustInsideTheEnds) {
  EXPECT_EQ(format_world_share(0), "0%");
  EXPECT_EQ(format_world_share(1), "100%");
  EXPECT_EQ(format_world_share(0.4), "40%");
  EXPECT_EQ(format_world_share(63.0 / 64), "98%");
  EXPECT_EQ(format_world_share(0.99), "99%");
  EXPECT_EQ(format_world_share(0.004), "0.4%");
  EXPECT_EQ(format_world_share(0.0001), "0.1%") << "never 0.0%";
  EXPECT_EQ(format_world_share(0.995), "99.5%");
  EXPECT_EQ(format_world_share(0.99999), "99.9%") << "never 100.0%";
}

}  // namespace
}  // namespace delivsim

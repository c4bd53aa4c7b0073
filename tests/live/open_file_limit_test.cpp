// `delivsim serve` raises its soft open-file limit as far as it needs and the hard limit allows, never lower.
#include "sim/live/open_file_limit.h"

#include <gtest/gtest.h>
#include <sys/resource.h>

namespace delivsim {
namespace {

rlimit open_file_limit() {
  rlimit limit{};
  EXPECT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  return limit;
}

TEST(OpenFileLimit, RisesToWhatIsWantedUpToTheHardLimitAndNeverFalls) {
  const rlimit before = open_file_limit();
  EXPECT_EQ(raise_open_file_limit(1), before.rlim_cur) << "a smaller want leaves the limit as it was";
  EXPECT_EQ(open_file_limit().rlim_cur, before.rlim_cur);
  const std::size_t past_hard = before.rlim_max == RLIM_INFINITY ? before.rlim_cur : before.rlim_max + 1;
  const std::size_t got = raise_open_file_limit(past_hard);
  EXPECT_EQ(got, open_file_limit().rlim_cur);
  EXPECT_EQ(got, std::min<std::size_t>(past_hard, before.rlim_max));
  rlimit restored = before;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &restored), 0);
}

}  // namespace
}  // namespace delivsim

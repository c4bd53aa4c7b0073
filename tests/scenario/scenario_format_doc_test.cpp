// docs/scenario-format.md keeps up with the provider parameters the parser accepts.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "models/receiver_params.h"

namespace delivsim {
namespace {

TEST(ScenarioFormatDocTest, ListsEveryProviderParameter) {
  std::ifstream in(std::string(DELIVSIM_SOURCE_DIR) + "/docs/scenario-format.md");
  ASSERT_TRUE(in) << "docs/scenario-format.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  ReceiverParams params;
  visit_receiver_params(params, [&](const ParamInfo& info, const auto&) {
    EXPECT_NE(text.str().find("| `" + std::string(info.name) + "` |"), std::string::npos)
        << info.name << " has no row in the provider parameter table";
  });
}

}  // namespace
}  // namespace delivsim

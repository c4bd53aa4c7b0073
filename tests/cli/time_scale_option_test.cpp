// `--time-scale K` is one option for `delivsim serve` and `delivsim import`: both parse it with the same
// reader (sim/import/time_scale.h via option_checks.h), so they accept and refuse the same texts with the
// same message. Parsed through the CLI's own app (cli_app.h), as the command line is.
#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "sim/cli/cli_app.h"

namespace delivsim {
namespace {

/// The message CLI11 gives for `args` (after the program name), or nullopt when they parse.
std::optional<std::string> parse_error(std::vector<std::string> args) {
  CLI::App app;
  const std::vector<CliCommand> commands = build_cli_app(app);  // owns what the options parse into
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& error) {
    return std::string(error.what());
  }
  return std::nullopt;
}

std::optional<std::string> serve_error(const std::string& k) {
  return parse_error({"serve", "scenario.yaml", "--time-scale", k});
}

std::optional<std::string> import_error(const std::string& k) {
  return parse_error({"import", "pmta", "config", "--time-scale", k, "--config-out", "out"});
}

class AcceptedTimeScale : public ::testing::TestWithParam<const char*> {};

TEST_P(AcceptedTimeScale, ByServeAndImport) {
  EXPECT_EQ(serve_error(GetParam()), std::nullopt);
  EXPECT_EQ(import_error(GetParam()), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Texts, AcceptedTimeScale,
                         ::testing::Values("1", "3600", "0.5", "0.000001", "1000000000", "2.000125",
                                           "86400.0"));

struct Refused {
  const char* name;  ///< the case's name in test listings
  const char* text;
  const char* reason;
};

/// How gtest names a case in listings (not its bytes).
void PrintTo(const Refused& refused, std::ostream* out) {
  *out << refused.name;
}

class RefusedTimeScale : public ::testing::TestWithParam<Refused> {};

TEST_P(RefusedTimeScale, ByServeAndImportWithTheSameMessage) {
  const std::optional<std::string> serve = serve_error(GetParam().text);
  ASSERT_TRUE(serve.has_value());
  EXPECT_EQ(import_error(GetParam().text), serve);
  EXPECT_EQ(serve->rfind("--time-scale: expected a decimal number above 0 and at most 1000000000", 0), 0u)
      << *serve;
  EXPECT_NE(serve->find(GetParam().reason), std::string::npos) << *serve;
}

INSTANTIATE_TEST_SUITE_P(
    Texts, RefusedTimeScale,
    ::testing::Values(Refused{"Zero", "0", "got '0' (not above 0)"},
                      Refused{"ZeroPoint", "0.000", "(not above 0)"},
                      Refused{"TooLarge", "1000000000.5", "(above 1000000000)"},
                      Refused{"Exponent", "1e3", "(not a decimal number)"},
                      Refused{"Negative", "-5", "(not a decimal number)"},
                      Refused{"Word", "fast", "got 'fast' (not a decimal number)"},
                      Refused{"Point", ".", "(not a decimal number)"},
                      Refused{"Empty", "", "got '' (not a decimal number)"},
                      Refused{"SevenDecimals", "1.0000001", "(too many digits after the point)"},
                      Refused{"TrailingSpace", "3600 ", "(not a decimal number)"}),
    [](const ::testing::TestParamInfo<Refused>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace delivsim

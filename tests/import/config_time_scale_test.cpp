// `delivsim import --time-scale K` (sim/import/config_time_scale.h) on each format's fixture: every timer and
// rate the importer's directive tables name is rewritten to the exact text pinned here, every other byte of
// the file is kept, the header lists each change after the marker, and a value the MTA cannot write exactly
// is a warning at its file, line and column.
#include "sim/import/config_time_scale.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

const std::string kFixtures = std::string(DELIVSIM_SOURCE_DIR) + "/tests/import/fixtures/";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A fixture file, the scale, the lines the copy must change (1-based line of the original -> its new text),
/// the warnings (line:column), and the lines appended after the original.
struct FixtureCase {
  const char* name;
  MtaFormat format;
  std::vector<std::string> files;
  const char* scale;
  std::map<int, std::string> changed;  ///< of the first file
  std::vector<std::string> warnings;   ///< "file:line:column" of the rounded values
  std::vector<std::string> appended;   ///< of the first file
};

void PrintTo(const FixtureCase& c, std::ostream* out) {
  *out << c.name;
}

class ScaledFixture : public ::testing::TestWithParam<FixtureCase> {};

TEST_P(ScaledFixture, RewritesExactlyTheTimersAndRates) {
  const FixtureCase& c = GetParam();
  std::vector<std::filesystem::path> paths;
  for (const std::string& file : c.files) paths.push_back(kFixtures + file);
  const TimeScale scale = parse_time_scale(c.scale);
  const std::vector<ScaledConfig> copies = time_scaled_configs(c.format, paths, scale);
  ASSERT_EQ(copies.size(), paths.size());
  const ScaledConfig& first = copies.front();
  const std::vector<std::string> copy = lines_of(scaled_config_text(first, scale));
  const std::vector<std::string> original = lines_of(first.original);
  // The header: the marker, the note on what is not scaled, one line per change, then the notes.
  ASSERT_FALSE(copy.empty());
  EXPECT_EQ(copy.front().rfind(std::string(kScaledConfigMarker) + " " + c.scale + " from ", 0), 0u)
      << copy.front();
  EXPECT_NE(copy[1].find("SMTP protocol timeouts"), std::string::npos);
  const std::size_t header = 2 + (first.values.empty() ? 1 : first.values.size()) + first.notes.size();
  ASSERT_EQ(copy.size(), header + original.size() + (c.appended.empty() ? 0 : c.appended.size() + 1));
  std::map<int, std::string> changed;
  for (std::size_t i = 0; i < original.size(); ++i) {
    const std::string& now = copy[header + i];
    if (now != original[i]) changed[static_cast<int>(i) + 1] = now;
  }
  EXPECT_EQ(changed, c.changed);
  for (std::size_t i = 0; i < c.appended.size(); ++i) {
    EXPECT_EQ(copy[header + original.size() + 1 + i], c.appended[i]);
  }
  std::vector<std::string> warnings;
  for (const ScaledConfig& each : copies) {
    for (const ImportWarning& warning : each.warnings) {
      warnings.push_back(std::filesystem::path(warning.where.file).filename().string() + ":" +
                         std::to_string(warning.where.line) + ":" + std::to_string(warning.where.column));
      EXPECT_NE(warning.why.find("instead of " + std::string(c.scale)), std::string::npos) << warning.why;
    }
  }
  EXPECT_EQ(warnings, c.warnings);
}

INSTANTIATE_TEST_SUITE_P(
    Formats, ScaledFixture,
    ::testing::Values(
        FixtureCase{"pmta_3600",
                    MtaFormat::PowerMta,
                    {"pmta-timers.conf"},
                    "3600",
                    {{3, "    reply /421 4\\.7\\.0/ mode=backoff backoff-to-normal-after=2s"},
                     {4, "    reply /554 5\\.7\\.1/ disable-source-ip reenable-after=1s"},
                     {9, "    max-msg-rate 1800000/h"},
                     {10, "    max-connect-rate 36000/5m"},
                     {11, "    retry-after 1s,1s,4s"},
                     {12, "    bounce-after \"108s\""},
                     {13, "    backoff-retry-after 1s"},
                     {15, "    max-cold-virtual-mta-msg 720000/d"},
                     {16, "    source-ip-max-msg-rate 192.0.2.0/24 360000/h"}},
                    {"pmta-timers.conf:4:58", "pmta-timers.conf:11:17", "pmta-timers.conf:13:25"},
                    {}},
        FixtureCase{"pmta_slower",
                    MtaFormat::PowerMta,
                    {"pmta-timers.conf"},
                    "0.3",
                    {{3, "    reply /421 4\\.7\\.0/ mode=backoff backoff-to-normal-after=400m"},
                     {4, "    reply /554 5\\.7\\.1/ disable-source-ip reenable-after=100m"},
                     {9, "    max-msg-rate 150/h"},
                     {10, "    max-connect-rate 3/5m"},
                     {11, "    retry-after 50m,200m,800m"},
                     {12, "    bounce-after \"15d\""},
                     {13, "    backoff-retry-after 150m"},
                     {15, "    max-cold-virtual-mta-msg 60/d"},
                     {16, "    source-ip-max-msg-rate 192.0.2.0/24 30/h"}},
                    {},
                    {}},
        FixtureCase{"pmta_unchanged", MtaFormat::PowerMta, {"pmta-timers.conf"}, "1", {}, {}, {}},
        FixtureCase{"postfix_3600",
                    MtaFormat::Postfix,
                    {"postfix-timers-main.cf", "postfix-timers-master.cf"},
                    "3600",
                    {{2, "queue_run_delay = 1s"},
                     {4, "maximal_queue_lifetime = 2m"},  // a bare number is days here
                     {7, "relay_destination_rate_delay = 2s"}},
                    {"postfix-timers-main.cf:2:19", "postfix-timers-master.cf:3:27"},
                    {"# Added by delivsim import --time-scale 3600: Postfix's defaults (mail_params.h) for "
                     "the timers "
                     "this file leaves unset, divided by 3600",
                     "bounce_queue_lifetime = 2m"}},
        FixtureCase{
            "kumomta_3600",
            MtaFormat::KumoMta,
            {"kumomta-timers.toml"},
            "3600",
            {{4, "max_message_rate = \"local:360000/min,max_burst=5\""},
             {5, "max_connection_rate = \"3600000/hr\""},
             {10, "max_message_rate = \"25200/d\""},
             {14, "action = [{SetConfig={name=\"max_message_rate\", value=\"3600/minute\"}}, \"Suspend\"]"},
             {15, "trigger = {Threshold=\"7200/hr\"}"},
             {16, "duration = \"1500ms\""}},
            {},
            {}},
        FixtureCase{"kumomta_slower",
                    MtaFormat::KumoMta,
                    {"kumomta-timers.toml"},
                    "0.001",
                    {{4, "max_message_rate = \"local:6/h,max_burst=5\""},
                     {5, "max_connection_rate = \"1/hr\""},
                     {10, "max_message_rate = \"1/d\""},
                     {14, "action = [{SetConfig={name=\"max_message_rate\", value=\"1/d\"}}, \"Suspend\"]"},
                     {15, "trigger = {Threshold=\"1/d\"}"},
                     {16, "duration = 5400000"}},  // a number stays a number when whole seconds
                    {"kumomta-timers.toml:10:20", "kumomta-timers.toml:14:54", "kumomta-timers.toml:15:22"},
                    {}}),
    [](const ::testing::TestParamInfo<FixtureCase>& info) { return std::string(info.param.name); });

TEST(ScaledPostfix, MasterCfOverridesAreScaledAndTheQmgrsKeepTheirDefaultsUnwritten) {
  const std::vector<ScaledConfig> copies = time_scaled_configs(
      MtaFormat::Postfix, {kFixtures + "postfix-timers-main.cf", kFixtures + "postfix-timers-master.cf"},
      parse_time_scale("3600"));
  ASSERT_EQ(copies.size(), 2u);
  ASSERT_EQ(copies[1].values.size(), 1u);
  EXPECT_EQ(copies[1].values[0].name, "maximal_backoff_time");
  EXPECT_EQ(copies[1].values[0].new_text, "2s");
  // minimal_backoff_time refers to queue_run_delay: left as written, and said so.
  bool noted = false;
  for (const std::string& note : copies[0].notes)
    noted |= note.find("minimal_backoff_time $queue_run_delay") != std::string::npos;
  EXPECT_TRUE(noted);
  EXPECT_EQ(copies[0].appended.find("maximal_backoff_time"), std::string::npos);  // qmgr -o sets it
}

TEST(ScaledPmta, NamesTheTimersLeftAtPowerMtasDefaults) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "delivsim-pmta-defaults-note";
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "config";
  { std::ofstream(file) << "<domain *>\n  max-msg-rate 10/h\n</domain>\n"; }
  const std::vector<ScaledConfig> copies =
      time_scaled_configs(MtaFormat::PowerMta, {file}, parse_time_scale("60"));
  const std::string text = scaled_config_text(copies.front(), parse_time_scale("60"));
  EXPECT_NE(
      text.find(
          "# retry-after is not set here: PowerMTA's default 10m stays; at this scale write retry-after "
          "10s in <domain *>"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("bounce-after 108m in <domain *>"), std::string::npos) << text;
  std::filesystem::remove_all(dir);
}

TEST(ScaledConfigErrors, AMalformedTimerIsAnErrorAtItsPosition) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "delivsim-scale-errors";
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "main.cf";
  { std::ofstream(file) << "queue_run_delay = 300s\ntransport_retry_time = soon\n"; }
  try {
    time_scaled_configs(MtaFormat::Postfix, {file}, parse_time_scale("10"));
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.line, 2);
    EXPECT_EQ(error.column, 24);
    EXPECT_EQ(error.field, "transport_retry_time");
  }
  std::filesystem::remove_all(dir);
}

TEST(ScaledConfigErrors, ADefaultScaledPastWhatPostfixTakesIsAnErrorNamingIt) {
  // Found by import_fuzzer: slowing time down a million times makes Postfix's default maximal_queue_lifetime
  // (5d) longer than Postfix takes; it was an escaped std::overflow_error.
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "delivsim-scale-default-errors";
  std::filesystem::create_directories(dir);
  const std::filesystem::path file = dir / "main.cf";
  { std::ofstream(file) << "myhostname = mx.example.com\n"; }
  try {
    time_scaled_configs(MtaFormat::Postfix, {file}, parse_time_scale("0.000001"));
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& error) {
    EXPECT_EQ(error.file, file.string());
    EXPECT_NE(std::string(error.what()).find("is not set, and Postfix's default "), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("is longer than 100 years"), std::string::npos) << error.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace delivsim

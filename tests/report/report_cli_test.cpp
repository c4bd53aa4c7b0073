#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "sim/output/output_folder.h"
#include "sim/report/report.h"
#include "tests/cli_runner.h"
#include "tests/report/report_fixture.h"

namespace delivsim::testing {
namespace {

TEST(ReportCliTest, MissingRunDirExitsTwoNamingWhatWasExpected) {
  const CommandResult result = run_delivsim("report " + (fresh_test_dir() / "absent").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("no such folder"), std::string::npos) << result.output;
}

TEST(ReportCliTest, EmptyRunDirExitsTwo) {
  const CommandResult result = run_delivsim("report " + fresh_test_dir().string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("expected summary.json and timeseries.csv"), std::string::npos)
      << result.output;
}

TEST(ReportCliTest, WritesRunDirReportHtmlByDefaultAndOutWhenGiven) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  const CommandResult result = run_delivsim("report " + (dir / "run").string());
  EXPECT_EQ(result.exit_code, 0) << result.output;
  const std::string html = read_file(dir / "run" / "report.html");
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  EXPECT_EQ(
      run_delivsim("report " + (dir / "run").string() + " --out " + (dir / "copy.html").string()).exit_code,
      0);
  EXPECT_EQ(read_file(dir / "copy.html"), html);  // deterministic
}

/// `delivsim report` on a run folder whose `file` is replaced by `text`.
CommandResult report_damaged(const std::string& file, const std::string& text) {
  const std::filesystem::path dir = fresh_test_dir() / "run";
  write_run_outputs(small_report_scenario().run(), dir, false);
  write_file(dir / file, text);
  return run_delivsim("report " + dir.string());
}

void expect_bad_input_naming(const CommandResult& result, const std::string& message) {
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find(message), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("json.exception"), std::string::npos) << result.output;
}

TEST(ReportCliTest, SummaryNested100000DeepExitsTwoNamingTheFile) {
  expect_bad_input_naming(report_damaged("summary.json", std::string(100000, '[')),
                          "run/summary.json:1:65: arrays and objects nest deeper than 64 levels");
}

// The JSON library parses deep nesting, but printing it (a sweep's seed is printed as written) recursed once
// per level and overflowed the stack.
TEST(ReportCliTest, SweepWithASeedNested100000DeepExitsTwoNamingTheFile) {
  const std::filesystem::path dir = fresh_test_dir() / "sweep";
  write_file(dir / "sweep.json", R"({"scenario": "s", "axes": [{"path": "a", "values": [1]}], "seed": )" +
                                     std::string(100000, '[') + std::string(100000, ']') + "}");
  expect_bad_input_naming(run_delivsim("report " + dir.string()),
                          "sweep/sweep.json:1:130: arrays and objects nest deeper than 64 levels");
}

TEST(ReportCliTest, SummaryThatIsAnArrayExitsTwoNamingTheFile) {
  expect_bad_input_naming(report_damaged("summary.json", "[{\"scenario\": \"x\"}]"),
                          "run/summary.json: expected a JSON object ({...}) at the top, found array");
}

TEST(ReportCliTest, GarbageSummaryExitsTwoWithoutALibraryMessage) {
  expect_bad_input_naming(report_damaged("summary.json", "{\"scenario\": tru"),
                          "run/summary.json: not valid JSON: parse error at line 1, column 17");
}

// The line is the file's: a quoted name over two lines counts as two.
TEST(ReportCliTest, RaggedTimeseriesRowExitsTwoWithFileAndLine) {
  expect_bad_input_naming(report_damaged("timeseries.csv", "t_s,\"p.\nqueue\"\n0,1\n3600\n"),
                          "run/timeseries.csv:4: 1 cells for 2 columns");
}

/// A scenario whose names start like spreadsheet formulas: provider `=cmd`, pool `@pool`, traffic `+traffic`,
/// strategies `-fast` and `-slow`, a sweep over the provider's connections.
constexpr const char* kFormulaNamesScenario = R"yaml(name: formula-names
seed: 9
duration: 1d
identities:
  ips: [{address: 192.0.2.1, age: warm, established_per_day: 10000}]
  domains: [{name: example.com, age: warm, established_per_day: 10000}]
pools: {"@pool": [192.0.2.1]}
traffic:
  - {name: "+traffic", pool: "@pool", dkim_domain: example.com, campaign: {recipients: 300, at: 1h},
     domains: {example.org: 1.0}}
providers:
  "=cmd": {profile: gmail, domains: ["*"]}
sender:
  destinations:
    "=cmd": {max_smtp_out: 5}
strategies:
  - {name: -fast, set: {sender.destinations.=cmd.max_smtp_out: 5}}
  - {name: -slow, set: {sender.destinations.=cmd.max_smtp_out: 1}}
sweep:
  - {path: sender.destinations.=cmd.max_smtp_out, values: [1, 2]}
)yaml";

/// The fields of `line` (RFC 4180, no line breaks inside fields) after unquoting.
std::vector<std::string> csv_line_fields(const std::string& line) {
  std::vector<std::string> fields{""};
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (line[i] == '"') {
      quoted = !quoted;
    } else if (line[i] == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += line[i];
    }
  }
  return fields;
}

/// True when a spreadsheet would run `field` as a formula: it starts with = + @ tab CR, or with - and is not
/// a number.
bool runs_as_formula(const std::string& field) {
  if (field.empty()) return false;
  if (field.front() != '-') return std::string("=+@\t\r").find(field.front()) != std::string::npos;
  char* end = nullptr;
  std::strtod(field.c_str(), &end);
  return end != field.c_str() + field.size();
}

TEST(ReportCliTest, NamesThatStartLikeFormulasAreEscapedInEveryCsvAndReadBack) {
  const std::filesystem::path dir = fresh_test_dir();
  write_file(dir / "formula.yaml", kFormulaNamesScenario);
  const std::string file = (dir / "formula.yaml").string();
  for (const std::string& command : {"run " + file + " --accounting --out " + (dir / "run").string(),
                                     "run " + file + " -r 2 --out " + (dir / "reps").string(),
                                     "compare " + file + " --out " + (dir / "compare").string(),
                                     "sweep " + file + " --out " + (dir / "sweep").string()}) {
    ASSERT_EQ(run_delivsim(command + " -q").exit_code, 0) << command;
  }
  std::set<std::string> escaped;
  int csv_files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".csv") continue;
    ++csv_files;
    std::istringstream lines(read_file(entry.path()));
    for (std::string line; std::getline(lines, line);) {
      for (const std::string& field : csv_line_fields(line)) {
        EXPECT_FALSE(runs_as_formula(field)) << entry.path() << ": " << field;
        if (field.starts_with('\''))
          escaped.insert(entry.path().filename().string() + " " + field.substr(0, 6));
      }
    }
  }
  // run: 2, reps: 1 + 2 (one per replication), compare: 1 + 2 (one per strategy), sweep: 1.
  EXPECT_EQ(csv_files, 9);
  for (const char* expected :
       {"timeseries.csv '=cmd.", "timeseries_bands.csv '=cmd.", "accounting.csv '+traf",
        "accounting.csv '@pool", "compare.csv '-fast", "compare.csv '-slow"}) {
    EXPECT_EQ(escaped.count(expected), 1u) << expected;
  }
  for (const char* folder : {"run", "reps", "compare", "sweep"}) {
    const CommandResult report = run_delivsim("report " + (dir / folder).string());
    ASSERT_EQ(report.exit_code, 0) << folder << ": " << report.output;
    const std::string html = read_file(dir / folder / "report.html");
    if (std::string(folder) == "sweep" || std::string(folder) == "compare") continue;
    // The queue chart draws and labels a provider only when it finds the provider's column by name.
    const std::size_t chart = html.find("id=\"chart-queue\"");
    ASSERT_NE(chart, std::string::npos) << folder;
    const std::string svg = html.substr(chart, html.find("</svg>", chart) - chart);
    EXPECT_NE(svg.find(">=cmd</text>"), std::string::npos) << folder;
  }
}

TEST(ReportCliTest, AnOutInAMissingFolderIsAUsageError) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  const CommandResult result = run_delivsim("report " + (dir / "run").string() + " --out " +
                                            (dir / "no" / "such" / "r.html").string());
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find((dir / "no" / "such").string() + " is not an existing folder"),
            std::string::npos)
      << result.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "no"));
}

TEST(ReportCliTest, OutReplacesOnlyARegularFile) {
  const std::filesystem::path dir = fresh_test_dir();
  write_run_outputs(small_report_scenario().run(), dir / "run", false);
  ASSERT_EQ(mkfifo((dir / "fifo").c_str(), 0600), 0);
  const CommandResult fifo =
      run_delivsim("report " + (dir / "run").string() + " --out " + (dir / "fifo").string());
  EXPECT_EQ(fifo.exit_code, 2) << fifo.output;
  EXPECT_NE(
      fifo.output.find("refusing to replace " + (dir / "fifo").string() + ": it is a FIFO (named pipe)"),
      std::string::npos)
      << fifo.output;
  EXPECT_TRUE(std::filesystem::is_fifo(dir / "fifo"));
  const CommandResult folder = run_delivsim("report " + (dir / "run").string() + " --out " + dir.string());
  EXPECT_EQ(folder.exit_code, 2) << folder.output;
  EXPECT_NE(folder.output.find("it is a folder"), std::string::npos) << folder.output;
  const CommandResult empty = run_delivsim("report " + (dir / "run").string() + " --out ''");
  EXPECT_EQ(empty.exit_code, 2) << empty.output;
  EXPECT_NE(empty.output.find("--out: expected a file path, got ''"), std::string::npos) << empty.output;
}

TEST(ReportCliTest, TheDefaultReportIsAFileAnOutputFolderMayHold) {
  EXPECT_NE(std::find(kDelivsimOutputNames.begin(), kDelivsimOutputNames.end(), report::kDefaultReportName),
            kDelivsimOutputNames.end());
}

}  // namespace
}  // namespace delivsim::testing

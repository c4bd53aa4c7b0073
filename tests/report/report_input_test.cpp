// A damaged or hand-edited run folder: every malformed file is a ReportInputError naming the file (and the
// line or key), never a JSON library message, a crash, a hang or memory that grows with the file.
#include <sys/stat.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <functional>

#include "sim/report/json_file.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "tests/report/report_fixture.h"

namespace delivsim::report {
namespace {

using testing::read_file;
using testing::write_file;

/// A run folder written by write_run_outputs once per process (ctest runs the cases in parallel processes,
/// so the folder is named by process id); each case copies it and damages the copy.
const std::filesystem::path& intact_run() {
  static const std::filesystem::path dir = [] {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("delivsim_report_intact_run_" + std::to_string(getpid()));
    std::filesystem::remove_all(path);
    write_run_outputs(testing::small_report_scenario().run(), path, false);
    return path;
  }();
  return dir;
}

/// summary.json of intact_run() with `edit` applied to its text's first occurrence of `from`.
std::string edited_summary(const std::string& from, const std::string& to) {
  std::string text = read_file(intact_run() / "summary.json");
  const std::size_t at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("summary.json lacks " + from);
  return text.replace(at, from.size(), to);
}

struct DamageCase {
  std::string name;
  std::string file;  ///< the file of the run folder that is replaced
  std::function<std::string()> text;
  std::string message;  ///< expected in the error, after "<folder>/"
};

class DamagedRunFolder : public ::testing::TestWithParam<DamageCase> {};

TEST_P(DamagedRunFolder, IsAReportInputErrorNamingTheFile) {
  const std::filesystem::path dir = testing::fresh_test_dir() / "run";
  std::filesystem::copy(intact_run(), dir);
  write_file(dir / GetParam().file, GetParam().text());
  try {
    report_html(dir);
    FAIL() << "the damaged folder was reported";
  } catch (const ReportInputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find((dir / GetParam().message).string()), std::string::npos) << message;
    EXPECT_EQ(message.find("json.exception"), std::string::npos) << message;
  }
}

std::string csv_of(const std::string& header, int rows, const std::string& last) {
  std::string text = header + "\n";
  for (int row = 0; row < rows; ++row) text += std::to_string(row * 3600) + ",1\n";
  return text + last;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, DamagedRunFolder,
    ::testing::Values(
        DamageCase{"DeepNesting", "summary.json", [] { return std::string(100000, '['); },
                   "summary.json:1:65: arrays and objects nest deeper than 64 levels"},
        DamageCase{"TooManyValues", "summary.json",
                   [] {
                     std::string text = "{\"x\": [";
                     for (int i = 0; i < 1000000; ++i) text += "0,";
                     return text + "0]}";
                   },
                   "summary.json:1:2000005: more than 1000000 values"},
        DamageCase{"ObjectTooWide", "summary.json",
                   [] {
                     std::string text = "{\"x\": {\"k0\": 0";
                     for (int i = 1; i <= 1000; ++i) text += ",\"k" + std::to_string(i) + "\": 0";
                     return text + "}}";
                   },
                   "summary.json:1:9897: an object with more than 1000 members"},
        DamageCase{"TopLevelArray", "summary.json", [] { return std::string("[1, 2]"); },
                   "summary.json: expected a JSON object ({...}) at the top, found array"},
        DamageCase{"TopLevelNumber", "summary.json", [] { return std::string("3"); },
                   "summary.json: expected a JSON object ({...}) at the top, found number"},
        DamageCase{"Truncated", "summary.json",
                   [] { return read_file(intact_run() / "summary.json").substr(0, 40); },
                   "summary.json: not valid JSON: parse error at line"},
        DamageCase{"Garbage", "summary.json",
                   [] {
                     return std::string(
                         "\x7f"
                         "ELF\x02\x01\x01\0\0",
                         9);
                   },
                   "summary.json: not valid JSON"},
        DamageCase{"Empty", "summary.json", [] { return std::string(); }, "summary.json: not valid JSON"},
        DamageCase{"NotUtf8", "summary.json",
                   [] { return edited_summary("\"scenario\": \"", "\"scenario\": \"\xff"); },
                   "summary.json: not valid JSON"},
        DamageCase{
            "TooLarge", "summary.json", [] { return std::string(kMaxJsonFileBytes + 1, ' '); },
            "summary.json: " + std::to_string(kMaxJsonFileBytes + 1) + " bytes, larger than the 16 MiB"},
        DamageCase{"ProvidersAnArray", "summary.json",
                   [] { return edited_summary("\"providers\": {", "\"providers\": [], \"x\": {"); },
                   "summary.json: not a run's summary.json: providers: expected an object, found array"},
        DamageCase{"CountNotAString", "summary.json",
                   [] { return edited_summary("\"injected\": ", "\"injected\": \"a\", \"x\": "); },
                   "summary.json: not a run's summary.json: totals.injected: expected a whole number"},
        DamageCase{"CountOutOfRange", "summary.json",
                   [] { return edited_summary("\"injected\": ", "\"injected\": 1e300, \"x\": "); },
                   "summary.json: not a run's summary.json: totals.injected: expected a whole number (at "
                   "most 2^63 - 1), found the number 1e+300"},
        DamageCase{
            "ReplyCountNotWhole", "summary.json",
            [] {
              return edited_summary("\"deferrals_by_reply\": {", "\"deferrals_by_reply\": {\"x\": \"a\", ");
            },
            "summary.json: not a run's summary.json: providers.p.deferrals_by_reply.x: expected a whole "
            "number (at most 2^63 - 1), found string"},
        DamageCase{"MissingKey", "summary.json", [] { return edited_summary("\"seed\":", "\"seed_\":"); },
                   "summary.json: not a run's summary.json: seed: missing"},
        DamageCase{"NegativeSpan", "summary.json",
                   [] { return edited_summary("\"simulated_s\": ", "\"simulated_s\": -1, \"x\": "); },
                   "summary.json: not a run's summary.json: simulated_s: expected 0 to"},
        DamageCase{"CellNotANumber", "timeseries.csv", [] { return csv_of("t_s,p.queue", 1, "3600,abc\n"); },
                   "timeseries.csv:3: column 'p.queue': 'abc' is not a number"},
        DamageCase{"TimeMissing", "timeseries.csv", [] { return csv_of("t_s,p.queue", 1, ",1\n"); },
                   "timeseries.csv:3: t_s: expected a number of seconds"},
        DamageCase{"RaggedRow", "timeseries.csv", [] { return csv_of("t_s,p.queue", 2, "7200\n"); },
                   "timeseries.csv:4: 1 cells for 2 columns"},
        DamageCase{"EmptyCsv", "timeseries.csv", [] { return std::string(); },
                   "timeseries.csv: empty, expected a header line starting with t_s"},
        DamageCase{"NoTimeColumn", "timeseries.csv", [] { return std::string("time,p.queue\n0,1\n"); },
                   "timeseries.csv:1: the first column must be t_s"},
        DamageCase{"HeaderNotUtf8", "timeseries.csv", [] { return csv_of("t_s,p.\xc3(", 1, ""); },
                   "timeseries.csv:1: the name of column 2 is not UTF-8 text"},
        DamageCase{"QuoteNotClosed", "timeseries.csv", [] { return csv_of("t_s,p.queue", 1, "\"3600,1\n"); },
                   "timeseries.csv:3: a quoted field is not closed before the end of the file"},
        DamageCase{"RecordTooLong", "timeseries.csv",
                   [] { return csv_of("t_s,p.queue", 1, std::string(5 << 20, '1')); },
                   "timeseries.csv:3: a record longer than 4096 KiB"}),
    [](const ::testing::TestParamInfo<DamageCase>& info) { return info.param.name; });

TEST(DamagedRunFolderAlone, BracketsInsideStringsDoNotCountAsNesting) {
  const std::filesystem::path dir = testing::fresh_test_dir() / "run";
  std::filesystem::copy(intact_run(), dir);
  write_file(dir / "summary.json",
             edited_summary("\"scenario\": \"", "\"scenario\": \"" + std::string(100, '[')));
  EXPECT_NE(report_html(dir).find(std::string(100, '[')), std::string::npos);
}

TEST(DamagedRunFolderAlone, TimeseriesThatIsAFifoIsRefusedWithoutWaiting) {
  const std::filesystem::path dir = testing::fresh_test_dir() / "run";
  std::filesystem::copy(intact_run(), dir);
  std::filesystem::remove(dir / "timeseries.csv");
  ASSERT_EQ(::mkfifo((dir / "timeseries.csv").c_str(), 0600), 0);
  try {
    report_html(dir);
    FAIL() << "a FIFO was read as timeseries.csv";
  } catch (const ReportInputError& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "timeseries.csv").string() + ": not a regular file"),
              std::string::npos)
        << e.what();
  }
}

TEST(DamagedRunFolderAlone, MissingTimeseriesIsNamed) {
  const std::filesystem::path dir = testing::fresh_test_dir() / "run";
  std::filesystem::copy(intact_run(), dir);
  std::filesystem::remove(dir / "timeseries.csv");
  EXPECT_THROW(
      {
        try {
          report_html(dir);
        } catch (const ReportInputError& e) {
          EXPECT_EQ(std::string(e.what()), (dir / "timeseries.csv").string() + ": no such file");
          throw;
        }
      },
      ReportInputError);
}

}  // namespace
}  // namespace delivsim::report

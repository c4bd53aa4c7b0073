// libFuzzer target: what `delivsim report` reads from a run folder or a live run's folder (a summary.json
// with "mode", read by the live reader). The input is summary.json's text, then a NUL, then timeseries.csv's
// text; both are written to a private folder and the report is made from it. Every input must give a report
// or a ReportInputError.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "sim/report/report.h"
#include "sim/report/report_error.h"
#include "tests/fuzz/own_folder.h"

namespace {

/// A folder of this process's own, made once.
const std::filesystem::path& run_folder() {
  static const delivsim::fuzz::OwnFolder folder("delivsim_report_fuzz_");
  return folder.path();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\0');
  delivsim::fuzz::write_bytes(run_folder() / "summary.json", input.substr(0, split));
  delivsim::fuzz::write_bytes(run_folder() / "timeseries.csv",
                              split == std::string_view::npos ? "" : input.substr(split + 1));
  try {
    delivsim::report::report_html(run_folder());
  } catch (const delivsim::report::ReportInputError&) {
  }
  return 0;
}

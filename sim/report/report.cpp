#include "sim/report/report.h"

#include "sim/output/output_dir.h"
#include "sim/output/text_file.h"
#include "sim/report/compare_report.h"
#include "sim/report/html_page.h"
#include "sim/report/json_file.h"
#include "sim/report/live_report.h"
#include "sim/report/report_error.h"
#include "sim/report/robust_report.h"
#include "sim/report/run_folder.h"
#include "sim/report/run_report.h"
#include "sim/report/sweep_report.h"

namespace delivsim::report {

std::string report_html(const std::filesystem::path& run_dir) {
  if (!std::filesystem::is_directory(run_dir)) {
    throw ReportInputError(run_dir.string() +
                           ": no such folder (expected the output folder of delivsim run, " +
                           "compare, compare --robust, sweep or serve)");
  }
  if (has_compare(run_dir)) return page_html("delivsim compare report", compare_html(run_dir));
  if (has_sweep(run_dir)) return page_html("delivsim sweep report", sweep_html(run_dir));
  if (has_robust(run_dir)) return page_html("delivsim robust compare report", robust_html(run_dir));
  if (has_run_summary(run_dir)) {
    const nlohmann::ordered_json summary = read_json_object_file(run_dir / kSummaryJsonName);
    if (is_live_summary(summary)) {
      const LiveFolder folder = read_live_folder(run_dir, summary);
      return page_html("delivsim live report: " + folder.summary.scenario, live_folder_html(folder));
    }
    const RunFolder folder = read_run_folder(run_dir, summary);
    return page_html("delivsim report: " + folder.run.scenario, run_folder_html(folder));
  }
  throw ReportInputError(
      run_dir.string() +
      ": nothing to report: expected summary.json and timeseries.csv (delivsim run or serve), "
      "compare.json (delivsim compare), sweep.json (delivsim sweep) or robust.json (delivsim compare "
      "--robust)");
}

void write_report(const std::filesystem::path& run_dir, const std::filesystem::path& out) {
  write_text_file_atomically(out, report_html(run_dir));
}

}  // namespace delivsim::report

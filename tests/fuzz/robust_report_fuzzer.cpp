// libFuzzer target: what `delivsim report` reads from a `compare --robust` folder. The input is robust.json's
// text, written to a private folder from which the report is made. Every input must give a report or a
// ReportInputError.
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
const std::filesystem::path& robust_folder() {
  static const delivsim::fuzz::OwnFolder folder("delivsim_robust_fuzz_");
  return folder.path();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  delivsim::fuzz::write_bytes(robust_folder() / "robust.json",
                              std::string_view(reinterpret_cast<const char*>(data), size));
  try {
    delivsim::report::report_html(robust_folder());
  } catch (const delivsim::report::ReportInputError&) {
  }
  return 0;
}

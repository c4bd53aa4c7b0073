// libFuzzer target: what `delivsim merge` reads from a part folder: a run record (sim/output/run_record.h) as
// a cluster shard or an MPI rank ships it, and a part's manifest (part.json, sim/batch/batch_part.h). Every
// input goes to both readers; each must give its value or its own error (RunRecordError, BatchPartError: any
// other exception escapes, and libFuzzer reports it). A record that parses must come back exactly: its
// result written again and parsed again gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/batch/batch_part.h"
#include "sim/output/run_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  try {
    delivsim::parse_part_manifest(input, "part.json");
  } catch (const delivsim::BatchPartError&) {
  }
  delivsim::RunResult result;
  try {
    result = delivsim::parse_run_record(input);
  } catch (const delivsim::RunRecordError&) {
    return 0;
  }
  const std::string bytes = delivsim::run_record_bytes(result);
  if (delivsim::run_record_bytes(delivsim::parse_run_record(bytes)) != bytes) __builtin_trap();
  return 0;
}

#pragma once
/// @file The run record: one run's RunResult as lossless binary (CBOR), shipped from a cluster shard or an
/// MPI rank to the process that merges a batch. parse_run_record(run_record_bytes(r)) gives back r exactly,
/// so merged outputs are byte-identical to a single-machine run.
///
/// Layout: the CBOR (nlohmann::json::to_cbor) of one JSON object with "format": "delivsim run record",
/// "version": kRunRecordVersion and one key per RunResult field, named as the field (a Duration as
/// "<name>_ms", an integer count of milliseconds). Structs are objects keyed by their field names, vectors
/// are arrays, maps are objects, an empty optional is null, enums are their numbers (Tier, IdentityKind,
/// SeriesColumn::Kind, ReplyKind: reordering one is an incompatible change). The time series is
/// {"interval_ms", "columns": [names], "kinds": [numbers], "rows": [[cells]]}. The accounting records are
/// parallel arrays, one per AccountingRecord field ("type" and "reply_kind" as byte strings, one byte per
/// record; "logged_ms", "queued_ms", "message_id", "recipient", "traffic", "provider", "ip", "domain",
/// "reply" as integer arrays). Doubles keep their bits (CBOR writes a double as a float only when that is
/// exact), but every NaN comes back as the one quiet NaN.
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/output/run_result.h"

namespace delivsim {

/// The run record's format version (raised on any incompatible change).
inline constexpr int kRunRecordVersion = 1;

/// The value of a run record's "format" key.
inline constexpr std::string_view kRunRecordFormat = "delivsim run record";

/// Thrown by parse_run_record: a damaged or foreign record; the message says what is wrong and where (the
/// field's path, e.g. "providers[1].latency.p95_s: expected a number").
struct RunRecordError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `result` as a run record: CBOR (nlohmann::json::to_cbor) of a JSON object {"format": "delivsim run
/// record", "version": 1, ...every field...}. Deterministic: the same result gives the same bytes.
std::string run_record_bytes(const RunResult& result);

/// The RunResult of a record; throws RunRecordError for anything but a record run_record_bytes wrote (bad
/// CBOR, wrong format/version, a missing or mistyped field, an enum value out of range, an accounting index
/// out of its table's range, an accounting type other than 'd', 'b', 't', a row whose cell count differs from
/// the columns, negative counts, durations or sizes, a time series interval that is not positive). Never
/// crashes or allocates without bound on hostile bytes: nesting deeper than a record's is refused before the
/// CBOR is decoded, and every container is at most as long as the bytes that hold it.
RunResult parse_run_record(std::string_view bytes);

}  // namespace delivsim

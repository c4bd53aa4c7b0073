#pragma once
/// @file A configuration file's time-scaled copy (`delivsim import --time-scale K --config-out DIR`): the
/// original bytes with each scaled value rewritten where the importer's parser found it, a header that says
/// what changed, and lines appended for timers the file leaves at the MTA's default.
#include <string>
#include <string_view>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/time_scale.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// The first line of every copy delivsim writes; an existing file is replaced only when it starts so.
inline constexpr std::string_view kScaledConfigMarker = "# Written by delivsim import --time-scale";

/// One value rewritten.
struct ScaledValue {
  SourcePosition at;     ///< where old_text starts: the input file, 1-based line and byte column
  std::string name;      ///< the directive or parameter ("retry-after", "minimal_backoff_time")
  std::string old_text;  ///< exactly the bytes replaced
  std::string new_text;  ///< what replaces them
  bool rounded = false;  ///< new_text is the nearest value the MTA can write, not the exact one
};

/// A file's copy being built.
struct ScaledConfig {
  std::string file;                     ///< the input as given (the file of every position)
  std::string original;                 ///< its bytes
  std::string mta;                      ///< "PowerMTA", "Postfix", "KumoMTA": named in the header
  std::vector<ScaledValue> values;      ///< in file order
  std::vector<std::string> notes;       ///< header comment lines after the changes (without "# ")
  std::string appended;                 ///< text added after the original (its own comment lines included)
  std::vector<ImportWarning> warnings;  ///< a value rounded: its effective scale differs from K

  /// Records a value; `rounding` (empty when exact) becomes a warning at `at`.
  void add(const SourcePosition& at, std::string name, std::string old_text, std::string new_text,
           const std::string& rounding);
};

/// The copy's text: the marker line, one comment line per change (`file:line: name old -> new`), the notes,
/// then the original with every value's bytes replaced, then `appended`. Throws std::logic_error when a
/// value's old_text is not at its position (a parser position that does not point at the value).
std::string scaled_config_text(const ScaledConfig& config, const TimeScale& scale);

/// The byte offset of 1-based `line` and byte `column` in `text`, or text.size() when there is none.
std::size_t offset_of(std::string_view text, int line, int column);

}  // namespace delivsim

#pragma once
/// @file Reading a JSON file of a run folder (summary.json, compare.json, sweep.json) without trusting it:
/// size and nesting are bounded before the text reaches the parser, and every problem names the file.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

namespace delivsim::report {

/// Largest JSON file a report reads, bytes. delivsim's own files stay far below it.
inline constexpr std::uintmax_t kMaxJsonFileBytes = 16 * 1024 * 1024;

/// Deepest nesting of arrays and objects a report parses (delivsim writes at most 4 levels). The parser
/// and the document's destructor recurse once per level, so deeper text is refused before parsing.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// Most values a report parses in one JSON file (counted as brackets and commas: an upper bound of the
/// arrays, objects and their items). Keeps the parsed document near 100 MB however the text is shaped.
inline constexpr std::size_t kMaxJsonValues = 1000000;

/// Most members of one JSON object a report parses: the key-ordered document finds a key by a linear search,
/// so an object of n members costs n^2 to build (delivsim's largest hold a few dozen).
inline constexpr std::size_t kMaxJsonObjectMembers = 1000;

/// The JSON object in `path` (key order kept). Throws ReportInputError naming the file when it is not a
/// regular file, cannot be read, is larger than kMaxJsonFileBytes, nests deeper than kMaxJsonDepth, holds
/// more than kMaxJsonValues values or an object of more than kMaxJsonObjectMembers (with line and column), is
/// not valid JSON (with line and column) or is valid JSON but not an object.
nlohmann::ordered_json read_json_object_file(const std::filesystem::path& path);

/// The words of a JSON library error without its "[json.exception.type_error.302] " tag (and cut after 200
/// bytes), for messages that name the file the value came from.
std::string json_problem(const nlohmann::json::exception& error);

}  // namespace delivsim::report

#include "sim/report/json_file.h"

#include <fstream>
#include <limits>
#include <vector>

#include "sim/report/report_error.h"

namespace delivsim::report {

namespace {

std::string read_bounded_text(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw ReportInputError(path.string() + ": no such file");
  if (!std::filesystem::is_regular_file(path, error)) {
    throw ReportInputError(path.string() + ": not a regular file");
  }
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) throw ReportInputError(path.string() + ": cannot read (" + error.message() + ")");
  if (size > kMaxJsonFileBytes) {
    throw ReportInputError(path.string() + ": " + std::to_string(size) + " bytes, larger than the " +
                           std::to_string(kMaxJsonFileBytes / (1024 * 1024)) +
                           " MiB a report reads (delivsim writes far smaller files)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ReportInputError(path.string() + ": cannot read");
  // One byte more than the size found above: a file that grew meanwhile is refused, not read on.
  std::string text(static_cast<std::size_t>(size) + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw ReportInputError(path.string() + ": cannot read");
  if (static_cast<std::uintmax_t>(in.gcount()) > size) {
    throw ReportInputError(path.string() + ": changed while it was read");
  }
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

/// Throws when arrays and objects in `text` nest deeper than kMaxJsonDepth, it holds more than
/// kMaxJsonValues values (each bracket and comma outside strings counts one) or an object has more than
/// kMaxJsonObjectMembers members, naming the line and column of the bracket or comma that goes past the
/// limit.
void check_shape(const std::string& text, const std::filesystem::path& path) {
  // For each open array or object, outermost first: kArray, or the object's members so far (commas + 1).
  constexpr std::size_t kArray = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> open;
  std::size_t values = 0;
  bool in_string = false;
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto refuse = [&](const std::string& problem) {
      throw ReportInputError(path.string() + ":" + std::to_string(line) + ":" +
                             std::to_string(i - line_start + 1) + ": " + problem +
                             " (delivsim writes far less)");
    };
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{' || c == ',') {
      if (++values > kMaxJsonValues) refuse("more than " + std::to_string(kMaxJsonValues) + " values");
      if (c != ',') {
        if (open.size() == kMaxJsonDepth) {
          refuse("arrays and objects nest deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
        open.push_back(c == '[' ? kArray : 1);
      } else if (!open.empty() && open.back() != kArray && ++open.back() > kMaxJsonObjectMembers) {
        refuse("an object with more than " + std::to_string(kMaxJsonObjectMembers) + " members");
      }
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
}

}  // namespace

std::string json_problem(const nlohmann::json::exception& error) {
  // The library quotes what it read last, which may be a whole (unterminated) string of the file.
  constexpr std::size_t kShownBytes = 200;
  const std::string what = error.what();
  const std::size_t tag_end = what.starts_with("[json.exception.") ? what.find("] ") : std::string::npos;
  const std::string problem = tag_end == std::string::npos ? what : what.substr(tag_end + 2);
  return problem.size() > kShownBytes ? problem.substr(0, kShownBytes) + "..." : problem;
}

nlohmann::ordered_json read_json_object_file(const std::filesystem::path& path) {
  const std::string text = read_bounded_text(path);
  check_shape(text, path);
  nlohmann::ordered_json document;
  try {
    document = nlohmann::ordered_json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    throw ReportInputError(path.string() + ": not valid JSON: " + json_problem(e));
  }
  if (!document.is_object()) {
    throw ReportInputError(path.string() + ": expected a JSON object ({...}) at the top, found " +
                           std::string(document.type_name()));
  }
  return document;
}

}  // namespace delivsim::report

#include "sim/import/postfix_files.h"

#include "sim/import/postfix_lines.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

enum class Kind { Main, Master, Table };

Kind kind_of(const std::filesystem::path& path, const std::string& text, const std::string& file) {
  const std::string name = path.filename().string();
  if (name.ends_with("main.cf")) return Kind::Main;
  if (name.ends_with("master.cf")) return Kind::Master;
  const std::vector<PostfixLine> lines = postfix_lines(text, file);
  if (lines.empty()) return Kind::Table;
  const std::string& first = lines.front().text;
  if (looks_like_postfix_service_line(first)) return Kind::Master;
  const std::size_t equals = first.find('=');
  std::string_view name_part = std::string_view(first).substr(0, equals);
  while (!name_part.empty() && (name_part.back() == ' ' || name_part.back() == '\t'))
    name_part.remove_suffix(1);
  if (equals != std::string::npos && is_postfix_parameter_name(name_part)) return Kind::Main;
  return Kind::Table;
}

[[noreturn]] void fail_second(const std::string& file, const std::string& what, const std::string& first) {
  throw ScenarioError(file, 0, 0, "", "is a second " + what + " (the first is " + first + ")",
                      "one main.cf, at most one master.cf, and lookup tables");
}

}  // namespace

PostfixFiles read_postfix_files(const std::vector<std::filesystem::path>& files) {
  PostfixFiles result;
  for (const std::filesystem::path& path : files) {
    const std::string file = path.string();
    const std::string text = read_scenario_file(path);
    switch (kind_of(path, text, file)) {
      case Kind::Main:
        if (!result.main_file.empty()) fail_second(file, "main.cf", result.main_file);
        result.main_file = file;
        result.main = parse_postfix_main_cf(text, file);
        break;
      case Kind::Master:
        if (result.master_file) fail_second(file, "master.cf", *result.master_file);
        result.master_file = file;
        result.services = parse_postfix_master_cf(text, file);
        break;
      case Kind::Table:
        result.tables.push_back(PostfixTable{file, parse_postfix_transport_map(text, file)});
        break;
    }
  }
  if (result.main_file.empty()) {
    throw ScenarioError(files.empty() ? std::string() : files.front().string(), 0, 0, "",
                        "no main.cf among the files given",
                        "main.cf (a file named main.cf, or one of 'name = value' lines), and optionally "
                        "master.cf and the transport maps main.cf names");
  }
  return result;
}

}  // namespace delivsim

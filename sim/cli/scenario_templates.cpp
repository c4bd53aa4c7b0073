#include "sim/cli/scenario_templates.h"

#include <array>
#include <stdexcept>
#include <system_error>

namespace delivsim {

namespace {

// The one table of templates: each is self-contained (it names no other file), so a copy runs anywhere.
constexpr std::array<ScenarioTemplate, 5> kTemplates{{
    {"warmup", "gmail-warmup.yaml",
     "a new IP and domain warmed up to Gmail over three weeks under daily caps (the first run to try)"},
    {"cold-blast", "gmail-cold-blast.yaml",
     "the same list blasted at once from the same new IP: what the warm-up avoids"},
    {"strategies", "gmail-strategies.yaml",
     "four sending strategies for one newsletter, compared by `delivsim compare`"},
    {"sweep", "gmail-sweep.yaml",
     "a `delivsim sweep` over connections and retry interval with an objective and a constraint"},
    {"regression", "regression/warmup.yaml",
     "the warm-up with `expect:` lines, a policy regression test for `delivsim check`"},
}};

/// The folder of the running executable (Linux: /proc/self/exe), or empty when it cannot be known.
std::filesystem::path executable_folder() {
  std::error_code error;
  const std::filesystem::path self = std::filesystem::canonical("/proc/self/exe", error);
  return error ? std::filesystem::path{} : self.parent_path();
}

bool holds_every_template(const std::filesystem::path& folder) {
  std::error_code error;
  for (const ScenarioTemplate& entry : kTemplates) {
    if (!std::filesystem::is_regular_file(folder / entry.file, error)) return false;
  }
  return true;
}

}  // namespace

std::span<const ScenarioTemplate> scenario_templates() {
  return kTemplates;
}

std::vector<std::string_view> scenario_template_names() {
  std::vector<std::string_view> names;
  for (const ScenarioTemplate& entry : kTemplates) names.push_back(entry.name);
  return names;
}

const ScenarioTemplate* find_scenario_template(std::string_view name) {
  for (const ScenarioTemplate& entry : kTemplates) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

std::vector<TemplateHome> template_homes() {
  std::vector<TemplateHome> homes;
  if (const std::filesystem::path bin = executable_folder(); !bin.empty()) {
    const std::filesystem::path share = bin.parent_path() / "share" / "delivsim";
    homes.push_back({share / "scenarios", share / "scenario.schema.json"});
  }
  const std::filesystem::path source(DELIVSIM_SOURCE_DIR);
  homes.push_back({source / "scenarios", source / "docs" / "scenario.schema.json"});
  return homes;
}

TemplateHome find_template_home() {
  const std::vector<TemplateHome> homes = template_homes();
  std::string searched;
  for (const TemplateHome& home : homes) {
    if (holds_every_template(home.scenarios)) return home;
    searched += (searched.empty() ? "" : ", ") + home.scenarios.string();
  }
  throw std::runtime_error("the scenario templates were not found (searched " + searched +
                           "); reinstall delivsim or run it from its build tree");
}

}  // namespace delivsim

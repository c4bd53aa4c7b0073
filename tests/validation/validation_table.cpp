// Prints the body of docs/validation.md: every lesson at the defaults and with each parameter it depends on
// at either end of its plausible range. Usage: validation_table [THREADS] > table.md
#include <algorithm>
#include <atomic>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "tests/validation/robustness.h"

namespace delivsim::validation {
namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : separator) + item;
  return text;
}

std::string scenarios_of(const Lesson& lesson) {
  std::vector<std::string> names;
  for (const LessonRun& run : lesson.runs) {
    std::string name = "`" + run.scenario + "`";
    if (!run.overrides.empty()) name += " with `" + joined(run.overrides, " ") + "`";
    names.push_back(run.label + ": " + name);
  }
  return joined(names, "; ");
}

int print_table(unsigned threads) {
  const std::vector<Lesson>& all = lessons();
  const std::vector<RobustnessCase> cases = robustness_cases();
  std::vector<LessonVerdict> defaults(all.size()), varied(cases.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < all.size() + cases.size(); i = next++) {
      if (i < all.size()) {
        defaults[i] = all[i].judge(run_lesson(all[i]));
      } else {
        const RobustnessCase& c = cases[i - all.size()];
        varied[i - all.size()] =
            c.lesson->judge(run_lesson(*c.lesson, {param_override(*c.lesson, c.param, c.value)}));
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < std::max(1u, threads); ++t) pool.emplace_back(work);
  for (std::thread& t : pool) t.join();

  std::cout << "| lesson | source | figure at the defaults | holds | flipped by |\n|---|---|---|---|---|\n";
  for (std::size_t l = 0; l < all.size(); ++l) {
    std::vector<std::string> flips;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (cases[i].lesson == &all[l] && !varied[i].holds) flips.push_back("`" + cases[i].label() + "`");
    }
    std::cout << "| `" << all[l].id << "` | " << all[l].source << " | " << defaults[l].figure << " | "
              << (defaults[l].holds && defaults[l].mechanism_failures.empty() ? "yes" : "**no**") << " | "
              << (flips.empty() ? "none" : joined(flips, ", ")) << " |\n";
  }
  for (std::size_t l = 0; l < all.size(); ++l) {
    std::cout << "\n### `" << all[l].id << "`\n\n"
              << all[l].claim << " (" << all[l].source << ").\n\n"
              << "Runs: " << scenarios_of(all[l])
              << ".\n\n| parameter | value | figure | holds |\n|---|---|---|---|\n"
              << "| (defaults) | | " << defaults[l].figure << " | " << (defaults[l].holds ? "yes" : "**no**")
              << " |\n";
    for (const std::string& failure : defaults[l].mechanism_failures) {
      std::cout << "| (defaults) | | mechanism check failed: " << failure << " | **no** |\n";
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (cases[i].lesson != &all[l]) continue;
      std::cout << "| `" << cases[i].param << "` | " << cases[i].value << " | " << varied[i].figure << " | "
                << (varied[i].holds ? "yes" : "**no**") << " |\n";
    }
  }
  return 0;
}

}  // namespace
}  // namespace delivsim::validation

int main(int argc, char** argv) {
  const unsigned threads =
      argc > 1 ? static_cast<unsigned>(std::stoul(argv[1])) : std::thread::hardware_concurrency();
  return delivsim::validation::print_table(threads);
}

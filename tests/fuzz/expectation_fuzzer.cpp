// libFuzzer target: the expectation language of `expect:` lists ("<figure> <op> <value>", functions over
// replications, share_of_worlds(...) and wins(...) over receiver worlds). Every input must parse or throw
// ExpectationSyntaxError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/scenario/expectation.h"
#include "sim/scenario/world_expectation.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    delivsim::parse_expectation(text);
  } catch (const delivsim::ExpectationSyntaxError&) {
  }
  try {
    delivsim::parse_figure_path(text);
  } catch (const delivsim::ExpectationSyntaxError&) {
  }
  try {
    delivsim::parse_world_expectation(text);
  } catch (const delivsim::ExpectationSyntaxError&) {
  }
  return 0;
}

#pragma once
/// @file The error of an output path that cannot be used: a usage error (the CLI exits 2), found before a
/// run.
#include <stdexcept>
#include <string>

namespace delivsim {

/// An output folder or file that delivsim will not write: it would replace something delivsim did not
/// write, its name is too long, or its parent is not a writable folder. what() says which path and why.
struct OutputPathError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace delivsim

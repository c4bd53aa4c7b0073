#pragma once
/// @file The error a report throws when its run folder holds nothing it can read.
#include <stdexcept>
#include <string>

namespace delivsim::report {

/// The run folder is missing, holds none of the files a report reads, or one of them is malformed. The
/// message names the folder or file and what was expected (`delivsim report` exits 2 on it).
class ReportInputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace delivsim::report

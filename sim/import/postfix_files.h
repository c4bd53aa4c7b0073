#pragma once
/// @file Which of the files given to `delivsim import postfix` is main.cf, master.cf or a lookup table.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/import/postfix_main_cf.h"
#include "sim/import/postfix_master_cf.h"
#include "sim/import/postfix_transport_map.h"

namespace delivsim {

/// A lookup table given on the command line (postmap source form), matched later against transport_maps.
struct PostfixTable {
  std::string file;                  ///< as given, for positions
  std::vector<PostfixRoute> routes;  ///< its entries
};

/// The files, sorted by kind.
struct PostfixFiles {
  std::string main_file;                   ///< main.cf as given
  std::vector<PostfixParameter> main;      ///< its parameters
  std::optional<std::string> master_file;  ///< master.cf as given, when there is one
  std::vector<PostfixService> services;    ///< its services
  std::vector<PostfixTable> tables;        ///< the other files, in the order given
};

/// Reads and sorts `files`: a file named main.cf (or ending in "main.cf") is main.cf, one named master.cf
/// (or ending in "master.cf") is master.cf; any other file is sorted by its first logical line: a master.cf
/// service line makes it master.cf, `name = value` main.cf, anything else a lookup table. Throws
/// ScenarioError for a file that cannot be read or is malformed, for a second main.cf or master.cf, and when
/// there is no main.cf.
PostfixFiles read_postfix_files(const std::vector<std::filesystem::path>& files);

}  // namespace delivsim

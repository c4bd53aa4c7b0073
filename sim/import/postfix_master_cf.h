#pragma once
/// @file Postfix's master.cf: one service per logical line, `service type private unpriv chroot wakeup
/// maxproc command [args]`, with `-o name=value` arguments overriding main.cf for that service (master(5)).
#include <string>
#include <string_view>
#include <vector>

#include "sim/import/postfix_main_cf.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// One service line.
struct PostfixService {
  std::string name;     ///< the service name: a transport name for `unix` services ("smtp", "gmail-out")
  std::string type;     ///< inet, unix, unix-dgram, fifo or pass
  std::string command;  ///< the program ("smtp", "smtpd", "local", ...)
  SourcePosition at;    ///< where the service name is written
  std::vector<PostfixParameter> overrides;  ///< its `-o name=value` arguments, in order
};

/// The services of master.cf `text` (read from `file`), in file order. Throws ScenarioError at a line with
/// fewer than 8 fields, an unknown service type, a `-o` without `name=value`, or an unbalanced `{ }`.
std::vector<PostfixService> parse_postfix_master_cf(std::string_view text, const std::string& file);

/// Whether `text` looks like a master.cf service line: at least 8 fields, the second a service type.
bool looks_like_postfix_service_line(std::string_view text);

}  // namespace delivsim

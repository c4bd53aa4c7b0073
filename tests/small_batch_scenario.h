#pragma once
// The small scenario the parser tests of batch keys append their lines to.
#include <string>

namespace delivsim::testing {

/// One IP, one domain, a 1,000-recipient campaign `mail` and Gmail at max_smtp_out 5 (14 lines), followed by
/// `tail`, which starts on line 15.
inline std::string small_scenario_with(const std::string& tail) {
  return "name: t\n"
         "identities:\n"
         "  ips: [{address: 192.0.2.1}]\n"
         "  domains: [{name: example.com}]\n"
         "pools:\n"
         "  main: [192.0.2.1]\n"
         "traffic:\n"
         "  - name: mail\n"
         "    pool: main\n"
         "    dkim_domain: example.com\n"
         "    campaign: {recipients: 1000}\n"
         "sender:\n"
         "  destinations:\n"
         "    gmail: {max_smtp_out: 5}\n" +
         tail;
}

}  // namespace delivsim::testing

#pragma once
// The identity table the receiver tests build their receivers on.
#include <vector>

#include "models/receiver.h"

namespace delivsim {

/// One IP, one DKIM domain and one SPF domain (identity indices 0, 1, 2), all warm or all new, each with an
/// established volume of `per_day` messages a day.
inline std::vector<Receiver::IdentitySetup> one_ip_one_domain(bool warm, double per_day) {
  return {{IdentityKind::Ip, warm, per_day},
          {IdentityKind::Dkim, warm, per_day},
          {IdentityKind::Spf, warm, per_day}};
}

}  // namespace delivsim

#pragma once
/// @file What delivsim knows about PowerMTA directives it does not model: why each is left out, which
/// names are PowerMTA's at all (for "did you mean" hints), and which only circulate on web pages.
#include <string>
#include <string_view>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/pmta_syntax.h"
#include "sim/import/time_scale.h"

namespace delivsim {

/// The directive and block names delivsim reads from a PowerMTA config (modelled or not): the candidates
/// of close-match hints.
const std::vector<std::string_view>& pmta_known_names();

/// The warning for `item`, a directive or block that the importer does not use, `where_used` naming the
/// block it is in ("" at the top level, "<domain gmail.com>"). The reason says why: a documented
/// directive's effect delivsim does not simulate, a name that is not PowerMTA's (from SEO pages, domain-facts
/// 2.1) or an unknown one, each with a hint when a known name is close.
ImportWarning pmta_unused(const PmtaItem& item, std::string_view where_used);

/// Whether directive `name` is a timer (retry-after, bounce-after, backoff-retry-after,
/// backoff-to-normal-after, reenable-source-ip-after, retry-recipients-after, ...), a rate (max-msg-rate,
/// max-connect-rate, their backoff- forms, source-ip-max-*-rate, max-cold-virtual-mta-msg) or neither
/// (counts, switches, SMTP timeouts such as connect-timeout and data-send-timeout, unknown names).
TimeScaling pmta_time_scaling(std::string_view name);

/// A warning at `item` with `why` as given.
ImportWarning pmta_warning(const PmtaItem& item, std::string why);

}  // namespace delivsim

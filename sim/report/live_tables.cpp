#include "sim/report/live_tables.h"

#include <algorithm>
#include <utility>

#include "sim/output/number_format.h"
#include "sim/report/figure_format.h"
#include "sim/report/table_cells.h"

namespace delivsim::report {

namespace {

/// `part` / `whole` as a percentage with `decimals` decimals; "—" when `whole` is 0.
HtmlCell ratio_cell(std::int64_t part, std::int64_t whole, int decimals) {
  if (whole == 0) return missing_cell();
  return {format_percent(static_cast<double>(part) / static_cast<double>(whole), decimals), "num"};
}

void add_reply_rows(HtmlTable& table, const LiveProvider& provider, const char* outcome,
                    const std::map<std::string, std::int64_t>& by_reply) {
  std::vector<std::pair<std::string, std::int64_t>> sorted(by_reply.begin(), by_reply.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [reply, count] : sorted) {
    table.rows.push_back({{provider.name, ""},
                          {outcome, ""},
                          {reply, ""},
                          count_cell(count),
                          ratio_cell(count, provider.attempts, 1)});
  }
}

}  // namespace

HtmlTable live_provider_table(const LiveSummary& live) {
  HtmlTable table{
      "live-providers",
      {"provider", "connections", "connections refused", "replies about mail", "accepted", "inbox share",
       "deferrals", "bounces", "complaints", "complaint rate (of inbox)", "bytes received"},
      {},
      {}};
  for (const LiveProvider& provider : live.providers) {
    table.rows.push_back({{provider.name, ""},
                          count_cell(provider.connections),
                          count_cell(provider.connections_refused),
                          count_cell(provider.attempts),
                          count_cell(provider.delivered),
                          ratio_cell(provider.delivered_inbox, provider.delivered, 1),
                          count_cell(provider.deferrals),
                          count_cell(provider.bounces),
                          count_cell(provider.complaints),
                          ratio_cell(provider.complaints, provider.delivered_inbox, 2),
                          count_cell(provider.bytes_received)});
  }
  return table;
}

HtmlTable live_reply_table(const LiveSummary& live) {
  HtmlTable table{
      "live-replies", {"provider", "outcome", "reply", "count", "share of replies about mail"}, {}, {}};
  for (const LiveProvider& provider : live.providers) {
    add_reply_rows(table, provider, "deferral", provider.deferrals_by_reply);
    add_reply_rows(table, provider, "bounce", provider.bounces_by_reply);
  }
  return table;
}

HtmlTable live_identity_table(const LiveSummary& live) {
  HtmlTable table{"live-identities", {"provider", "kind", "id", "final tier", "score"}, {}, {}};
  for (const LiveProvider& provider : live.providers) {
    for (const LiveIdentity& identity : provider.identities) {
      table.rows.push_back({{provider.name, ""},
                            {std::string(identity_kind_name(identity.kind)), ""},
                            {identity.id, ""},
                            {std::string(tier_name(identity.tier)), tier_class(identity.tier)},
                            {format_fixed(identity.score, 2), "num"}});
    }
  }
  return table;
}

}  // namespace delivsim::report

#include "sim/cli/log_stats_text.h"

#include <sstream>

#include "sim/output/duration_format.h"
#include "sim/output/number_format.h"
#include "sim/output/text_table.h"
#include "sim/output/utc_time.h"

namespace delivsim {

namespace {

using Align = TextTable::Align;

std::string share(std::int64_t part, std::int64_t whole) {
  return whole ? format_percent(static_cast<double>(part) / static_cast<double>(whole), 1) : "-";
}

std::string named_counts(const acctlog::NamedCounts& counts) {
  std::string text;
  for (const auto& [name, count] : counts)
    text += (text.empty() ? "" : ", ") + name + " " + format_count(count);
  return text;
}

void read_section(std::ostringstream& out, const acctlog::LogStatsResult& r) {
  out << "Records: " << format_count(r.records) << " d, b and t records counted";
  if (r.outside_window) out << ", " << format_count(r.outside_window) << " outside --from/--until";
  out << "\n";
  if (!r.other_types.empty())
    out << "Other record types, not counted: " << named_counts(r.other_types) << "\n";
  if (r.lumped_records) {
    out << format_count(r.lumped_records) << " records of domains past the first " << acctlog::kMaxDomainRows
        << " are in the row " << acctlog::kOtherDomainsRow << "\n";
  }
  if (r.late_for_hourly) {
    out << format_count(r.late_for_hourly) << " records logged more than " << acctlog::kOpenHours
        << " hours after newer ones are left out of the hourly shares\n";
  }
  if (r.latency_unusable) {
    out << format_count(r.latency_unusable)
        << " deliveries without a usable timeQueued are left out of the latency\n";
  }
  for (const std::string& what : r.not_computed) out << "Not computed: " << what << "\n";
}

/// The alerts of one grouping: per domain (`per_domain`) or per provider.
void alerts_section(std::ostringstream& out, const std::vector<acctlog::HourAlert>& alerts, bool per_domain) {
  out << (per_domain
              ? "\nHourly deferral share alerts per domain (UTC clock hours; levels of the domain's "
                "provider):\n"
              : "\nHourly deferral share alerts per provider (its domains together, as summary.json's):\n");
  if (alerts.empty()) {
    out << "  none\n";
    return;
  }
  std::vector<TextTable::Column> columns{
      {"provider", Align::Left}, {"hour", Align::Left}, {"attempts"}, {"deferrals"}, {"share"},
      {"level", Align::Left}};
  if (per_domain) columns.insert(columns.begin(), {"domain", Align::Left});
  TextTable table(std::move(columns));
  for (const acctlog::HourAlert& a : alerts) {
    std::vector<std::string> cells{a.provider,
                                   format_utc_timestamp_ms(UtcTime(Duration(a.hour_start))).substr(0, 16),
                                   format_count(a.attempts),
                                   format_count(a.deferrals),
                                   share(a.deferrals, a.attempts),
                                   a.level};
    if (per_domain) cells.insert(cells.begin(), a.domain);
    table.add_row(std::move(cells));
  }
  out << table.render("  ");
}

void domains_section(std::ostringstream& out, const acctlog::LogStatsResult& r) {
  out << "\nPer domain:\n";
  TextTable table({{"domain", Align::Left},
                   {"provider", Align::Left},
                   {"attempts"},
                   {"delivered"},
                   {"bounced"},
                   {"expired"},
                   {"deferrals"},
                   {"deferral rate"},
                   {"unusual >"},
                   {"act >"}});
  const auto add = [&](const acctlog::DomainFigures& f, const std::string& provider,
                       const std::string& unusual, const std::string& act) {
    table.add_row({f.domain, provider, format_count(f.attempts), format_count(f.delivered),
                   format_count(f.bounced), format_count(f.expired), format_count(f.deferrals),
                   share(f.deferrals, f.attempts), unusual, act});
  };
  for (const acctlog::DomainFigures& f : r.domains) {
    add(f, f.provider, format_percent(f.alert_unusual_share, 1), format_percent(f.alert_act_share, 1));
  }
  add(r.totals, "", "", "");
  out << table.render("  ");
}

/// One table of `counts` per domain (rows: domain, name, count), under `title`.
void by_name_section(std::ostringstream& out, const acctlog::LogStatsResult& r, const std::string& title,
                     const std::string& heading, acctlog::NamedCounts acctlog::DomainFigures::*counts) {
  out << "\n" << title << ":\n";
  TextTable table({{"domain", Align::Left}, {heading, Align::Left}, {"count"}, {"share"}});
  std::int64_t rows = 0;
  for (const acctlog::DomainFigures& f : r.domains) {
    std::int64_t total = 0;
    for (const auto& entry : f.*counts) total += entry.second;
    for (const auto& [name, count] : f.*counts) {
      table.add_row({f.domain, name, format_count(count), share(count, total)});
      ++rows;
    }
  }
  out << (rows ? table.render("  ") : "  none\n");
}

void latency_section(std::ostringstream& out, const acctlog::LogStatsResult& r) {
  out << "\nDelivery latency (timeLogged - timeQueued of d records):\n";
  TextTable table({{"domain", Align::Left}, {"deliveries"}, {"mean"}, {"p50"}, {"p95"}, {"p99"}, {"max"}});
  const auto add = [&](const acctlog::DomainFigures& f) {
    const acctlog::LatencyFigures l = f.latency.figures();
    if (l.count == 0) return;
    table.add_row({f.domain, format_count(l.count), format_elapsed(l.mean_s), format_elapsed(l.p50_s),
                   format_elapsed(l.p95_s), format_elapsed(l.p99_s), format_elapsed(l.max_s)});
  };
  for (const acctlog::DomainFigures& f : r.domains) add(f);
  add(r.totals);
  out << (r.totals.latency.count() ? table.render("  ") : "  none\n");
}

}  // namespace

std::string log_stats_text(const acctlog::LogStatsResult& result) {
  std::ostringstream out;
  read_section(out, result);
  alerts_section(out, result.alerts, true);
  alerts_section(out, result.provider_alerts, false);
  if (result.alerts_not_listed) {
    out << "  (" << format_count(result.alerts_not_listed) << " more alert hours not listed)\n";
  }
  domains_section(out, result);
  by_name_section(out, result, "Deferrals by reply", "reply", &acctlog::DomainFigures::deferrals_by_reply);
  by_name_section(out, result, "Bounces by reply", "reply", &acctlog::DomainFigures::bounces_by_reply);
  by_name_section(out, result, "Bounces by category", "bounceCat",
                  &acctlog::DomainFigures::bounces_by_category);
  latency_section(out, result);
  return out.str();
}

}  // namespace delivsim

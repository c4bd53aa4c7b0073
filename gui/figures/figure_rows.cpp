#include "gui/figures/figure_rows.h"

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace delivsim::gui {

namespace {

using Value = std::optional<double>;

const QString kDot = QStringLiteral(" \u00b7 ");

/// A figure of delivered mail (an inbox share, a latency): none when nothing was delivered.
Value of_delivered(std::int64_t delivered, double value) {
  return delivered > 0 ? Value(value) : std::nullopt;
}

FigureRow header(const QString& name) {
  return FigureRow{name, FigureUnit::Count, std::nullopt, {}};
}

/// The row of the headline figure whose key is `key`: its label, unit, direction and value.
FigureRow headline_row(std::string_view key) {
  const HeadlineFigure& figure = headline_figures()[*headline_figure_index(key)];
  return FigureRow{QString::fromStdString(figure_heading(figure)), figure.unit, figure.better,
                   [&figure](const RunResult&, const Headline& headline) { return figure.value(headline); }};
}

/// A count of the run's totals.
FigureRow totals_count(const QString& name, std::optional<Better> better,
                       std::int64_t (*count)(const MessageCounts&)) {
  return FigureRow{name, FigureUnit::Count, better, [count](const RunResult& run, const Headline&) -> Value {
                     return static_cast<double>(count(run.totals));
                   }};
}

/// `row` with the counts its share divides.
FigureRow with_counts(FigureRow row, FigureCounts counts) {
  row.counts = std::move(counts);
  return row;
}

/// A share of the run's totals, `part` of `whole`.
FigureCounts totals_share(std::int64_t MessageCounts::*part, std::int64_t MessageCounts::*whole) {
  return [part, whole](const RunResult& run) -> std::optional<ShareCounts> {
    return ShareCounts{run.totals.*part, run.totals.*whole};
  };
}

std::vector<FigureRow> totals_rows() {
  return {
      header(QStringLiteral("Totals")),
      totals_count(QStringLiteral("Injected"), std::nullopt,
                   [](const MessageCounts& c) { return c.injected; }),
      totals_count(QStringLiteral("Delivered"), Better::Higher,
                   [](const MessageCounts& c) { return c.delivered; }),
      with_counts(headline_row("delivered_share"),
                  totals_share(&MessageCounts::delivered, &MessageCounts::injected)),
      with_counts(FigureRow{QStringLiteral("Inbox share"), FigureUnit::Share, Better::Higher,
                            [](const RunResult& run, const Headline&) -> Value {
                              return of_delivered(run.totals.delivered, run.totals.inbox_share());
                            }},
                  totals_share(&MessageCounts::delivered_inbox, &MessageCounts::delivered)),
      totals_count(QStringLiteral("Attempts"), Better::Lower,
                   [](const MessageCounts& c) { return c.attempts; }),
      totals_count(QStringLiteral("Deferrals"), Better::Lower,
                   [](const MessageCounts& c) { return c.deferrals; }),
      with_counts(headline_row("deferral_rate"),
                  totals_share(&MessageCounts::deferrals, &MessageCounts::attempts)),
      headline_row("max_queue"),
      totals_count(QStringLiteral("Queued at end"), Better::Lower,
                   [](const MessageCounts& c) { return c.queued_at_end; }),
      headline_row("time_to_drain_s"),
      headline_row("p95_latency_s"),
      headline_row("final_tier"),
      headline_row("bounced"),
      headline_row("expired"),
  };
}

const ProviderResult* provider_named(const RunResult& run, const std::string& name) {
  const auto it = std::find_if(run.providers.begin(), run.providers.end(),
                               [&](const ProviderResult& p) { return p.name == name; });
  return it != run.providers.end() ? &*it : nullptr;
}

const TrafficResult* traffic_named(const RunResult& run, const std::string& name) {
  const auto it = std::find_if(run.traffic.begin(), run.traffic.end(),
                               [&](const TrafficResult& t) { return t.name == name; });
  return it != run.traffic.end() ? &*it : nullptr;
}

/// The names of `current`'s entries, then those only `pinned` has.
template <typename Entry>
std::vector<std::string> names_of(const std::vector<Entry>& current, const std::vector<Entry>* pinned) {
  std::vector<std::string> names;
  for (const Entry& entry : current) names.push_back(entry.name);
  if (!pinned) return names;
  for (const Entry& entry : *pinned) {
    if (std::find(names.begin(), names.end(), entry.name) == names.end()) names.push_back(entry.name);
  }
  return names;
}

/// A figure of the provider named `provider`.
FigureRow provider_row(const std::string& provider, const QString& figure, FigureUnit unit, Better better,
                       Value (*value)(const ProviderResult&)) {
  return FigureRow{QString::fromStdString(provider) + kDot + figure, unit, better,
                   [provider, value](const RunResult& run, const Headline&) -> Value {
                     const ProviderResult* found = provider_named(run, provider);
                     if (!found) return std::nullopt;
                     return value(*found);
                   }};
}

/// A figure of the traffic source named `traffic`.
FigureRow traffic_row(const std::string& traffic, const QString& figure, FigureUnit unit, Better better,
                      Value (*value)(const TrafficResult&)) {
  return FigureRow{QString::fromStdString(traffic) + kDot + figure, unit, better,
                   [traffic, value](const RunResult& run, const Headline&) -> Value {
                     const TrafficResult* found = traffic_named(run, traffic);
                     if (!found) return std::nullopt;
                     return value(*found);
                   }};
}

void add_reply_rows(std::vector<FigureRow>& rows, const RunResult& current, const RunResult* pinned) {
  rows.push_back(header(QStringLiteral("Deferrals by reply code")));
  for (const std::string& provider : names_of(current.providers, pinned ? &pinned->providers : nullptr)) {
    std::set<std::string> replies;
    for (const RunResult* run : {&current, pinned}) {
      const ProviderResult* found = run ? provider_named(*run, provider) : nullptr;
      if (!found) continue;
      for (const auto& [reply, count] : found->deferrals_by_reply) replies.insert(reply);
    }
    for (const std::string& reply : replies) {
      rows.push_back(FigureRow{
          QString::fromStdString(provider) + kDot + QString::fromStdString(reply), FigureUnit::Count,
          Better::Lower, [provider, reply](const RunResult& run, const Headline&) -> Value {
            const ProviderResult* found = provider_named(run, provider);
            if (!found) return std::nullopt;
            const auto it = found->deferrals_by_reply.find(reply);
            return static_cast<double>(it != found->deferrals_by_reply.end() ? it->second : 0);
          }});
    }
  }
}

void add_provider_rows(std::vector<FigureRow>& rows, const RunResult& current, const RunResult* pinned) {
  rows.push_back(header(QStringLiteral("Per provider")));
  for (const std::string& provider : names_of(current.providers, pinned ? &pinned->providers : nullptr)) {
    rows.push_back(
        provider_row(provider, QStringLiteral("max queue"), FigureUnit::Count, Better::Lower,
                     [](const ProviderResult& p) -> Value { return static_cast<double>(p.max_queue); }));
    rows.push_back(provider_row(
        provider, QStringLiteral("p95 latency"), FigureUnit::Latency, Better::Lower,
        [](const ProviderResult& p) -> Value { return of_delivered(p.counts.delivered, p.latency.p95_s); }));
  }
}

void add_traffic_rows(std::vector<FigureRow>& rows, const RunResult& current, const RunResult* pinned) {
  const std::vector<std::string> names = names_of(current.traffic, pinned ? &pinned->traffic : nullptr);
  if (names.empty()) return;
  rows.push_back(header(QStringLiteral("Per traffic source")));
  for (const std::string& traffic : names) {
    const auto traffic_share = [traffic](std::int64_t TrafficResult::*part,
                                         std::int64_t TrafficResult::*whole) {
      return [traffic, part, whole](const RunResult& run) -> std::optional<ShareCounts> {
        const TrafficResult* found = traffic_named(run, traffic);
        if (!found) return std::nullopt;
        return ShareCounts{(*found).*part, (*found).*whole};
      };
    };
    rows.push_back(
        with_counts(traffic_row(traffic, QStringLiteral("delivered share"), FigureUnit::Share, Better::Higher,
                                [](const TrafficResult& t) -> Value {
                                  if (t.injected == 0) return std::nullopt;
                                  return static_cast<double>(t.delivered) / static_cast<double>(t.injected);
                                }),
                    traffic_share(&TrafficResult::delivered, &TrafficResult::injected)));
    rows.push_back(with_counts(
        traffic_row(
            traffic, QStringLiteral("inbox share"), FigureUnit::Share, Better::Higher,
            [](const TrafficResult& t) -> Value { return of_delivered(t.delivered, t.inbox_share()); }),
        traffic_share(&TrafficResult::delivered_inbox, &TrafficResult::delivered)));
    rows.push_back(traffic_row(
        traffic, QStringLiteral("p50 latency"), FigureUnit::Latency, Better::Lower,
        [](const TrafficResult& t) -> Value { return of_delivered(t.delivered, t.latency.p50_s); }));
    rows.push_back(traffic_row(
        traffic, QStringLiteral("p95 latency"), FigureUnit::Latency, Better::Lower,
        [](const TrafficResult& t) -> Value { return of_delivered(t.delivered, t.latency.p95_s); }));
  }
}

}  // namespace

std::vector<FigureRow> figure_rows(const RunResult& current, const RunResult* pinned) {
  std::vector<FigureRow> rows = totals_rows();
  add_reply_rows(rows, current, pinned);
  add_provider_rows(rows, current, pinned);
  add_traffic_rows(rows, current, pinned);
  return rows;
}

}  // namespace delivsim::gui

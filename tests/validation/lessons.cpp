// The lessons of the validation suite. Each judge states the conclusion (`holds`) and the checks that it
// holds for the documented reason (`mechanism_failures`); docs/validation.md tabulates them.
#include <algorithm>
#include <cmath>

#include "sim/output/number_format.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "tests/scenario_fixture.h"
#include "tests/validation/lesson.h"
#include "tests/validation/lesson_figures.h"

namespace delivsim::validation {
namespace {

/// Collects the mechanism checks of one verdict: `check(condition, what)` notes `what` when it fails.
struct Checks {
  std::vector<std::string> failures;
  void check(bool condition, const std::string& what) {
    if (!condition) failures.push_back(what);
  }
};

double ratio(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

std::string pct(double share) {
  return format_percent(share, 2);
}

// Seeds 001, 002: a new identity has no baseline, so Gmail's quota admits little of a cold blast.
Lesson warmup_beats_cold_blast() {
  return {
      "warmup-beats-cold-blast",
      "Warming a new IP and domain up avoids the quota deferrals (421 4.7.28) a cold blast of the same list "
      "gets, and delivers more",
      "seeds 001, 002",
      {{"warm-up", "gmail-warmup", {}}, {"blast", "gmail-cold-blast", {}}},
      {"new_identity_score", "tier_medium_min", "quota_floor_medium", "quota_growth_medium", "quota_burst",
       "baseline_window_days", "score_rise_per_day", "max_connections_per_ip"},
      [](const std::vector<RunResult>& r) {
        const ProviderResult &warmup = gmail(r[0]), &blast = gmail(r[1]);
        const double warmup_share = deferral_share(warmup, "421 4.7.28");
        const double blast_share = deferral_share(blast, "421 4.7.28");
        LessonVerdict v;
        v.holds = warmup.counts.delivered > blast.counts.delivered && warmup_share < blast_share / 5;
        v.figure = "4.7.28 share " + pct(warmup_share) + " vs " + pct(blast_share) + "; delivered " +
                   format_count(warmup.counts.delivered) + " vs " + format_count(blast.counts.delivered);
        Checks c;
        c.check(blast_share > 0.02, "the blast's 421 4.7.28 share is above 2%");
        c.check(records(r[1], RecordFilter().reply(ReplyKind::QuotaExceeded)) >
                    4 * records(r[1], RecordFilter().reply(ReplyKind::LowReputation)),
                "the blast is held by the quota (4.7.28), not by a reputation collapse (4.7.0)");
        v.mechanism_failures = c.failures;
        return v;
      }};
}

// Seeds 002, 004: retrying a throttling receiver every minute hardens the 421s into a 550 5.7.1 block.
Lesson aggressive_retry_hardens_into_block() {
  return {
      "aggressive-retry-hardens-into-block",
      "Retrying 421s every minute on 20 connections hardens into 550 5.7.1; honouring them (seed 002's "
      "schedule, seed 003's patterns) is never blocked and delivers at least as much",
      "seeds 002, 003, 004",
      {{"aggressive", "retry-aggressive", {}}, {"backoff", "retry-backoff", {}}},
      {"hammer_penalty", "hammer_tolerance_per_hour", "hammer_ratio_saturation", "block_deferrals_per_hour",
       "block_duration", "score_fall_per_day", "tier_low_min", "quota_floor_medium"},
      [](const std::vector<RunResult>& r) {
        const ProviderResult &aggressive = gmail(r[0]), &backoff = gmail(r[1]);
        const std::int64_t blocked = bounces(aggressive, "550 5.7.1");
        LessonVerdict v;
        v.holds = blocked > 0 && bounces(backoff, "550 5.7.1") == 0 &&
                  backoff.counts.delivered >= aggressive.counts.delivered;
        v.figure = "550 5.7.1 bounces " + format_count(blocked) + " vs " +
                   format_count(bounces(backoff, "550 5.7.1")) + "; delivered " +
                   format_count(aggressive.counts.delivered) + " vs " +
                   format_count(backoff.counts.delivered);
        Checks c;
        c.check(ratio(aggressive.counts.attempts, aggressive.counts.delivered) >=
                    3 * ratio(backoff.counts.attempts, backoff.counts.delivered),
                "aggressive retry costs at least 3x the attempts per delivered message");
        c.check(aggressive.counts.deferrals > 3 * backoff.counts.deferrals,
                "the block follows hammering: the aggressive run gets 3x the 4xx replies");
        v.mechanism_failures = c.failures;
        return v;
      }};
}

// Google's sender guidelines: never reach a 0.3% spam rate; above it mitigation is lost and mail throttled.
Lesson spam_rate_above_bad_throttles() {
  return {"spam-rate-above-0.3-percent-throttles",
          "A list whose spam rate crosses 0.3% is throttled far more and ends at a worse tier than one under "
          "0.1%",
          "Google sender guidelines; seed 001",
          {{"0.4% complaints", "complaints-high", {}}, {"0.05% complaints", "complaints-low", {}}},
          {"spam_penalty_above_bad", "mitigation_score_cap", "low_tier_defer_share", "spam_rate_min_inbox",
           "score_fall_per_day", "tier_low_min", "tier_medium_min", "engagement_bonus_max"},
          [](const std::vector<RunResult>& r) {
            const ProviderResult &high = gmail(r[0]), &low = gmail(r[1]);
            Tier high_worst = Tier::High, low_worst = Tier::High;
            for (const IdentityResult& i : r[0].identities) high_worst = std::min(high_worst, i.final_tier);
            for (const IdentityResult& i : r[1].identities) low_worst = std::min(low_worst, i.final_tier);
            LessonVerdict v;
            v.holds = high.deferral_rate > 2 * low.deferral_rate && high_worst < low_worst;
            v.figure = "deferral share " + pct(high.deferral_rate) + " vs " + pct(low.deferral_rate) +
                       "; worst tier " + std::string(tier_name(high_worst)) + " vs " +
                       std::string(tier_name(low_worst));
            Checks c;
            c.check(peak_spam_rate(r[0]) > 0.003 && peak_spam_rate(r[1]) < 0.003,
                    "the daily spam rates are on either side of 0.3%");
            const std::int64_t reputation = records(r[0], RecordFilter().reply(ReplyKind::LowReputation)) +
                                            records(r[0], RecordFilter().reply(ReplyKind::QuotaExceeded));
            c.check(reputation >= 0.8 * static_cast<double>(records(r[0], RecordFilter().deferred())),
                    "the high list's deferrals are reputation replies (4.7.0 low reputation, 4.7.28)");
            v.mechanism_failures = c.failures;
            return v;
          }};
}

/// complaints-low with every complaint rate set to `rate` (a decimal, e.g. "0.0015") for 14 days.
LessonRun complaint_rate_run(const std::string& label, const std::string& rate) {
  return {label, "complaints-low", {"duration=14d", "traffic[0].list.segments[0].complaint_rate=" + rate}};
}

// Google's sender guidelines: keep the spam rate below 0.1% and never reach 0.3%; in between, the worse the
// rate, the worse the placement and throttling (graduated, not a cliff at 0.3%). The third list complains at
// 0.20%: at 0.25% a day's measured rate crosses 0.3% by chance in about one seed in four (noise on
// ~10,000 inbox deliveries a day), which locks the sender and is the cliff, not the graduation.
Lesson spam_rate_graduated() {
  return {
      "spam-rate-graduated-between-0.1-and-0.3-percent",
      "Between Google's 0.1% and 0.3% lines each rise in the spam rate puts more mail in the spam folder, "
      "and from 0.15% on it draws more deferrals",
      "Google sender guidelines",
      {complaint_rate_run("0.05%", "0.0005"), complaint_rate_run("0.15%", "0.0015"),
       complaint_rate_run("0.20%", "0.0020"), complaint_rate_run("0.35%", "0.0035")},
      {"spam_penalty_at_bad", "spam_penalty_above_bad", "engagement_bonus_max", "inbox_share_high",
       "inbox_share_medium", "score_fall_per_day", "tier_high_min", "spam_rate_min_inbox"},
      [](const std::vector<RunResult>& r) {
        std::string inbox, deferred;
        bool placement_falls = true, deferrals_rise = true;
        for (std::size_t i = 0; i < r.size(); ++i) {
          const MessageCounts& counts = gmail(r[i]).counts;
          inbox += (i ? " / " : "") + pct(counts.inbox_share());
          deferred += (i ? " / " : "") + pct(counts.deferral_rate());
          if (i == 0) continue;
          const MessageCounts& before = gmail(r[i - 1]).counts;
          placement_falls = placement_falls && counts.inbox_share() < before.inbox_share();
          if (i >= 2) deferrals_rise = deferrals_rise && counts.deferral_rate() > before.deferral_rate();
        }
        LessonVerdict v;
        v.holds = placement_falls && deferrals_rise;
        v.figure = "inbox " + inbox + "; deferred " + deferred;
        Checks c;
        const double peaks[] = {peak_spam_rate(r[0]), peak_spam_rate(r[1]), peak_spam_rate(r[2]),
                                peak_spam_rate(r[3])};
        c.check(peaks[0] < 0.001 && peaks[1] > 0.001 && peaks[2] < 0.003 && peaks[3] > 0.003,
                "the measured daily spam rates fall on the intended sides of 0.1% and 0.3%");
        v.mechanism_failures = c.failures;
        return v;
      }};
}

/// gmail-volume-step with the day-7 step stream at `rate` a day on top of the steady 20,000.
LessonRun volume_step_run(const std::string& label, const std::string& rate) {
  return {label, "gmail-volume-step", {"traffic[1].stream.rate=" + rate}};
}

// Google's sender FAQ: suddenly doubling the volume over the recent baseline hurts.
Lesson volume_doubling_punished() {
  return {
      "volume-doubling-punished",
      "A warm sender stepping its daily volume up suddenly loses reputation once the step passes a doubling "
      "(x2.2), and loses more the larger the step; a step below the doubling (x1.5) costs nothing",
      "Google sender guidelines FAQ",
      {volume_step_run("x1", "1/d"), volume_step_run("x1.5", "10000/d"), volume_step_run("x2.2", "24000/d"),
       volume_step_run("x3", "40000/d"), volume_step_run("x4", "60000/d")},
      {"volume_spike_penalty", "volume_spike_penalty_max", "quota_growth_high", "baseline_window_days",
       "score_fall_per_day", "score_rise_per_day"},
      [](const std::vector<RunResult>& r) {
        const std::string ip_score = "gmail.ip[198.51.100.20].score";
        std::vector<double> score;
        std::string figure = "lowest IP score from day 7";
        for (std::size_t i = 0; i < r.size(); ++i) {
          score.push_back(lowest_after(r[i], ip_score, 7 * kDay));
          figure += std::string(i ? " / " : " ") + format_fixed(score.back(), 3);
        }
        figure += "; 4.7.28";
        for (std::size_t i = 0; i < r.size(); ++i) {
          figure += std::string(i ? " / " : " ") +
                    format_count(records(r[i], RecordFilter().reply(ReplyKind::QuotaExceeded)));
        }
        LessonVerdict v;
        v.holds = score[2] < score[1] - 0.01 && score[3] < score[2] && score[4] < score[3];
        v.figure = figure + " (x1 / x1.5 / x2.2 / x3 / x4)";
        Checks c;
        c.check(std::abs(score[1] - score[0]) < 0.01,
                "a step to x1.5, below Google's doubling, costs nothing");
        v.mechanism_failures = c.failures;
        return v;
      }};
}

// Seed 001: a marketing spike on a shared IP delays receipts; transactional mail on its own IP is not.
Lesson split_ip_protects_transactional() {
  return {"split-ip-protects-transactional-latency",
          "Moving transactional mail to its own IP keeps its p95 latency a tenth of the shared IP's, without "
          "the dedicated IP being refused for too many connections",
          "seed 001",
          {{"shared", "shared-ip-mixed", {}}, {"split", "split-ip-mixed", {}}},
          {"max_connections_per_ip", "quota_floor_high", "quota_growth_high", "quota_burst", "message_time",
           "connect_time"},
          [](const std::vector<RunResult>& r) {
            const double shared_p95 = testing::traffic_of(r[0], "receipts").latency.p95_s;
            const double split_p95 = testing::traffic_of(r[1], "receipts").latency.p95_s;
            LessonVerdict v;
            v.holds = shared_p95 > 600 && split_p95 * 10 < shared_p95;
            const std::int64_t refused =
                records(r[1], RecordFilter().reply(ReplyKind::TooManyConnections).from("192.0.2.11"));
            const std::int64_t dedicated = records(r[1], RecordFilter().from("192.0.2.11"));
            v.figure = "receipts p95 " + format_fixed(shared_p95, 0) + " s vs " + format_fixed(split_p95, 1) +
                       " s; dedicated IP refused " + format_count(refused) + " of " + format_count(dedicated);
            Checks c;
            c.check(refused <= dedicated / 100,
                    "the dedicated IP gets 421 4.7.0 (too many connections) on < 1%");
            c.check(records(r[0], RecordFilter().reply(ReplyKind::QuotaExceeded).naming("192.0.2.10")) > 0,
                    "on the shared IP the receipts wait behind the blast's 4.7.28 on that IP");
            v.mechanism_failures = c.failures;
            return v;
          }};
}

// Seed 002: "If every message from one DKIM d= domain is throttled regardless of IP, the reputation problem
// travels with the domain, and changing IPs will not help."
Lesson dkim_reputation_follows_to_fresh_ip() {
  return {
      "dkim-reputation-follows-to-fresh-ip",
      "A domain that earned a bad reputation is still refused after moving to a clean IP, through replies "
      "naming the domain; the same domain with a clean week behind it making the same move is not",
      "seed 002",
      {{"bad domain moves", "dkim-follows-fresh-ip", {}},
       {"clean history moves",
        "dkim-follows-fresh-ip",
        {"traffic[0].list.segments[0].complaint_rate=0.0003"}}},
      {"weight_dkim", "weight_ip", "mitigation_score_cap", "spam_penalty_above_bad", "score_rise_per_day",
       "low_tier_defer_share", "new_identity_score", "quota_floor_medium"},
      [](const std::vector<RunResult>& r) {
        const std::string fresh = "198.51.100.31";
        auto refused_share = [&](const RunResult& run) {
          return ratio(records(run, RecordFilter().from(fresh).of_traffic("after-move").refused()),
                       records(run, RecordFilter().from(fresh).of_traffic("after-move")));
        };
        const double bad = refused_share(r[0]), clean = refused_share(r[1]);
        LessonVerdict v;
        v.holds = bad > 2 * clean + 0.01;
        v.figure = "refused on the clean IP " + pct(bad) + " vs " + pct(clean);
        const std::int64_t refused =
            records(r[0], RecordFilter().from(fresh).of_traffic("after-move").refused());
        const std::int64_t naming_domain = records(
            r[0], RecordFilter().from(fresh).of_traffic("after-move").refused().naming("deals.example.com"));
        Checks c;
        c.check(refused > 0 && naming_domain * 2 > refused,
                "most refusals on the clean IP name the domain, not the IP");
        c.check(identity(r[0], IdentityKind::Ip, fresh).final_tier >= Tier::Medium,
                "the clean IP itself ends MEDIUM or better");
        v.mechanism_failures = c.failures;
        return v;
      }};
}

// Seed 001: "A shared IP where another tenant's bad behavior is throttling everyone on the same address".
Lesson bad_tenant_hurts_shared_ip() {
  return {"bad-tenant-hurts-good-tenant-on-shared-ip",
          "A complaining tenant on a shared IP gets a clean tenant's mail refused through replies naming the "
          "shared IP, while the clean tenant's own domain keeps its reputation",
          "seed 001",
          {{"shared", "shared-ip-tenants", {}}, {"separate", "shared-ip-tenants", {"traffic[1].pool=own"}}},
          {"weight_ip", "weight_dkim", "spam_penalty_above_bad", "mitigation_score_cap",
           "low_tier_defer_share", "quota_floor_low", "quota_growth_low", "tier_low_min"},
          [](const std::vector<RunResult>& r) {
            auto refused_share = [](const RunResult& run) {
              return ratio(records(run, RecordFilter().of_traffic("good-tenant").refused()),
                           records(run, RecordFilter().of_traffic("good-tenant")));
            };
            const double shared = refused_share(r[0]), separate = refused_share(r[1]);
            LessonVerdict v;
            v.holds = shared > 2 * separate + 0.01;
            v.figure = "clean tenant refused " + pct(shared) + " vs " + pct(separate);
            const std::int64_t refused = records(r[0], RecordFilter().of_traffic("good-tenant").refused());
            const std::int64_t naming_ip =
                records(r[0], RecordFilter().of_traffic("good-tenant").naming("192.0.2.40").refused());
            Checks c;
            c.check(naming_ip * 2 > refused, "most of the clean tenant's refusals name the shared IP");
            c.check(identity(r[0], IdentityKind::Dkim, "good.example.com").final_tier >= Tier::Medium,
                    "the clean tenant's DKIM domain ends MEDIUM or better");
            v.mechanism_failures = c.failures;
            return v;
          }};
}

// Google's sender requirements: all senders need SPF or DKIM; bulk senders (about 5,000 a day) also need
// DMARC; non-compliant mail gets temporary failures first, then rejections.
Lesson authentication_requirements() {
  const std::vector<std::string> small = {"traffic[0].stream.rate=2000/d",
                                          "identities.ips[0].established_per_day=2000",
                                          "identities.domains[0].established_per_day=2000"};
  return {"authentication-requirements",
          "A bulk sender without DMARC is deferred with 421 4.7.40, then rejected with 550 5.7.40; "
          "publishing DMARC "
          "removes both, and a sender under 5,000 a day is not covered by the bulk rule",
          "Google sender guidelines and FAQ",
          {{"bulk, no DMARC", "gmail-bulk-no-dmarc", {}},
           {"bulk, DMARC", "gmail-bulk-no-dmarc", {"identities.domains[0].dmarc=true"}},
           {"2,000 a day, no DMARC", "gmail-bulk-no-dmarc", small}},
          {"auth_defer_share", "auth_reject_after"},
          [](const std::vector<RunResult>& r) {
            auto count = [](const RunResult& run, ReplyKind kind) {
              return records(run, RecordFilter().reply(kind));
            };
            const std::int64_t deferred = count(r[0], ReplyKind::DmarcRequired);
            const std::int64_t rejected = count(r[0], ReplyKind::RejectedDmarc);
            auto untouched = [&](const RunResult& run) {
              return count(run, ReplyKind::DmarcRequired) + count(run, ReplyKind::RejectedDmarc) == 0;
            };
            LessonVerdict v;
            v.holds = deferred > 0 && rejected > 0 && untouched(r[1]) && untouched(r[2]);
            v.figure = "4.7.40 / 5.7.40: " + format_count(deferred) + " / " + format_count(rejected) +
                       " vs " + format_count(count(r[1], ReplyKind::DmarcRequired)) + " / " +
                       format_count(count(r[1], ReplyKind::RejectedDmarc)) + " vs " +
                       format_count(count(r[2], ReplyKind::DmarcRequired)) + " / " +
                       format_count(count(r[2], ReplyKind::RejectedDmarc));
            Checks c;
            c.check(
                first_logged(r[0], ReplyKind::DmarcRequired) < first_logged(r[0], ReplyKind::RejectedDmarc),
                "temporary failures come before rejections");
            v.mechanism_failures = c.failures;
            return v;
          }};
}

// List hygiene (seed 001's "prune the list"): suppressing dead addresses, complainers and the unengaged.
Lesson suppression_helps() {
  return {
      "suppression-helps",
      "Suppressing hard-bounced addresses, complainers and recipients unengaged after 10 sends removes most "
      "550 5.1.1 bounces and ends the run with a better reputation than mailing the whole list",
      "seed 001; list hygiene",
      {{"no suppression", "list-hygiene-off", {}}, {"suppression", "list-hygiene-on", {}}},
      {"unknown_user_tolerance", "unknown_user_penalty_slope", "spam_penalty_at_bad", "engagement_bonus_max",
       "score_rise_per_day", "reputation_memory"},
      [](const std::vector<RunResult>& r) {
        const std::int64_t off_dead = bounces(gmail(r[0]), "550 5.1.1");
        const std::int64_t on_dead = bounces(gmail(r[1]), "550 5.1.1");
        const double off_score = identity(r[0], IdentityKind::Dkim, "letters.example.com").final_score;
        const double on_score = identity(r[1], IdentityKind::Dkim, "letters.example.com").final_score;
        LessonVerdict v;
        v.holds = on_dead * 5 < off_dead && on_score > off_score + 0.02;
        v.figure = "550 5.1.1 " + format_count(off_dead) + " vs " + format_count(on_dead) + "; DKIM score " +
                   format_fixed(off_score, 3) + " vs " + format_fixed(on_score, 3);
        Checks c;
        c.check(r[1].traffic.at(0).suppressed > 0 && r[0].traffic.at(0).suppressed == 0,
                "only the suppressing run drops recipients");
        c.check(gmail(r[1]).counts.inbox_share() > gmail(r[0]).counts.inbox_share(),
                "more of the suppressing run's mail reaches the inbox");
        v.mechanism_failures = c.failures;
        return v;
      }};
}

// Gmail's "Try again later, closing connection" at the greeting: more connections than Gmail allows per IP.
Lesson too_many_connections() {
  return {"too-many-connections-421-4.7.0",
          "PowerMTA's default 20 connections per queue get 421 4.7.0 at the greeting from Gmail; as many "
          "connections as Gmail allows get none",
          "Google SMTP errors and codes (421 4.7.0); PowerMTA max-smtp-out default",
          {{"20 connections", "gmail-cold-blast", {}},
           {"10 connections", "gmail-cold-blast", {"sender.destinations.gmail.max_smtp_out=10"}}},
          {"max_connections_per_ip", "connect_time", "message_time"},
          [](const std::vector<RunResult>& r) {
            const std::int64_t at_20 = records(r[0], RecordFilter().reply(ReplyKind::TooManyConnections));
            const std::int64_t at_10 = records(r[1], RecordFilter().reply(ReplyKind::TooManyConnections));
            LessonVerdict v;
            v.holds = at_20 > 0;
            v.figure = "421 4.7.0 at the greeting " + format_count(at_20) + " vs " + format_count(at_10);
            Checks c;
            c.check(at_10 == 0, "no refusal when the connections fit Gmail's per-IP limit");
            c.check(records(r[0], RecordFilter()
                                      .reply(ReplyKind::TooManyConnections)
                                      .naming("Try again later, closing connection")) == at_20,
                    "the refusals carry Gmail's greeting text");
            v.mechanism_failures = c.failures;
            return v;
          }};
}

// Microsoft's high-volume sender requirements (2025-04, updated 2025-04-30): a domain sending more than
// 5,000 a day to Outlook.com consumer domains needs SPF, DKIM and DMARC; non-compliant mail is rejected with
// 550 5.7.515 from 2025-05-05, with no temporary phase.
Lesson microsoft_bulk_needs_dmarc() {
  return {
      "microsoft-over-5000-a-day-needs-dmarc",
      "A domain sending over 5,000 a day to Outlook.com without DMARC is rejected with 550 5.7.515 from its "
      "5,000th accepted message of the day on, with no 4xx phase first; publishing DMARC removes the "
      "rejections and delivers more",
      "Microsoft's high-volume sender requirements (rejection since 2025-05-05)",
      {{"no DMARC", "microsoft-no-dmarc", {"duration=1d"}},
       {"DMARC", "microsoft-no-dmarc", {"duration=1d", "identities.domains[0].dmarc=true"}}},
      {"high_tier_defer_share", "transient_fault_share"},
      [](const std::vector<RunResult>& r) {
        const ProviderResult &none = testing::provider(r[0], "microsoft"),
                             &dmarc = testing::provider(r[1], "microsoft");
        const std::int64_t rejected = bounces(none, "550 5.7.515");
        LessonVerdict v;
        v.holds = rejected > 0 && bounces(dmarc, "550 5.7.515") == 0 &&
                  dmarc.counts.delivered > none.counts.delivered;
        const Duration first = first_logged(r[0], ReplyKind::RejectedDmarc);
        const std::int64_t accepted_before = records(
            r[0], RecordFilter().of_traffic("offers").reply(ReplyKind::Accepted).logged_before(first));
        v.figure = "550 5.7.515 " + format_count(rejected) + " vs " +
                   format_count(bounces(dmarc, "550 5.7.515")) + "; delivered " +
                   format_count(none.counts.delivered) + " vs " + format_count(dmarc.counts.delivered) +
                   "; offers accepted before the first 5.7.515 " + format_count(accepted_before);
        Checks c;
        c.check(accepted_before == 5000 && first < kDay,
                "the first 5.7.515 follows the domain's 5,000th accepted message within its first day");
        auto deferred_share = [&](const std::string& traffic) {
          return ratio(records(r[0], RecordFilter().of_traffic(traffic).deferred().logged_before(first)),
                       records(r[0], RecordFilter().of_traffic(traffic).logged_before(first)));
        };
        c.check(deferred_share("offers") < deferred_share("alerts") + 0.01,
                "no temporary phase: before its first 5.7.515 the domain is deferred no more than the one "
                "under the threshold");
        c.check(records(r[0], RecordFilter().of_traffic("alerts").reply(ReplyKind::RejectedDmarc)) == 0,
                "the domain sending 2,000 a day, under the threshold, is never rejected");
        v.mechanism_failures = c.failures;
        return v;
      },
      "microsoft"};
}

// Yahoo's 421 [TSS04] ("unexpected volume or user complaints"; Yahoo via KumoMTA: stop sending to Yahoo for
// two hours) and seed 003's reply-pattern advice: suspending on [TSS04] beats retrying through it.
Lesson yahoo_tss04_suspend() {
  return {
      "yahoo-tss04-answered-by-suspension",
      "A new identity that retries through Yahoo's 421 4.7.0 [TSS04] every 10 minutes hardens it into 553 "
      "5.7.2 [TSS09] and loses the list; suspending the queue 2 h on [TSS04] meets a fraction of the TSS04 "
      "per delivered message, delivers more and keeps a better reputation",
      "Yahoo SMTP error codes ([TSS04]); KumoMTA issue 51 (Yahoo's 2-hour advice); seed 003",
      {{"hammer", "yahoo-tss04-storm", {}},
       {"suspend 2h",
        "yahoo-tss04-storm",
        {"sender.destinations.yahoo.patterns=[{match: \"421 4.7.0 [TSS04]\", suspend_for: 2h, retry_after: "
         "2h}]"}}},
      {"new_identity_score", "quota_floor_medium", "block_deferrals_per_hour", "unknown_user_penalty_slope"},
      [](const std::vector<RunResult>& r) {
        const std::string tss04 = "421 4.7.0 [TSS04]", ip = "203.0.113.30";
        const ProviderResult &hammer = testing::provider(r[0], "yahoo"),
                             &suspend = testing::provider(r[1], "yahoo");
        const double hammer_rate = ratio(deferrals(hammer, tss04), hammer.counts.delivered);
        const double suspend_rate = ratio(deferrals(suspend, tss04), suspend.counts.delivered);
        const double hammer_score = identity(r[0], IdentityKind::Ip, ip, "yahoo").final_score;
        const double suspend_score = identity(r[1], IdentityKind::Ip, ip, "yahoo").final_score;
        LessonVerdict v;
        v.holds = suspend_rate * 10 < hammer_rate && suspend.counts.delivered >= hammer.counts.delivered &&
                  suspend_score > hammer_score;
        v.figure = "TSS04 per delivered " + format_fixed(hammer_rate, 1) + " vs " +
                   format_fixed(suspend_rate, 2) + "; delivered " + format_count(hammer.counts.delivered) +
                   " vs " + format_count(suspend.counts.delivered) + "; IP score " +
                   format_fixed(hammer_score, 3) + " vs " + format_fixed(suspend_score, 3);
        Checks c;
        c.check(deferrals(hammer, tss04) * 100 >= hammer.counts.deferrals * 99,
                "the hammering run's deferrals are [TSS04]");
        c.check(bounces(hammer, "553 5.7.2 [TSS09]") > 0 && bounces(suspend, "553 5.7.2 [TSS09]") == 0 &&
                    first_logged(r[0], ReplyKind::Blocked) > first_logged(r[0], ReplyKind::QuotaExceeded),
                "only hammering hardens into [TSS09], after its [TSS04]");
        c.check(deferrals(suspend, tss04) > 0, "the suspending run met [TSS04] too (its rule fired)");
        v.mechanism_failures = c.failures;
        return v;
      },
      "yahoo"};
}

// Yahoo's sender best practices: a connection carries a limited number of messages; then the server closes
// it "without giving an error message" (sisimai quotes "421 Max message per connection reached").
Lesson yahoo_connection_limit() {
  return {
      "yahoo-per-connection-limit",
      "A sender that ignores Yahoo's per-connection message limit gets 421 \"Max message per connection "
      "reached\" on the message past it, which waits a retry interval; one keeping to 20 per connection "
      "gets none and its mail waits less; against the silent close Yahoo's page describes, ignoring it costs "
      "nothing",
      "Yahoo sender best practices; sisimai (the 421 text); KumoMTA's 20 per connection",
      {{"honour 20", "yahoo-connection-limit", {}},
       {"ignore", "yahoo-connection-limit", {"sender.destinations.yahoo.max_msg_per_connection=0"}},
       {"ignore, silent close",
        "yahoo-connection-limit",
        {"sender.destinations.yahoo.max_msg_per_connection=0",
         "providers.yahoo.params.close_silently_at_message_limit=true"}}},
      {"max_messages_per_connection", "high_tier_defer_share", "message_time"},
      [](const std::vector<RunResult>& r) {
        auto limit_replies = [](const RunResult& run) {
          return records(run, RecordFilter().reply(ReplyKind::ConnectionMessageLimit));
        };
        auto mean = [](const RunResult& run) { return testing::provider(run, "yahoo").latency.mean_s; };
        LessonVerdict v;
        v.holds = limit_replies(r[1]) > 0 && limit_replies(r[0]) == 0 && mean(r[1]) > mean(r[0]);
        v.figure = "421 at the limit " + format_count(limit_replies(r[0])) + " vs " +
                   format_count(limit_replies(r[1])) + " vs " + format_count(limit_replies(r[2])) +
                   " (silent); mean latency " + format_fixed(mean(r[0]), 0) + " s vs " +
                   format_fixed(mean(r[1]), 0) + " s vs " + format_fixed(mean(r[2]), 0) + " s";
        const std::vector<Duration> latencies = delivery_latencies(r[1], "newsletter");
        const std::int64_t waited_a_retry =
            std::count_if(latencies.begin(), latencies.end(), [](Duration latency) {
              return latency >= std::chrono::minutes(10);  // the scenario's retry: PowerMTA's 10m
            });
        Checks c;
        c.check(records(r[1], RecordFilter()
                                  .reply(ReplyKind::ConnectionMessageLimit)
                                  .naming("Max message per connection reached")) == limit_replies(r[1]),
                "the replies carry sisimai's text");
        c.check(waited_a_retry >= limit_replies(r[1]),
                "each message the limit refused waited a retry interval");
        c.check(limit_replies(r[2]) == 0 && std::abs(mean(r[2]) - mean(r[0])) < 0.05 * mean(r[0]),
                "the cost is the reply: against a silent close the ignoring sender loses nothing");
        v.mechanism_failures = c.failures;
        return v;
      },
      "yahoo"};
}

// Greylisting (seeds: a cause of 4xx on first contact), Postgrey's defaults: 300 s delay, auto-whitelist of
// a client /24 after 5 passes.
Lesson greylisting_first_contact() {
  const std::string fixed = "sender.destinations.generic.retry={fixed: ";
  return {
      "greylisting-first-contact",
      "A greylisting receiver defers first contact with 450 4.2.0 and delivers it 300 s later at the "
      "earliest; retrying every minute spends three times the attempts of a first retry after 5 minutes for "
      "no gain in latency, and a /24 that passed 5 times is not greylisted again",
      "Postgrey defaults (--delay 300, --auto-whitelist-clients 5); seeds (4xx on first contact)",
      {{"retry every 1m", "greylisting-first-contact", {fixed + "1m}"}},
       {"retry after 5m", "greylisting-first-contact", {fixed + "5m}"}}},
      {},
      [](const std::vector<RunResult>& r) {
        auto attempts_per_delivery = [](const RunResult& run) {
          return ratio(records(run, RecordFilter().of_traffic("first-contact")),
                       testing::traffic_of(run, "first-contact").delivered);
        };
        auto median = [](const RunResult& run) {
          return testing::traffic_of(run, "first-contact").latency.p50_s;
        };
        LessonVerdict v;
        v.holds = attempts_per_delivery(r[0]) >= 2.5 * attempts_per_delivery(r[1]) &&
                  median(r[0]) > median(r[1]) - 60;
        v.figure = "attempts per first-contact message " + format_fixed(attempts_per_delivery(r[0]), 1) +
                   " vs " + format_fixed(attempts_per_delivery(r[1]), 1) + "; median latency " +
                   format_fixed(median(r[0]), 0) + " s vs " + format_fixed(median(r[1]), 0) + " s";
        Checks c;
        c.check(records(r[1], RecordFilter().of_traffic("first-contact").reply(ReplyKind::Greylisted)) ==
                    testing::traffic_of(r[1], "first-contact").injected,
                "every first contact is greylisted once, and passes on a retry after 5 minutes");
        auto fastest = [](const RunResult& run) {
          const std::vector<Duration> latencies = delivery_latencies(run, "first-contact");
          return latencies.empty() ? Duration(0) : *std::min_element(latencies.begin(), latencies.end());
        };
        c.check(fastest(r[0]) >= std::chrono::seconds(300) && fastest(r[1]) >= std::chrono::seconds(300),
                "no first contact is delivered within Postgrey's 300 s");
        c.check(records(r[0], RecordFilter().of_traffic("later").reply(ReplyKind::Greylisted)) == 0,
                "the 6h wave is not greylisted: the /24 was whitelisted after 5 passes");
        v.mechanism_failures = c.failures;
        return v;
      },
      "generic"};
}

}  // namespace

const std::vector<Lesson>& lessons() {
  static const std::vector<Lesson> all = {
      warmup_beats_cold_blast(),
      aggressive_retry_hardens_into_block(),
      spam_rate_above_bad_throttles(),
      spam_rate_graduated(),
      volume_doubling_punished(),
      split_ip_protects_transactional(),
      dkim_reputation_follows_to_fresh_ip(),
      bad_tenant_hurts_shared_ip(),
      authentication_requirements(),
      too_many_connections(),
      suppression_helps(),
      microsoft_bulk_needs_dmarc(),
      yahoo_tss04_suspend(),
      yahoo_connection_limit(),
      greylisting_first_contact(),
  };
  return all;
}

std::string param_override(const Lesson& lesson, const std::string& name, const std::string& value) {
  return "providers." + lesson.provider + ".params." + name + "=" + value;
}

std::vector<RunResult> run_lesson(const Lesson& lesson, const std::vector<std::string>& extra_overrides) {
  std::vector<RunResult> results;
  RunOptions options;
  options.accounting = true;
  for (const LessonRun& run : lesson.runs) {
    std::vector<std::string> overrides = run.overrides;
    overrides.insert(overrides.end(), extra_overrides.begin(), extra_overrides.end());
    const std::string path = std::string(DELIVSIM_SOURCE_DIR) + "/scenarios/" + run.scenario + ".yaml";
    results.push_back(run_scenario(load_scenario(path, overrides), options));
  }
  return results;
}

}  // namespace delivsim::validation

#pragma once
/// @file What delivsim knows of Postfix's parameters: the built-in defaults of those it reads (Postfix
/// src/global/mail_params.h), time values (postconf(5)), the per-transport scheduler names, and the
/// parameters that change nothing delivsim simulates (docs/import-postfix.md lists them).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// SourcePosition::file of a value taken from Postfix's built-in defaults (imported_config.h).
inline constexpr std::string_view kPostfixDefaultSource = "Postfix default (mail_params.h)";

/// Postfix's built-in value of `name` for the parameters the importer reads, or nullopt.
std::optional<std::string_view> postfix_default(std::string_view name);

/// The parameters the importer reads, for did-you-mean hints.
std::vector<std::string_view> postfix_read_parameters();

/// A Postfix time value (postconf(5): a whole number and an optional unit s, m, h, d or w; a bare number is
/// in `default_unit`), in seconds; nullopt when malformed or above 100 years.
std::optional<std::int64_t> parse_postfix_time(std::string_view text, char default_unit);

/// When `name` is one of the queue manager's timers (queue_run_delay, minimal_backoff_time,
/// maximal_backoff_time, maximal_queue_lifetime, bounce_queue_lifetime, transport_retry_time,
/// delay_warning_time, and per transport `<transport>_destination_rate_delay`, `_transport_rate_delay`,
/// `_recipient_refill_delay`): the unit of a bare number in it ('s', 'd' for the lifetimes, 'h' for
/// delay_warning_time). nullopt for any other parameter, the SMTP client's timeouts among them.
std::optional<char> postfix_timer_unit(std::string_view name);

/// The queue manager's timers that are not per transport, in postconf(5)'s order of importance.
std::vector<std::string_view> postfix_timers();

/// The queue-manager scheduler settings a transport (or "default") may set as `<transport>_<suffix>`.
enum class SchedulerSetting {
  ConcurrencyLimit,    ///< _destination_concurrency_limit
  RateDelay,           ///< _destination_rate_delay
  RecipientLimit,      ///< _destination_recipient_limit
  InitialConcurrency,  ///< _initial_destination_concurrency (global form: initial_destination_concurrency)
  PositiveFeedback,    ///< _destination_concurrency_positive_feedback
  NegativeFeedback,    ///< _destination_concurrency_negative_feedback
  FailedCohortLimit,   ///< _destination_concurrency_failed_cohort_limit
  Other,  ///< another qmgr per-transport setting (_transport_rate_delay, _delivery_slot_cost ...)
};

/// A parameter name split as `<transport>_<scheduler suffix>`.
struct SchedulerParameter {
  std::string transport;  ///< "default", or a master.cf service name
  SchedulerSetting setting = SchedulerSetting::Other;
};

/// `name` as a per-transport scheduler parameter ("gmail-out_destination_rate_delay" -> {gmail-out,
/// RateDelay}; "initial_destination_concurrency" -> {default, InitialConcurrency}), or nullopt.
std::optional<SchedulerParameter> split_scheduler_parameter(std::string_view name);

/// The name of `setting` for `transport` ("default" and InitialConcurrency give
/// "initial_destination_concurrency").
std::string scheduler_parameter_name(std::string_view transport, SchedulerSetting setting);

/// Whether `name` changes nothing delivsim simulates (host naming, local delivery, the SMTP server side,
/// TLS, logging, paths): such a parameter is skipped without a warning.
bool postfix_parameter_has_no_effect(std::string_view name);

}  // namespace delivsim

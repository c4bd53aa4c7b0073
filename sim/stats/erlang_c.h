#pragma once
/// @file The M/M/c queue in closed form (Erlang C): Poisson arrivals, exponential service, c servers, first
/// come first served, unlimited waiting room. The validation suite checks the sender's connection use
/// against it (docs/model.md 4.2).
namespace delivsim {

/// Erlang C: the probability that an arrival has to wait, with `servers` (c >= 1) servers and an offered
/// load of `offered_load_erlangs` (a = lambda / mu, 0 < a < c). Computed through the Erlang B recursion
/// B(k) = a B(k-1) / (k + a B(k-1)), C = c B / (c - a (1 - B)), which stays finite for large c.
/// Throws std::invalid_argument outside those ranges (a >= c has no steady state).
double erlang_c_wait_probability(int servers, double offered_load_erlangs);

/// Mean time in system of an M/M/c queue, W = 1/mu + C(c, a) / (c mu - lambda), in the time unit of
/// the rates (arrivals and services per that unit; both > 0, lambda < c mu).
double mmc_mean_time_in_system(int servers, double arrival_rate, double service_rate);

}  // namespace delivsim

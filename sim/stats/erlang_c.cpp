#include "sim/stats/erlang_c.h"

#include <stdexcept>

namespace delivsim {

double erlang_c_wait_probability(int servers, double offered_load_erlangs) {
  const double a = offered_load_erlangs;
  if (servers < 1) throw std::invalid_argument("Erlang C needs at least one server");
  if (!(a > 0) || !(a < servers)) throw std::invalid_argument("Erlang C needs 0 < offered load < servers");
  double blocking = 1.0;  // Erlang B with 0 servers
  for (int k = 1; k <= servers; ++k) blocking = a * blocking / (k + a * blocking);
  return servers * blocking / (servers - a * (1.0 - blocking));
}

double mmc_mean_time_in_system(int servers, double arrival_rate, double service_rate) {
  if (!(arrival_rate > 0) || !(service_rate > 0)) throw std::invalid_argument("M/M/c needs rates > 0");
  const double wait_probability = erlang_c_wait_probability(servers, arrival_rate / service_rate);
  return 1.0 / service_rate + wait_probability / (servers * service_rate - arrival_rate);
}

}  // namespace delivsim

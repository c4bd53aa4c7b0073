#include "models/greylist.h"

#include <functional>

namespace delivsim {

std::string greylist_network(std::string_view address) {
  const auto last_dot = address.rfind('.');
  if (address.find(':') != std::string_view::npos || last_dot == std::string_view::npos)
    return std::string(address);
  return std::string(address.substr(0, last_dot));
}

std::size_t Greylist::TripletHash::operator()(const GreylistTriplet& t) const {
  const std::uint64_t high = (static_cast<std::uint64_t>(t.network) << 32) | t.sender;
  return std::hash<std::uint64_t>()(high * 0x9E3779B97F4A7C15ULL ^ t.recipient);
}

bool Greylist::whitelisted(std::uint32_t network, Duration now) const {
  if (params_.auto_whitelist_after <= 0) return false;
  const auto found = clients_.find(network);
  return found != clients_.end() && found->second.passes >= params_.auto_whitelist_after &&
         now - found->second.last_pass <= params_.max_age;
}

void Greylist::count_pass(std::uint32_t network, Duration now) {
  if (params_.auto_whitelist_after <= 0) return;
  Client& client = clients_[network];
  if (now - client.last_pass > params_.max_age) client.passes = 0;  // an old count is forgotten too
  ++client.passes;
  client.last_pass = now;
}

bool Greylist::admit(const GreylistTriplet& triplet, Duration now) {
  if (whitelisted(triplet.network, now)) {
    count_pass(triplet.network, now);
    return true;
  }
  auto [it, inserted] = triplets_.try_emplace(triplet, Entry{now, now, false});
  Entry& entry = it->second;
  // Forgotten after max-age unseen, or never retried within the retry window: first contact again.
  const bool expired = now - entry.last_seen > params_.max_age;
  const bool retried_too_late = !entry.passed && now - entry.first_seen > params_.retry_window;
  if (!inserted && (expired || retried_too_late)) entry = Entry{now, now, false};
  entry.last_seen = now;
  if (!entry.passed && now - entry.first_seen < params_.delay) return false;
  entry.passed = true;
  count_pass(triplet.network, now);
  return true;
}

}  // namespace delivsim

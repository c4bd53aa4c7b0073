#include "gui/form/ip_pools.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstdint>
#include <set>

#include "sim/output/number_format.h"

namespace delivsim::gui {

namespace {

constexpr std::uint32_t kDocumentationNet = 192u << 24 | 2u << 8;  // 192.0.2.0/24
constexpr std::uint32_t kHostMask = 0xffu;
/// Hosts .0 and .255 of a /24 are left out: network and broadcast addresses by convention.
constexpr std::uint32_t kFirstHost = 1, kLastHost = 254;
/// Digits that keep any daily volume as written.
constexpr int kVolumeDigits = 15;

std::optional<std::uint32_t> ipv4_value(const std::string& address) {
  in_addr binary{};
  if (inet_pton(AF_INET, address.c_str(), &binary) != 1) return std::nullopt;
  return ntohl(binary.s_addr);
}

std::string ipv4_text(std::uint32_t value) {
  return std::to_string(value >> 24) + "." + std::to_string(value >> 16 & kHostMask) + "." +
         std::to_string(value >> 8 & kHostMask) + "." + std::to_string(value & kHostMask);
}

const PoolSpec* pool_named(const std::vector<PoolSpec>& pools, const std::string& name) {
  const auto pool =
      std::find_if(pools.begin(), pools.end(), [&](const PoolSpec& p) { return p.name == name; });
  return pool == pools.end() ? nullptr : &*pool;
}

}  // namespace

std::optional<std::string> next_free_address(const std::vector<IpSpec>& ips) {
  std::set<std::uint32_t> taken;
  for (const IpSpec& ip : ips) {
    if (const auto value = ipv4_value(ip.address)) taken.insert(*value);
  }
  std::vector<std::uint32_t> candidates;
  if (!taken.empty()) {
    const std::uint32_t highest = *taken.rbegin();
    const std::uint32_t net = highest & ~kHostMask;
    for (std::uint32_t host = (highest & kHostMask) + 1; host <= kLastHost; ++host)
      candidates.push_back(net | host);
    for (std::uint32_t host = kFirstHost; host <= kLastHost; ++host) candidates.push_back(net | host);
  }
  for (std::uint32_t host = kFirstHost; host <= kLastHost; ++host)
    candidates.push_back(kDocumentationNet | host);
  const auto free = std::find_if(candidates.begin(), candidates.end(),
                                 [&](std::uint32_t candidate) { return !taken.contains(candidate); });
  if (free == candidates.end()) return std::nullopt;
  return ipv4_text(*free);
}

std::string unique_pool_name(const std::vector<PoolSpec>& pools, const std::string& base) {
  std::string name = base;
  for (int suffix = 2; pool_named(pools, name) != nullptr; ++suffix)
    name = base + "-" + std::to_string(suffix);
  return name;
}

std::vector<std::string> pools_listing(const std::vector<PoolSpec>& pools, const std::string& address) {
  std::vector<std::string> names;
  for (const PoolSpec& pool : pools) {
    if (std::find(pool.ips.begin(), pool.ips.end(), address) != pool.ips.end()) names.push_back(pool.name);
  }
  return names;
}

bool sends_alone(const Scenario& scenario, std::size_t traffic_index) {
  const PoolSpec* own = pool_named(scenario.pools, scenario.traffic[traffic_index].pool);
  if (own == nullptr) return false;
  for (std::size_t i = 0; i < scenario.traffic.size(); ++i) {
    const PoolSpec* other = pool_named(scenario.pools, scenario.traffic[i].pool);
    if (i == traffic_index || other == nullptr) continue;
    const bool shared = std::any_of(other->ips.begin(), other->ips.end(), [&](const std::string& address) {
      return std::find(own->ips.begin(), own->ips.end(), address) != own->ips.end();
    });
    if (shared) return false;
  }
  return true;
}

YamlEdits ip_and_pool_edits(const std::vector<IpSpec>& ips, const std::vector<PoolSpec>& pools) {
  YAML::Node ip_list(YAML::NodeType::Sequence);
  for (const IpSpec& ip : ips) {
    YAML::Node node = flow(YAML::NodeType::Map);
    node["address"] = ip.address;
    const bool warm = ip.age == IdentityAge::Warm;
    node["age"] = warm ? "warm" : "new";
    if (warm) node["established_per_day"] = format_significant(ip.established_per_day, kVolumeDigits);
    ip_list.push_back(node);
  }
  YAML::Node pool_map(YAML::NodeType::Map);
  for (const PoolSpec& pool : pools) {
    YAML::Node addresses = flow(YAML::NodeType::Sequence);
    for (const std::string& address : pool.ips) addresses.push_back(address);
    pool_map[pool.name] = addresses;
  }
  return {{{std::string("identities"), std::string("ips")}, ip_list}, {{std::string("pools")}, pool_map}};
}

}  // namespace delivsim::gui

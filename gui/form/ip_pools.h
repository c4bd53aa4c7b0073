#pragma once
/// @file The IP and pool changes the form makes, worked out on the scenario's structs, and the YAML edits
/// that write them.
#include <optional>
#include <string>
#include <vector>

#include "gui/document/yaml_path.h"
#include "sim/scenario/scenario.h"

namespace delivsim::gui {

/// The address a new IP gets: the first free one after the highest IPv4 address of `ips` in its /24, else
/// any free host of that /24, else a free host of 192.0.2.0/24 (the documentation range); nullopt when all
/// of those are taken.
std::optional<std::string> next_free_address(const std::vector<IpSpec>& ips);

/// `base`, or the first of base-2, base-3, ... that no pool of `pools` is named.
std::string unique_pool_name(const std::vector<PoolSpec>& pools, const std::string& base);

/// The names of the pools listing `address`.
std::vector<std::string> pools_listing(const std::vector<PoolSpec>& pools, const std::string& address);

/// Whether traffic entry `traffic_index` is the only one sending through the IPs of its pool.
bool sends_alone(const Scenario& scenario, std::size_t traffic_index);

/// The edits that rewrite `identities.ips` as `ips` (a list of flow maps) and `pools` as `pools` (a flow
/// list each).
YamlEdits ip_and_pool_edits(const std::vector<IpSpec>& ips, const std::vector<PoolSpec>& pools);

}  // namespace delivsim::gui

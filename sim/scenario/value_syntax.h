#pragma once
/// @file Syntax of the text values a scenario names things with: IP addresses, domain names, timestamps.
#include <optional>
#include <string>
#include <string_view>

namespace delivsim {

/// The canonical text of an IPv4 or IPv6 address (IPv6 lower case and compressed, as inet_ntop writes it),
/// or nullopt when `text` is not an address.
std::optional<std::string> canonical_ip_address(std::string_view text);

/// `text` in lower case when it is a host name (dot-separated labels of letters, digits and inner hyphens,
/// each 1-63 characters, 253 at most in all), or nullopt.
std::optional<std::string> normalized_domain_name(std::string_view text);

/// Whether `name` can name an output directory (a scenario, a strategy): letters, digits, '-', '_' and '.',
/// not '.' first.
bool is_plain_name(std::string_view name);

/// Why `text` is not an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ" of a real calendar day in years
/// 1970-9999, or nullopt when it is one.
std::optional<std::string> utc_timestamp_problem(std::string_view text);

}  // namespace delivsim

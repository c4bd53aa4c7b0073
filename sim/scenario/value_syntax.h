#pragma once
/// @file Syntax of the text values a scenario names things with: IP addresses, domain names, timestamps.
#include <cstddef>
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

/// The longest name of an output folder (a scenario, a strategy), in characters: well inside the 255 bytes
/// a file system allows for one path component.
inline constexpr std::size_t kMaxPlainNameLength = 128;

/// What a plain name may hold, for messages.
inline constexpr std::string_view kPlainNameRule =
    "letters, digits, '-', '_' and '.' (not first), at most 128 characters";

/// Why `name` cannot name an output folder (a scenario, a strategy), or nullopt when it can: 1 to
/// kMaxPlainNameLength letters, digits, '-', '_' and '.', not '.' first. The text follows the quoted name:
/// "is not a plain name", "is 300 characters long, over 128".
std::optional<std::string> plain_name_problem(std::string_view name);

/// Whether `name` has no plain_name_problem.
bool is_plain_name(std::string_view name);

/// Why `text` is not an ISO 8601 UTC time "YYYY-MM-DDTHH:MM:SSZ" of a real calendar day in years
/// 1970-9999, or nullopt when it is one.
std::optional<std::string> utc_timestamp_problem(std::string_view text);

}  // namespace delivsim

#include "sim/scenario/value_syntax.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>

#include "sim/kernel/ascii.h"

namespace delivsim {

namespace {

bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_label(std::string_view label) {
  constexpr std::size_t kMaxLabel = 63;
  if (label.empty() || label.size() > kMaxLabel) return false;
  if (label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return is_lower_alnum(c) || c == '-'; });
}

/// The number written with digits at text[from, from + count), or -1 when one of them is not a digit.
int digits_at(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<std::string> canonical_ip_address(std::string_view text) {
  const std::string address(text);
  std::array<unsigned char, 16> binary{};
  std::array<char, INET6_ADDRSTRLEN> canonical{};
  for (const int family : {AF_INET, AF_INET6}) {
    if (inet_pton(family, address.c_str(), binary.data()) == 1 &&
        inet_ntop(family, binary.data(), canonical.data(), canonical.size()) != nullptr) {
      return std::string(canonical.data());
    }
  }
  return std::nullopt;
}

std::optional<std::string> plain_name_problem(std::string_view name) {
  const auto plain = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  };
  if (name.empty() || name.front() == '.' || !std::all_of(name.begin(), name.end(), plain)) {
    return "is not a plain name";
  }
  if (name.size() > kMaxPlainNameLength) {
    return "is " + std::to_string(name.size()) + " characters long, over " +
           std::to_string(kMaxPlainNameLength);
  }
  return std::nullopt;
}

bool is_plain_name(std::string_view name) {
  return !plain_name_problem(name);
}

std::optional<std::string> normalized_domain_name(std::string_view text) {
  constexpr std::size_t kMaxName = 253;
  if (text.empty() || text.size() > kMaxName) return std::nullopt;
  std::string name = kernel::ascii_lower(text);
  std::size_t label_start = 0;
  while (true) {
    const std::size_t dot = name.find('.', label_start);
    const std::string_view label = std::string_view(name).substr(label_start, dot - label_start);
    if (!is_label(label)) return std::nullopt;
    if (dot == std::string::npos) return name;
    label_start = dot + 1;
  }
}

std::optional<std::string> utc_timestamp_problem(std::string_view text) {
  constexpr std::string_view kShape = "YYYY-MM-DDTHH:MM:SSZ";
  if (text.size() != kShape.size()) return "is not in the form " + std::string(kShape);
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    constexpr std::string_view kLiterals = "-T:Z";
    const bool want_digit = kLiterals.find(kShape[i]) == std::string_view::npos;
    const bool is_digit = text[i] >= '0' && text[i] <= '9';
    if (want_digit ? !is_digit : text[i] != kShape[i]) return "is not in the form " + std::string(kShape);
  }
  const int year = digits_at(text, 0, 4);
  const int month = digits_at(text, 5, 2);
  const int day = digits_at(text, 8, 2);
  if (year < 1970) return "has a year before 1970";
  const std::chrono::year_month_day date{std::chrono::year(year),
                                         std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
  if (!date.month().ok()) return "has no month " + std::to_string(month);
  if (!date.ok()) return "has no day " + std::to_string(day) + " in that month";
  if (digits_at(text, 11, 2) > 23) return "has an hour above 23";
  if (digits_at(text, 14, 2) > 59) return "has a minute above 59";
  if (digits_at(text, 17, 2) > 59) return "has a second above 59";
  return std::nullopt;
}

}  // namespace delivsim

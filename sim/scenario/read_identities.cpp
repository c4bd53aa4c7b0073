#include "sim/scenario/scenario_sections.h"
#include "sim/scenario/value_syntax.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

const std::vector<std::pair<std::string_view, IdentityAge>> kAges{{"new", IdentityAge::New},
                                                                  {"warm", IdentityAge::Warm}};

/// `age` and `established_per_day`, shared by IPs and domains: a warm identity needs its daily volume, a
/// new one has none.
void read_age(const MapReader& identity, IdentityAge& age, double& established_per_day) {
  if (auto field = identity.get("age")) age = read_choice(*field, kAges);
  if (age == IdentityAge::Warm) {
    const Field per_day =
        identity.need("established_per_day", "a number > 0 (a warm identity's daily volume)");
    established_per_day = read_number(per_day, kPositiveRange);
  } else if (auto per_day = identity.get("established_per_day")) {
    established_per_day = read_number(*per_day, kNonNegativeRange);
    if (established_per_day > 0) per_day->fail("is given for a new identity", "0 or nothing when age is new");
  }
}

IpSpec read_ip(const Field& field, NameIndex& declared, NameIndex& live_sources) {
  const MapReader ip(field, {"address", "age", "established_per_day", "live_source"});
  const std::string expected = "an IPv4 or IPv6 address such as 203.0.113.10";
  const Field address = ip.need("address", expected);
  const std::string text = read_text(address, expected);
  const auto canonical = canonical_ip_address(text);
  if (!canonical) address.fail(quote_value(text) + " is not an IP address", expected);
  if (!declared.add(*canonical)) {
    address.fail(quote_value(text) + " is declared twice", "each address once");
  }
  IpSpec spec;
  spec.address = *canonical;
  read_age(ip, spec.age, spec.established_per_day);
  if (auto source = ip.get("live_source")) {
    const std::string local = "a local address the MTA under test binds for this IP, such as 127.0.0.2";
    const std::string source_text = read_text(*source, local);
    const auto source_address = canonical_ip_address(source_text);
    if (!source_address) source->fail(quote_value(source_text) + " is not an IP address", local);
    if (!live_sources.add(*source_address)) {
      source->fail(quote_value(source_text) + " is the live_source of another IP", "each live_source once");
    }
    spec.live_source = *source_address;
  }
  return spec;
}

DomainSpec read_domain(const Field& field, NameIndex& declared) {
  const MapReader domain(field, {"name", "age", "established_per_day", "spf", "dkim", "dmarc", "aligned"});
  const Field name = domain.need("name", "a domain name such as example.com");
  DomainSpec spec;
  spec.name = read_domain_name(name);
  if (!declared.add(spec.name)) {
    name.fail(quote_value(spec.name) + " is declared twice", "each domain once");
  }
  read_age(domain, spec.age, spec.established_per_day);
  if (auto field_value = domain.get("spf")) spec.spf = read_bool(*field_value);
  if (auto field_value = domain.get("dkim")) spec.dkim = read_bool(*field_value);
  if (auto field_value = domain.get("dmarc")) spec.dmarc = read_bool(*field_value);
  if (auto field_value = domain.get("aligned")) spec.aligned = read_bool(*field_value);
  return spec;
}

PoolSpec read_pool(const NamedField& entry, const NameIndex& addresses) {
  const std::string expected = "a list of addresses declared in identities.ips";
  PoolSpec pool{entry.name, {}};
  NameIndex in_pool;
  for (const Field& item : list_items(entry.value, expected)) {
    const std::string text = read_text(item, expected);
    const std::string address = canonical_ip_address(text).value_or(text);
    require_declared(address, addresses, "IP address (identities.ips)", item);
    if (!in_pool.add(address)) {
      item.fail(quote_value(text) + " is in the pool twice", "each address once");
    }
    pool.ips.push_back(address);
  }
  if (pool.ips.empty()) entry.value.fail("is empty", expected);
  return pool;
}

}  // namespace

void read_identities_and_pools(const MapReader& top, Scenario& scenario) {
  NameIndex addresses;
  NameIndex live_sources;
  NameIndex domain_names;
  if (auto field = top.get("identities")) {
    const MapReader identities(*field, {"ips", "domains"});
    if (auto ips = identities.get("ips")) {
      for (const Field& item :
           list_items(*ips, "a list of {address, age, established_per_day, live_source}")) {
        scenario.ips.push_back(read_ip(item, addresses, live_sources));
      }
    }
    if (auto domains = identities.get("domains")) {
      for (const Field& item :
           list_items(*domains, "a list of {name, age, established_per_day, spf, dkim, dmarc, aligned}")) {
        scenario.domains.push_back(read_domain(item, domain_names));
      }
    }
  }
  if (auto field = top.get("pools")) {
    for (const NamedField& entry :
         named_entries(*field, "a mapping of pool name to a list of IP addresses")) {
      scenario.pools.push_back(read_pool(entry, addresses));
    }
  }
}

}  // namespace delivsim

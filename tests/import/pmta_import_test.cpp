#include "sim/import/pmta_import.h"

#include <gtest/gtest.h>

#include "pmta_test_files.h"
#include "sim/import/imported_scenario.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {
namespace {

// --- Each directive of a <domain> block: its key, its value, its position ------------------------------

struct Mapped {
  const char* directive;          ///< the line inside <domain gmail.com> (line 2, indented by 2)
  std::vector<std::string> path;  ///< under sender.destinations.gmail
  const char* value;
  int column;
};

class PmtaDomainDirective : public testing::TestWithParam<Mapped> {};

TEST_P(PmtaDomainDirective, BecomesItsKeyAtItsPosition) {
  const ImportedConfig config =
      import_pmta_text("<domain gmail.com>\n  " + std::string(GetParam().directive) + "\n</domain>\n");
  std::vector<std::string> path{"sender", "destinations", "gmail"};
  path.insert(path.end(), GetParam().path.begin(), GetParam().path.end());
  const YamlNode* node = node_at(config.scenario_keys, path);
  ASSERT_NE(node, nullptr) << GetParam().directive;
  EXPECT_EQ(node->scalar, GetParam().value);
  EXPECT_EQ(node->position.line, 2);
  EXPECT_EQ(node->position.column, GetParam().column);
  EXPECT_EQ(config.warnings.size(), 1u);  // the provider scope note (gmail also hosts googlemail.com)
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PmtaDomainDirective,
    testing::Values(Mapped{"max-smtp-out 5", {"max_smtp_out"}, "5", 16},
                    Mapped{"max-msg-per-connection 50", {"max_msg_per_connection"}, "50", 26},
                    Mapped{"max-msg-rate 100/5m", {"max_msg_rate"}, "20/m", 16},
                    Mapped{"max-connect-rate 60/min", {"max_conn_rate"}, "60/m", 20},
                    Mapped{"retry-after 15m", {"retry_after"}, "15m", 15},
                    Mapped{"connection-idle-timeout 30s", {"idle_timeout"}, "30s", 27},
                    Mapped{"bounce-after 3d", {"bounce_after"}, "3d", 16},
                    Mapped{"backoff-max-msg-rate 100/h", {"backoff", "max_msg_rate"}, "100/h", 24},
                    Mapped{"backoff-retry-after 45m", {"backoff", "retry_after"}, "45m", 23},
                    Mapped{"backoff-to-normal-after 2h", {"backoff", "to_normal_after"}, "2h", 27},
                    Mapped{"backoff-to-normal-after never", {"backoff", "to_normal_after"}, "never", 27}));

TEST(PmtaImport, ARetryListBecomesRetryListOffsets) {
  const ImportedConfig config = import_pmta_text("<domain *>\n  retry-after 5m,10m,20m\n</domain>\n");
  const YamlNode* list = node_at(config.scenario_keys, {"sender", "defaults", "retry", "list"});
  ASSERT_NE(list, nullptr);
  ASSERT_EQ(list->items.size(), 3u);
  EXPECT_EQ(list->items[2].scalar, "35m");
  EXPECT_EQ(list->items[2].position.column, 22);
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "defaults", "retry_after"}), nullptr);
}

TEST(PmtaImport, ALaterRetryAfterReplacesTheEarlierForm) {
  const ImportedConfig config =
      import_pmta_text("<domain *>\n  retry-after 5m,10m\n  retry-after 30m\n</domain>\n");
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "defaults", "retry"}), nullptr);
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "defaults", "retry_after"})->scalar, "30m");
}

// --- PowerMTA defaults delivsim does not share ----------------------------------------------------------

TEST(PmtaImport, PowerMtaBackoffDefaultsAreWrittenWithTheirSource) {
  const ImportedConfig config = import_pmta_text("<domain gmail.com>\n  max-msg-rate 500/h\n</domain>\n");
  const YamlNode* to_normal =
      node_at(config.scenario_keys, {"sender", "defaults", "backoff", "to_normal_after"});
  ASSERT_NE(to_normal, nullptr);
  EXPECT_EQ(to_normal->scalar, "never");
  EXPECT_EQ(to_normal->position.line, 0);
  EXPECT_NE(to_normal->position.file.find("PowerMTA default"), std::string::npos);
  const YamlNode* rate = node_at(config.scenario_keys, {"sender", "defaults", "backoff", "max_msg_rate"});
  EXPECT_EQ(rate->scalar, "unlimited");
  EXPECT_EQ(rate->position.line, 0);
  // backoff-max-msg-rate defaults to the queue's own max-msg-rate
  const YamlNode* gmail =
      node_at(config.scenario_keys, {"sender", "destinations", "gmail", "backoff", "max_msg_rate"});
  ASSERT_NE(gmail, nullptr);
  EXPECT_EQ(gmail->scalar, "500/h");
  EXPECT_EQ(gmail->position.line, 2);
}

TEST(PmtaImport, AnExplicitBackoffRateInTheCatchAllIsInherited) {
  const ImportedConfig config = import_pmta_text(
      "<domain *>\n  max-msg-rate 1000/h\n  backoff-max-msg-rate 50/h\n</domain>\n"
      "<domain gmail.com>\n  max-msg-rate 500/h\n</domain>\n");
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "defaults", "backoff", "max_msg_rate"})->scalar, "50/h");
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "destinations", "gmail", "backoff"}), nullptr);
}

// --- VirtualMTAs, pools, sources ------------------------------------------------------------------------

TEST(PmtaImport, VirtualMtasBecomeIpsAndPools) {
  const ImportedConfig config = import_pmta_text(
      "<virtual-mta a>\n  smtp-source-host 192.0.2.1 a.example.com\n</virtual-mta>\n"
      "<virtual-mta b>\n  smtp-source-host 192.0.2.2 b.example.com\n</virtual-mta>\n"
      "<virtual-mta-pool both>\n  virtual-mta a\n  virtual-mta b\n</virtual-mta-pool>\n"
      "<source 127.0.0.1>\n  default-virtual-mta both\n</source>\n");
  const YamlNode* ips = node_at(config.scenario_keys, {"identities", "ips"});
  ASSERT_NE(ips, nullptr);
  ASSERT_EQ(ips->items.size(), 2u);
  EXPECT_EQ(ips->items[1].find("address")->scalar, "192.0.2.2");
  EXPECT_EQ(ips->items[1].find("address")->position.line, 5);
  EXPECT_EQ(ips->items[1].find("address")->position.column, 20);
  EXPECT_EQ(ips->items[1].find("age")->scalar, "new");
  EXPECT_EQ(ips->items[1].find("age")->position.line, 0);
  const YamlNode* pools = node_at(config.scenario_keys, {"pools"});
  ASSERT_NE(pools, nullptr);
  EXPECT_EQ(pools->find("a")->items.at(0).scalar, "192.0.2.1");
  ASSERT_EQ(pools->find("both")->items.size(), 2u);
  EXPECT_EQ(pools->find("both")->items[1].position.line, 9);
  EXPECT_EQ(config.default_pool, "both");
  EXPECT_TRUE(config.warnings.empty());
}

TEST(PmtaImport, AnIpInTwoVirtualMtasIsDeclaredOnce) {
  const ImportedConfig config = import_pmta_text(
      "<virtual-mta a>\n  smtp-source-host 192.0.2.1 a\n</virtual-mta>\n"
      "<virtual-mta b>\n  smtp-source-host 192.0.2.1 b\n</virtual-mta>\n");
  EXPECT_EQ(node_at(config.scenario_keys, {"identities", "ips"})->items.size(), 1u);
  EXPECT_EQ(node_at(config.scenario_keys, {"pools"})->entries.size(), 2u);
}

TEST(PmtaImport, AColdVirtualMtaPairsByNameAndMaxColdMessagesBecomeTheDailyCount) {
  const ImportedConfig config = import_pmta_text(
      "<virtual-mta m3>\n  smtp-source-host 192.0.2.12 m3\n</virtual-mta>\n"
      "<virtual-mta m3-cold>\n  smtp-source-host 192.0.2.13 m3c\n</virtual-mta>\n"
      "<virtual-mta lone-cold>\n  smtp-source-host 192.0.2.14 lc\n</virtual-mta>\n"
      "<domain gmail.com>\n  max-cold-virtual-mta-msg 200/d\n</domain>\n");
  const YamlNode* cold_ips = node_at(config.scenario_keys, {"sender", "cold_ips"});
  ASSERT_NE(cold_ips, nullptr);
  ASSERT_EQ(cold_ips->entries.size(), 1u);  // lone-cold has no warm VirtualMTA
  EXPECT_EQ(cold_ips->find("192.0.2.12")->scalar, "192.0.2.13");
  EXPECT_EQ(cold_ips->find("192.0.2.12")->position.line, 5);
  const YamlNode* count =
      node_at(config.scenario_keys, {"sender", "destinations", "gmail", "cold_msg_per_day"});
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->scalar, "200");
  EXPECT_EQ(count->position.line, 11);
  for (const ImportWarning& warning : config.warnings)
    EXPECT_NE(warning.directive, "max-cold-virtual-mta-msg");
}

TEST(PmtaImport, MaxColdMessagesMustBeACountPerDay) {
  for (const std::string value : {"200", "200/h", "x/d", "-1/d"}) {
    EXPECT_THROW(import_pmta_text("<domain *>\n  max-cold-virtual-mta-msg " + value + "\n</domain>\n"),
                 ScenarioError)
        << value;
  }
}

// --- Domains, macros and providers ----------------------------------------------------------------------

TEST(PmtaImport, MacroDomainsMapToTheirProviderAndAreRecipientDomains) {
  const ImportedConfig config = import_pmta_text(
      "domain-macro ms hotmail.com, outlook.com,live.com, msn.com\n"
      "<domain $ms>\n  max-smtp-out 5\n</domain>\n"
      "<domain gmail.com>\n  max-smtp-out 2\n</domain>\n");
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "destinations", "microsoft", "max_smtp_out"})->scalar,
            "5");
  EXPECT_EQ(config.recipient_domains,
            (std::vector<std::string>{"hotmail.com", "outlook.com", "live.com", "msn.com", "gmail.com"}));
  const ImportWarning* scope = find_warning(config, "<domain>");
  ASSERT_NE(scope, nullptr);
  EXPECT_EQ(scope->where.line, 2);
  EXPECT_NE(scope->why.find("hotmail.com, outlook.com, live.com, msn.com together"), std::string::npos);
}

TEST(PmtaImport, ADomainOutsideTheDefaultProvidersGetsAGenericProvider) {
  const ImportedConfig config = import_pmta_text("<domain Example.org>\n  max-smtp-out 3\n</domain>\n");
  const YamlNode* provider = node_at(config.scenario_keys, {"providers", "example.org"});
  ASSERT_NE(provider, nullptr);
  EXPECT_EQ(provider->find("profile")->scalar, "generic");
  EXPECT_EQ(provider->find("domains")->items.at(0).scalar, "example.org");
  // only the new provider: the writer and the loader list the default set beside it (imported_config.h)
  EXPECT_EQ(node_at(config.scenario_keys, {"providers"})->entries.size(), 1u);
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "destinations", "example.org", "max_smtp_out"})->scalar,
            "3");
  EXPECT_TRUE(config.warnings.empty());
}

TEST(PmtaImport, TwoBlocksForOneProviderWithDifferentValuesAreAWarningNamingBoth) {
  const ImportedConfig config = import_pmta_text(
      "<domain hotmail.com>\n  max-smtp-out 5\n</domain>\n<domain outlook.com>\n  max-smtp-out "
      "3\n</domain>\n");
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "destinations", "microsoft", "max_smtp_out"})->scalar,
            "3");
  const ImportWarning* conflict = find_warning(config, "max-smtp-out");
  ASSERT_NE(conflict, nullptr);
  EXPECT_EQ(conflict->where.line, 5);
  EXPECT_NE(conflict->why.find("pmta-test.conf:2 (5)"), std::string::npos) << conflict->why;
}

TEST(PmtaImport, AWildcardDomainIsAWarning) {
  const ImportedConfig config = import_pmta_text("<domain *.example.com>\n  max-smtp-out 3\n</domain>\n");
  ASSERT_EQ(config.warnings.size(), 1u);
  EXPECT_NE(config.warnings[0].why.find("exact domains"), std::string::npos);
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "destinations"}), nullptr);
}

// --- Pattern lists --------------------------------------------------------------------------------------

TEST(PmtaImport, PatternListRulesAndTheirActions) {
  const ImportedConfig config = import_pmta_text(
      "<smtp-pattern-list p>\n"
      "  reply /421 4\\.7\\.0 .*low reputation/ mode=backoff\n"
      "  reply /S3140/ disable-source-ip reenable-after=4h\n"
      "  reply /x/ mode=backoff backoff-to-normal-after=30m\n"
      "  reply /y/ mode=normal\n"
      "</smtp-pattern-list>\n"
      "<domain gmail.com>\n  smtp-pattern-list p\n</domain>\n");
  const YamlNode* rules = node_at(config.scenario_keys, {"sender", "destinations", "gmail", "patterns"});
  ASSERT_NE(rules, nullptr);
  ASSERT_EQ(rules->items.size(), 3u);  // the mode=normal rule has no action delivsim models
  EXPECT_EQ(rules->items[0].find("regex")->scalar, "421 4\\.7\\.0 .*low reputation");
  EXPECT_TRUE(rules->items[0].find("regex")->quoted);
  EXPECT_EQ(rules->items[0].find("regex")->position.column, 9);
  EXPECT_EQ(rules->items[0].find("backoff")->scalar, "true");
  EXPECT_EQ(rules->items[1].find("suspend_for")->scalar, "4h");
  EXPECT_EQ(rules->items[1].find("suspend_for")->position.column, 50);
  EXPECT_NE(find_warning(config, "disable-source-ip"), nullptr);
  EXPECT_NE(find_warning(config, "backoff-to-normal-after=30m"), nullptr);
  EXPECT_NE(find_warning(config, "mode=normal"), nullptr);
  ASSERT_NE(find_warning(config, "reply"), nullptr);
  EXPECT_EQ(find_warning(config, "reply")->where.line, 5);
}

TEST(PmtaImport, AnUnusedPatternListIsAWarning) {
  const ImportedConfig config =
      import_pmta_text("<smtp-pattern-list p>\n  reply /x/ mode=backoff\n</smtp-pattern-list>\n");
  ASSERT_NE(find_warning(config, "<smtp-pattern-list>"), nullptr);
}

// --- Warnings for what is not modelled -------------------------------------------------------------------

struct Unmodelled {
  const char* text;       ///< a config
  const char* directive;  ///< the warning's directive
  int line;
  const char* why_part;
};

class PmtaWarning : public testing::TestWithParam<Unmodelled> {};

TEST_P(PmtaWarning, SaysWhy) {
  const ImportedConfig config = import_pmta_text(GetParam().text);
  const ImportWarning* warning = find_warning(config, GetParam().directive);
  ASSERT_NE(warning, nullptr) << GetParam().text;
  EXPECT_EQ(warning->where.line, GetParam().line);
  EXPECT_NE(warning->why.find(GetParam().why_part), std::string::npos) << warning->why;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PmtaWarning,
    testing::Values(
        Unmodelled{"<domain *>\n max-smpt-out 3\n</domain>\n", "max-smpt-out", 2,
                   "did you mean 'max-smtp-out'"},
        Unmodelled{"<domain *>\n max-conn-rate 3/m\n</domain>\n", "max-conn-rate", 2,
                   "did you mean 'max-connect-rate'"},
        Unmodelled{"throttle 1000/hour\n", "throttle", 1, "not a PowerMTA directive"},
        Unmodelled{"<limits>\n</limits>\n", "<limits>", 1, "not a PowerMTA directive"},
        Unmodelled{"<domain *>\n max-smtp-out-msg-rate 3\n</domain>\n", "max-smtp-out-msg-rate", 2,
                   "did you mean 'max-smtp-out'"},
        Unmodelled{"<domain *>\n use-starttls yes\n</domain>\n", "use-starttls", 2, "TLS"},
        Unmodelled{"spool /var/spool/pmta\n", "spool", 1, "server setup"},
        Unmodelled{"<acct-file /x>\n records d\n</acct-file>\n", "<acct-file>", 1, "accounting"},
        Unmodelled{"<source 0/0>\n always-allow-relaying yes\n</source>\n", "always-allow-relaying", 2,
                   "injection"},
        Unmodelled{
            "<virtual-mta v>\n smtp-source-host 192.0.2.1 h\n <domain *>\n  max-smtp-out 2\n </domain>\n"
            "</virtual-mta>\n",
            "<domain>", 3, "per provider for every IP"},
        Unmodelled{"<virtual-mta v>\n</virtual-mta>\n", "<virtual-mta>", 1, "no smtp-source-host"},
        Unmodelled{"<domain *>\n backoff-retry-after 1h,2h\n</domain>\n", "backoff-retry-after", 2,
                   "first of the list"},
        Unmodelled{"<domain *>\n max-cold-virtual-mta-msg 200/d,400/d\n</domain>\n",
                   "max-cold-virtual-mta-msg", 2, "is a list"},
        Unmodelled{"include /etc/pmta/more.conf\n", "include", 1, "one more FILE"},
        Unmodelled{"max-smtp-out 3\n", "max-smtp-out", 1, "not at the top level"},
        Unmodelled{"<domain *>\n smtp-source-host 192.0.2.1 h\n</domain>\n", "smtp-source-host", 2,
                   "not in <domain *>"},
        Unmodelled{"<domain gmail.com>\n max-smtp-out 2\n</domain>\n", "<domain>", 1, "googlemail.com"}));

// PowerMTA allows at most 10m; a longer value is imported as the longest a scenario takes, with a warning,
// so the scenario written still runs.
TEST(PmtaImport, AnIdleTimeoutOverAnHourIsImportedAsAnHour) {
  const ImportedConfig config =
      import_pmta_text("<domain gmail.com>\n  connection-idle-timeout 2h\n</domain>\n");
  EXPECT_EQ(node_at(config.scenario_keys, {"sender", "destinations", "gmail", "idle_timeout"})->scalar, "1h");
  const ImportWarning* warning = find_warning(config, "connection-idle-timeout");
  ASSERT_NE(warning, nullptr);
  EXPECT_EQ(warning->where.line, 2);
  EXPECT_NE(warning->why.find("'2h' imported as 1h"), std::string::npos) << warning->why;
  const Scenario scenario =
      parse_scenario(imported_scenario_text(config, MtaFormat::PowerMta, {"pmta.conf"}), "imported.yaml");
  EXPECT_EQ(scenario.policy_for("gmail").idle_timeout, std::chrono::hours(1));
}

TEST(PmtaImport, BackoffConnectionsAndEndingBackoffUponADeliveryAreMapped) {
  const ImportedConfig config = import_pmta_text(
      "<domain *>\n backoff-to-normal-after-delivery yes\n</domain>\n"
      "<domain gmail.com>\n backoff-max-smtp-out 2\n</domain>\n");
  for (const ImportWarning& warning : config.warnings) EXPECT_NE(warning.directive.rfind("backoff-", 0), 0u);
  const YamlNode* after_delivery =
      node_at(config.scenario_keys, {"sender", "defaults", "backoff", "to_normal_after_delivery"});
  ASSERT_NE(after_delivery, nullptr);
  EXPECT_EQ(after_delivery->scalar, "true");
  EXPECT_EQ(after_delivery->position.line, 2);
  // PowerMTA's default backoff-max-smtp-out (20) is written where the config leaves it out.
  const YamlNode* default_connections =
      node_at(config.scenario_keys, {"sender", "defaults", "backoff", "max_smtp_out"});
  ASSERT_NE(default_connections, nullptr);
  EXPECT_EQ(default_connections->scalar, "20");
  EXPECT_EQ(default_connections->position.line, 0);
  EXPECT_EQ(
      node_at(config.scenario_keys, {"sender", "destinations", "gmail", "backoff", "max_smtp_out"})->scalar,
      "2");
  const Scenario scenario =
      parse_scenario(imported_scenario_text(config, MtaFormat::PowerMta, {"pmta.conf"}), "imported.yaml");
  EXPECT_EQ(scenario.policy_for("gmail").backoff.max_smtp_out, 2);
  EXPECT_TRUE(scenario.policy_for("gmail").backoff.to_normal_after_delivery);
  EXPECT_EQ(scenario.sender_defaults.backoff.max_smtp_out, 20);
}

TEST(PmtaImport, WarningsAreInFileAndLineOrder) {
  const ImportedConfig config = import_pmta_text(
      "<smtp-pattern-list unused>\n reply /x/ mode=backoff\n</smtp-pattern-list>\nspool /x\nhost-name h\n");
  ASSERT_EQ(config.warnings.size(), 3u);
  EXPECT_EQ(config.warnings[0].where.line, 1);
  EXPECT_EQ(config.warnings[1].where.line, 4);
  EXPECT_EQ(config.warnings[2].where.line, 5);
}

// --- Errors ---------------------------------------------------------------------------------------------

struct Malformed {
  const char* text;
  int line;
  int column;
  const char* field;
  const char* hint;
};

class PmtaError : public testing::TestWithParam<Malformed> {};

TEST_P(PmtaError, NamesLineColumnFieldAndHint) {
  try {
    import_pmta_text(GetParam().text);
    FAIL() << "no error for " << GetParam().text;
  } catch (const ScenarioError& e) {
    EXPECT_EQ(e.line, GetParam().line) << e.what();
    EXPECT_EQ(e.column, GetParam().column) << e.what();
    EXPECT_EQ(e.field, GetParam().field) << e.what();
    EXPECT_EQ(e.hint, GetParam().hint) << e.what();
    EXPECT_NE(e.file.find("pmta-test.conf"), std::string::npos);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, PmtaError,
    testing::Values(Malformed{"<domain *>\n  max-msg-rate fast\n</domain>\n", 2, 16, "max-msg-rate", ""},
                    Malformed{"<domain *>\n  max-smtp-out\n</domain>\n", 2, 3, "max-smtp-out", ""},
                    Malformed{"<domain *>\n  bounce-after 3 days\n</domain>\n", 2, 3, "bounce-after", ""},
                    Malformed{"<domain *>\n  smtp-pattern-list gmail-erors\n</domain>\n"
                              "<smtp-pattern-list gmail-errors>\n</smtp-pattern-list>\n",
                              2, 21, "smtp-pattern-list", "gmail-errors"},
                    Malformed{"domain-macro yahoo yahoo.com\n<domain $yaho>\n</domain>\n", 2, 9, "domain",
                              "yahoo"},
                    Malformed{"<virtual-mta a1>\n smtp-source-host 192.0.2.1\n</virtual-mta>\n"
                              "<virtual-mta-pool p>\n virtual-mta a2\n</virtual-mta-pool>\n",
                              5, 14, "virtual-mta", "a1"},
                    Malformed{"<virtual-mta a1>\n smtp-source-host 192.0.2.1\n</virtual-mta>\n"
                              "<source 0/0>\n default-virtual-mta a3\n</source>\n",
                              5, 22, "default-virtual-mta", "a1"},
                    Malformed{"<smtp-pattern-list p>\n reply /(a)\\1/ mode=backoff\n</smtp-pattern-list>\n"
                              "<domain *>\n smtp-pattern-list p\n</domain>\n",
                              2, 8, "reply", ""},
                    Malformed{"<smtp-pattern-list p>\n reply 421 mode=backoff\n</smtp-pattern-list>\n"
                              "<domain *>\n smtp-pattern-list p\n</domain>\n",
                              2, 8, "reply", ""},
                    Malformed{"<domain *>\n backoff-to-normal-after-delivery maybe\n</domain>\n", 2, 35,
                              "backoff-to-normal-after-delivery", ""}));

TEST(PmtaImport, SeveralFilesAreReadAsOneConfig) {
  const auto macros = write_config("macros.conf", "domain-macro y yahoo.com, aol.com\n");
  const auto domains = write_config("domains.conf", "<domain $y>\n  max-smtp-out 4\n</domain>\n");
  const ImportedConfig config = import_powermta({macros, domains});
  const YamlNode* value = node_at(config.scenario_keys, {"sender", "destinations", "yahoo", "max_smtp_out"});
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->position.file, domains.string());
}

}  // namespace
}  // namespace delivsim

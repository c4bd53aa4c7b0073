// import_postfix: each mapped parameter (value and position), each warning kind and each error kind.
#include "sim/import/postfix_import.h"
#include "sim/import/scenario_duration_text.h"

#include <gtest/gtest.h>

#include "sim/import/postfix_parameters.h"
#include "sim/yaml/scenario_error.h"
#include "tests/import/postfix_test_files.h"

namespace delivsim {
namespace {

using testing::node_at;
using testing::PostfixTestFiles;

/// Imports main.cf `main` (plus master.cf and a transport table when not empty), written to a fresh folder.
struct Config {
  PostfixTestFiles files;
  std::vector<std::filesystem::path> paths;

  Config(const std::string& main, const std::string& master = "", const std::string& transport = "") {
    paths.push_back(files.write("main.cf", main));
    if (!master.empty()) paths.push_back(files.write("master.cf", master));
    if (!transport.empty()) paths.push_back(files.write("transport", transport));
  }
  ImportedConfig import() const { return import_postfix(paths); }
  std::string main_file() const { return paths.front().string(); }
};

const std::string kMaster =
    "smtp      unix  -       -       n       -       -       smtp\n"
    "gmail-out unix  -       -       n       -       20      smtp\n"
    "        -o smtp_bind_address=192.0.2.10\n"
    "corp-out  unix  -       -       n       -       20      smtp\n"
    "        -o smtp_bind_address=192.0.2.20\n"
    "error     unix  -       -       n       -       -       error\n";

const std::string kMaps = "transport_maps = hash:/etc/postfix/transport\n";

ScenarioError error_of(const Config& config) {
  try {
    config.import();
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted";
  return ScenarioError("", 0, 0, "", "", "");
}

/// The warnings besides the one about the default transport having no smtp_bind_address (most tests give
/// none, and that warning has its own test).
std::vector<ImportWarning> other_warnings(const ImportedConfig& config) {
  std::vector<ImportWarning> warnings;
  for (const ImportWarning& warning : config.warnings) {
    if (warning.why.find("so there is no default pool") == std::string::npos) warnings.push_back(warning);
  }
  return warnings;
}

std::vector<std::string> directives(const std::vector<ImportWarning>& warnings) {
  std::vector<std::string> names;
  for (const ImportWarning& warning : warnings) names.push_back(warning.directive);
  return names;
}

const ImportWarning* warning_for(const ImportedConfig& config, const std::string& directive) {
  for (const ImportWarning& warning : config.warnings) {
    if (warning.directive == directive) return &warning;
  }
  return nullptr;
}

void expect_at(const YamlNode* node, const std::string& text, int line, int column) {
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->scalar, text);
  EXPECT_EQ(node->position.line, line);
  EXPECT_EQ(node->position.column, column);
}

// --- Mapped parameters -------------------------------------------------------------------------------------

TEST(PostfixImport, BackoffTimesBecomeAnExponentialRetryDoubling) {
  const Config config("minimal_backoff_time = 10m\nmaximal_backoff_time = 2h\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.retry.exponential.initial"), "10m", 1, 24);
  expect_at(node_at(imported.scenario_keys, "sender.defaults.retry.exponential.max"), "2h", 2, 24);
  const YamlNode* factor = node_at(imported.scenario_keys, "sender.defaults.retry.exponential.factor");
  ASSERT_NE(factor, nullptr);
  EXPECT_EQ(factor->scalar, "2");
  EXPECT_EQ(factor->position.file, kPostfixDefaultSource);
  EXPECT_TRUE(other_warnings(imported).empty());
}

TEST(PostfixImport, PostfixDefaultsThatDifferFromDelivsimsAreWrittenWithTheirSource) {
  const Config config("myhostname = mta.example.com\n");
  const ImportedConfig imported = config.import();
  const YamlNode* bounce = node_at(imported.scenario_keys, "sender.defaults.bounce_after");
  ASSERT_NE(bounce, nullptr);
  EXPECT_EQ(bounce->scalar, "5d");
  EXPECT_EQ(bounce->position.file, kPostfixDefaultSource);
  EXPECT_EQ(bounce->position.line, 0);
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.retry.exponential.initial")->scalar, "5m");
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.retry.exponential.max")->scalar, "1h6m40s");
  // Postfix's 20 is delivsim's 20: not written.
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.max_smtp_out"), nullptr);
}

TEST(PostfixImport, MaximalQueueLifetimeIsBounceAfterInDaysWhenBare) {
  const Config config("maximal_queue_lifetime = 3\nminimal_backoff_time = 120\nmaximal_backoff_time = 1w\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.bounce_after"), "3d", 1, 26);
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.retry.exponential.initial")->scalar, "2m");
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.retry.exponential.max")->scalar, "7d");
}

TEST(PostfixImport, ZeroQueueLifetimeTriesOnceWithAWarning) {
  const Config config("maximal_queue_lifetime = 0\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.bounce_after")->scalar, "1s");
  ASSERT_NE(warning_for(imported, "maximal_queue_lifetime"), nullptr);
}

TEST(PostfixImport, DefaultConcurrencyLimitIsMaxSmtpOutWithTheDifferenceWarned) {
  const Config config("default_destination_concurrency_limit = 8\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.max_smtp_out"), "8", 1, 41);
  const ImportWarning* warning = warning_for(imported, "default_destination_concurrency_limit");
  ASSERT_NE(warning, nullptr);
  EXPECT_NE(warning->why.find("per destination domain"), std::string::npos) << warning->why;
}

TEST(PostfixImport, RateDelayIsOneMessagePerDelayOverOneConnection) {
  const Config config("default_destination_rate_delay = 5s\ndefault_destination_concurrency_limit = 8\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.rate_delay"), "5s", 1, 34);
  expect_at(node_at(imported.scenario_keys, "sender.defaults.max_smtp_out"), "8", 2, 41);
  expect_at(node_at(imported.scenario_keys, "sender.mta"), "postfix", 0, 0);
  const ImportWarning* limit = warning_for(imported, "default_destination_concurrency_limit");
  ASSERT_NE(limit, nullptr);
  EXPECT_NE(limit->why.find("no effect while the rate delay"), std::string::npos) << limit->why;
}

TEST(PostfixImport, TimeValuesReadInTheirDefaultUnit) {
  EXPECT_EQ(scenario_duration_text(108 * 3600 * 1000), "4d12h");
  EXPECT_EQ(parse_postfix_time("300", 's'), 300);
  EXPECT_EQ(parse_postfix_time("2w", 'd'), 14 * 86400);
  EXPECT_EQ(parse_postfix_time("5x", 's'), std::nullopt);
  EXPECT_EQ(parse_postfix_time("-5", 's'), std::nullopt);
  EXPECT_EQ(parse_postfix_time("99999999999999999999", 's'), std::nullopt);
}

TEST(PostfixImport, TransportMapRoutesAProviderThroughItsTransportsBindAddress) {
  const Config config(kMaps + "gmail-out_destination_concurrency_limit = 4\n", kMaster,
                      "gmail.com gmail-out:\ngooglemail.com   gmail-out:\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.destinations.gmail.pool"), "gmail-out", 1, 1);
  expect_at(node_at(imported.scenario_keys, "sender.destinations.gmail.max_smtp_out"), "4", 2, 43);
  const YamlNode* pool = node_at(imported.scenario_keys, "pools.gmail-out");
  ASSERT_NE(pool, nullptr);
  ASSERT_EQ(pool->items.size(), 1u);
  expect_at(&pool->items[0], "192.0.2.10", 3, 30);
  EXPECT_EQ(pool->items[0].position.file, config.paths[1].string());
  const YamlNode* ips = node_at(imported.scenario_keys, "identities.ips");
  ASSERT_NE(ips, nullptr);
  ASSERT_EQ(ips->items.size(), 1u);
  EXPECT_EQ(ips->items[0].find("address")->scalar, "192.0.2.10");
  EXPECT_EQ(imported.recipient_domains, (std::vector<std::string>{"gmail.com", "googlemail.com"}));
  EXPECT_EQ(node_at(imported.scenario_keys, "providers"), nullptr);
}

TEST(PostfixImport, ADomainOutsideTheDefaultProvidersGetsAGenericProviderNamedAfterItsTransport) {
  const Config config(kMaps, kMaster, "example.net corp-out:\nexample.org corp-out:\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(node_at(imported.scenario_keys, "providers.corp-out.profile")->scalar, "generic");
  const YamlNode* domains = node_at(imported.scenario_keys, "providers.corp-out.domains");
  ASSERT_NE(domains, nullptr);
  ASSERT_EQ(domains->items.size(), 2u);
  expect_at(&domains->items[1], "example.org", 2, 1);
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.corp-out.pool")->scalar, "corp-out");
}

TEST(PostfixImport, TheStarRouteIsTheDefaultTransportAndGivesTheDefaultPool) {
  const Config config(kMaps, kMaster, "*  corp-out:\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(imported.default_pool, "corp-out");
  // Only gmail-out's address is left over: the old default transport smtp is not warned about.
  ASSERT_EQ(imported.warnings.size(), 1u);
  EXPECT_EQ(imported.warnings[0].where.line, 3);
}

TEST(PostfixImport, DollarReferencesAndContinuationLinesAreExpanded) {
  const Config config(
      "transport_maps =\n    texthash:$config_directory/transport\nmy_ip = 192.0.2.7\n"
      "smtp_bind_address = ${my_ip}\nmy_unset =\nrelayhost = ${my_unset?[relay]}\n",
      "smtp unix - - n - - smtp\n", "yahoo.com smtp:\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(imported.default_pool, "smtp");
  expect_at(&node_at(imported.scenario_keys, "pools.smtp")->items[0], "192.0.2.7", 4, 21);
  EXPECT_EQ(imported.recipient_domains, (std::vector<std::string>{"yahoo.com"}));
  // my_ip and my_unset are not Postfix parameters delivsim knows: warned, relayhost (empty) is not.
  EXPECT_EQ(directives(other_warnings(imported)), (std::vector<std::string>{"my_ip", "my_unset"}));
}

TEST(PostfixImport, ARealisticDebianRelayWithAThrottledYahooTransportImports) {
  // Written here after the usual shape of such setups: Debian 12's stock main.cf and master.cf lines, one
  // bind address for all mail and a dedicated "yahoo" transport slowed down (SCHEDULER_README).
  const Config config(
      "# See /usr/share/postfix/main.cf.dist for a commented, more complete version\n"
      "smtpd_banner = $myhostname ESMTP $mail_name (Debian/GNU)\nbiff = no\nappend_dot_mydomain = no\n"
      "readme_directory = no\ncompatibility_level = 3.6\n"
      "smtpd_tls_cert_file=/etc/ssl/certs/ssl-cert-snakeoil.pem\nsmtpd_tls_security_level=may\n"
      "smtp_tls_CApath=/etc/ssl/certs\nsmtp_tls_security_level=may\n"
      "smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache\n"
      "smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination\n"
      "myhostname = news.example.com\nalias_maps = hash:/etc/aliases\nalias_database = hash:/etc/aliases\n"
      "myorigin = /etc/mailname\nmydestination = $myhostname, news.example.com, localhost.localdomain,\n"
      "    localhost\nrelayhost =\nmynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128\n"
      "mailbox_size_limit = 0\nrecipient_delimiter = +\ninet_interfaces = all\ninet_protocols = all\n"
      "smtp_bind_address = 198.51.100.7\ntransport_maps = hash:/etc/postfix/transport\n"
      "yahoo_initial_destination_concurrency = 1\nyahoo_destination_concurrency_limit = 4\n"
      "yahoo_destination_rate_delay = 2s\nyahoo_destination_recipient_limit = 2\n",
      "smtp      inet  n       -       y       -       -       smtpd\n"
      "#submission inet n       -       y       -       -       smtpd\n"
      "#  -o syslog_name=postfix/submission\n"
      "pickup    unix  n       -       y       60      1       pickup\n"
      "qmgr      unix  n       -       n       300     1       qmgr\n"
      "smtp      unix  -       -       y       -       -       smtp\n"
      "relay     unix  -       -       y       -       -       smtp\n"
      "        -o syslog_name=postfix/$service_name\n"
      "maildrop  unix  -       n       n       -       -       pipe\n"
      "  flags=DRhu user=vmail argv=/usr/bin/maildrop -d ${recipient}\n"
      "yahoo     unix  -       -       N       -       1       smtp\n"
      "        -o smtp_fallback_relay=\n",
      "yahoo.com     yahoo:\naol.com       yahoo:\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(imported.default_pool, "smtp");
  EXPECT_EQ(node_at(imported.scenario_keys, "identities.ips")->items.size(), 1u);
  EXPECT_EQ(node_at(imported.scenario_keys, "pools.yahoo")->items.at(0).scalar, "198.51.100.7");
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.yahoo.pool")->scalar, "yahoo");
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.yahoo.max_smtp_out")->scalar, "4");
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.yahoo.rate_delay")->scalar, "2s");
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.yahoo.initial_concurrency")->scalar, "1");
  EXPECT_EQ(directives(imported.warnings),
            (std::vector<std::string>{"yahoo_initial_destination_concurrency",
                                      "yahoo_destination_concurrency_limit", "yahoo_destination_rate_delay",
                                      "yahoo_destination_recipient_limit", "smtp_fallback_relay"}));
}

// --- Warnings ----------------------------------------------------------------------------------------------

TEST(PostfixImport, SlowStartAndDeadDestinationSettingsAreImportedAndOtherFeedbackWarns) {
  const Config config(
      "initial_destination_concurrency = 2\ndefault_destination_concurrency_positive_feedback = 1\n"
      "default_destination_concurrency_negative_feedback = 1/concurrency\n"
      "default_destination_concurrency_failed_cohort_limit = 10\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.initial_concurrency"), "2", 1, 35);
  expect_at(node_at(imported.scenario_keys, "sender.defaults.concurrency_failed_cohort_limit"), "10", 4, 55);
  const std::vector<ImportWarning> warnings = other_warnings(imported);
  ASSERT_EQ(warnings.size(), 1u);  // feedback 1 is what delivsim models; 1/concurrency is not
  EXPECT_EQ(warnings[0].where.line, 3);
  EXPECT_NE(warnings[0].why.find("'1/concurrency'"), std::string::npos) << warnings[0].why;
}

TEST(PostfixImport, RecipientLimitWarnsAndSaysWhatALimitOfOneChanges) {
  const Config config("default_destination_recipient_limit = 1\n");
  const std::vector<ImportWarning> warnings = other_warnings(config.import());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].why.find("per recipient"), std::string::npos);
}

TEST(PostfixImport, QueueRunDelayIsImportedAndBounceQueueLifetimeWarns) {
  const Config config("queue_run_delay = 60s\nbounce_queue_lifetime = 1d\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.queue_run_delay"), "1m", 1, 19);
  EXPECT_EQ(directives(other_warnings(imported)), (std::vector<std::string>{"bounce_queue_lifetime"}));
}

TEST(PostfixImport, AnUnknownParameterWarnsWithAHint) {
  const Config config("minimal_backof_time = 5m\n");
  const std::vector<ImportWarning> warnings = other_warnings(config.import());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].where.line, 1);
  EXPECT_EQ(warnings[0].where.column, 1);
  EXPECT_NE(warnings[0].why.find("did you mean 'minimal_backoff_time'"), std::string::npos);
}

TEST(PostfixImport, ParametersWithNoEffectOnTheSimulationAreSkippedQuietly) {
  const Config config(
      "myhostname = a.example\nsmtpd_tls_cert_file = /x\nsmtp_tls_security_level = encrypt\n"
      "alias_maps = hash:/etc/aliases\ncompatibility_level = 3.6\n");
  EXPECT_TRUE(other_warnings(config.import()).empty());
}

TEST(PostfixImport, ADefaultTransportWithoutABindAddressWarnsThatThereIsNoDefaultPool) {
  const Config config("myhostname = a\n", "smtp unix - - n - - smtp\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(imported.default_pool, "");
  ASSERT_EQ(imported.warnings.size(), 1u);
  EXPECT_EQ(imported.warnings[0].where.file, config.paths[1].string());
  EXPECT_EQ(imported.warnings[0].where.line, 1);
  EXPECT_EQ(imported.warnings[0].directive, "smtp_bind_address");
}

TEST(PostfixImport, ATrailingHashCommentIsReadAwayWithAWarning) {
  const Config config("maximal_queue_lifetime = 2d   # two days\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.bounce_after")->scalar, "2d");
  const std::vector<ImportWarning> warnings = other_warnings(imported);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].why.find("postconf(5)"), std::string::npos);
}

TEST(PostfixImport, ARedefinedParameterWarnsAtTheEarlierLine) {
  const Config config("maximal_queue_lifetime = 2d\nmaximal_queue_lifetime = 4d\n");
  const ImportedConfig imported = config.import();
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.defaults.bounce_after")->scalar, "4d");
  const std::vector<ImportWarning> warnings = other_warnings(imported);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].where.line, 1);
}

TEST(PostfixImport, ASchedulerOverrideOnAnSmtpServiceWarnsThatQmgrReadsIt) {
  const Config config("myhostname = x\n",
                      "smtp unix - - n - - smtp\n  -o smtp_destination_concurrency_limit=2\n"
                      "  -o smtp_connection_cache_on_demand=no\n");
  const std::vector<ImportWarning> warnings = other_warnings(config.import());
  ASSERT_EQ(directives(warnings), (std::vector<std::string>{"smtp_destination_concurrency_limit",
                                                            "smtp_connection_cache_on_demand"}));
  EXPECT_NE(warnings[0].why.find("queue manager"), std::string::npos);
  EXPECT_EQ(warnings[0].where.line, 2);
  EXPECT_EQ(warnings[0].where.column, 6);
}

TEST(PostfixImport, AQmgrOverrideCountsForTheScheduler) {
  const Config config("maximal_queue_lifetime = 2d\n",
                      "qmgr unix n - n 300 1 qmgr\n  -o maximal_queue_lifetime=1d\n");
  const ImportedConfig imported = config.import();
  expect_at(node_at(imported.scenario_keys, "sender.defaults.bounce_after"), "1d", 2, 29);
  EXPECT_EQ(directives(other_warnings(imported)), (std::vector<std::string>{"maximal_queue_lifetime"}));
}

TEST(PostfixImport, RoutesDelivsimCannotModelWarn) {
  const Config config(
      kMaps, kMaster,
      "gmail.com gmail-out:\ngooglemail.com corp-out:\n.example.com corp-out:\n"
      "user@example.net corp-out:\nbad.example error:\nyahoo.com corp-out:[relay.example]:587\n"
      "aol.com nosuch:\n");
  const ImportedConfig imported = config.import();
  const std::vector<ImportWarning> warnings = other_warnings(imported);
  ASSERT_EQ(warnings.size(), 6u);
  EXPECT_EQ(warnings.front().where.file, config.paths[2].string());
  std::vector<int> lines;
  for (const ImportWarning& warning : warnings) lines.push_back(warning.where.line);
  EXPECT_EQ(lines, (std::vector<int>{2, 3, 4, 5, 6, 7}));
  EXPECT_NE(warnings[0].why.find(":1"), std::string::npos) << warnings[0].why;  // names both lines
  EXPECT_NE(warnings[3].why.find("not SMTP"), std::string::npos);
  EXPECT_NE(warnings[4].why.find("nexthop"), std::string::npos);
  EXPECT_NE(warnings[5].why.find("not a master.cf service"), std::string::npos);
  // The relay route is still imported, the nexthop only warned.
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.yahoo.pool")->scalar, "corp-out");
}

TEST(PostfixImport, TablesNotNamedOrNotGivenWarn) {
  PostfixTestFiles files;
  const ImportedConfig imported = import_postfix(
      {files.write("main.cf", "transport_maps = hash:/etc/postfix/transport, regexp:/etc/postfix/re\n"),
       files.write("sasl_passwd", "[smtp.example]:587 user:pass\n")});
  const std::vector<ImportWarning> warnings = other_warnings(imported);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_NE(warnings[0].why.find("not among the files given"), std::string::npos);
  EXPECT_NE(warnings[1].why.find("is not read"), std::string::npos);
  EXPECT_NE(warnings[2].why.find("not a table transport_maps names"), std::string::npos);
}

TEST(PostfixImport, ABindAddressOfATransportNoRouteUsesWarns) {
  const Config config("myhostname = a\n", kMaster);
  const std::vector<ImportWarning> warnings = other_warnings(config.import());
  EXPECT_EQ(directives(warnings), (std::vector<std::string>{"smtp_bind_address", "smtp_bind_address"}));
  EXPECT_EQ(warnings.at(0).where.line, 3);  // gmail-out's
  EXPECT_EQ(warnings.at(1).where.line, 5);  // corp-out's
  EXPECT_NE(warnings.at(0).why.find("carries none of the imported mail"), std::string::npos);
}

TEST(PostfixImport, ASettingForATransportThatIsNotInMasterCfWarnsWithAHint) {
  const Config config("gmail-outt_destination_concurrency_limit = 3\n", kMaster);
  const ImportedConfig imported = config.import();
  const ImportWarning* warning = warning_for(imported, "gmail-outt_destination_concurrency_limit");
  ASSERT_NE(warning, nullptr);
  EXPECT_NE(warning->why.find("did you mean 'gmail-out'"), std::string::npos) << warning->why;
}

// --- Errors ------------------------------------------------------------------------------------------------

TEST(PostfixImport, AMainCfLineThatIsNotNameEqualsValueIsAnError) {
  const Config config("myhostname = a\nthis is not a parameter\n");
  const ScenarioError error = error_of(config);
  EXPECT_EQ(error.file, config.main_file());
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 1);
  EXPECT_NE(error.expected.find("name = value"), std::string::npos);
}

TEST(PostfixImport, AContinuationLineAtTheStartIsAnError) {
  const ScenarioError error = error_of(Config("  indented = 1\n"));
  EXPECT_EQ(error.line, 1);
  EXPECT_NE(error.problem.find("continues nothing"), std::string::npos);
}

TEST(PostfixImport, ABadTimeValueIsAnErrorAtTheValue) {
  const ScenarioError error = error_of(Config("\nmaximal_backoff_time = soon\n"));
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 24);
  EXPECT_EQ(error.field, "maximal_backoff_time");
}

TEST(PostfixImport, ABadConcurrencyLimitIsAnError) {
  const ScenarioError error = error_of(Config("default_destination_concurrency_limit = many\n"));
  EXPECT_EQ(error.field, "default_destination_concurrency_limit");
  EXPECT_EQ(error.column, 41);
}

TEST(PostfixImport, AServiceLineWithTooFewFieldsIsAnError) {
  const Config config("myhostname = a\n", "smtp unix - - n -\n");
  const ScenarioError error = error_of(config);
  EXPECT_EQ(error.file, config.paths[1].string());
  EXPECT_EQ(error.line, 1);
  EXPECT_NE(error.problem.find("6 fields"), std::string::npos);
}

TEST(PostfixImport, AnUnknownServiceTypeIsAnErrorWithAHint) {
  const ScenarioError error = error_of(Config("myhostname = a\n", "smtp unx - - n - - smtp\n"));
  EXPECT_EQ(error.column, 6);
  EXPECT_EQ(error.hint, "unix");
}

TEST(PostfixImport, AnOverrideWithoutNameEqualsValueIsAnError) {
  const ScenarioError error =
      error_of(Config("myhostname = a\n", "smtp unix - - n - - smtp\n  -o novalue\n"));
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.field, "-o");
}

TEST(PostfixImport, AnUnclosedBraceIsAnError) {
  const ScenarioError error = error_of(Config("myhostname = a\n", "smtp unix - - n - - smtp -o { a = b\n"));
  EXPECT_NE(error.problem.find("not closed"), std::string::npos);
}

TEST(PostfixImport, ABraceArgumentKeepsItsSpaces) {
  const Config config("myhostname = a\n",
                      "smtp unix - - n - - smtp\n  -o { smtp_bind_address = 192.0.2.9 }\n");
  EXPECT_EQ(config.import().default_pool, "smtp");
}

TEST(PostfixImport, ATransportEntryWithoutAValueIsAnError) {
  const Config config(kMaps, kMaster, "gmail.com\n");
  const ScenarioError error = error_of(config);
  EXPECT_EQ(error.file, config.paths[2].string());
  EXPECT_EQ(error.field, "gmail.com");
}

TEST(PostfixImport, NoMainCfIsAnError) {
  PostfixTestFiles files;
  try {
    import_postfix({files.write("master.cf", kMaster)});
    FAIL() << "accepted";
  } catch (const ScenarioError& error) {
    EXPECT_NE(error.problem.find("no main.cf"), std::string::npos);
  }
}

TEST(PostfixImport, TwoMainCfFilesAreAnError) {
  PostfixTestFiles files;
  try {
    import_postfix({files.write("main.cf", "a = 1\n"), files.write("other", "b = 2\n")});
    FAIL() << "accepted";
  } catch (const ScenarioError& error) {
    EXPECT_NE(error.problem.find("second main.cf"), std::string::npos);
  }
}

TEST(PostfixImport, FilesAreSortedByContentWhenTheirNamesSayNothing) {
  PostfixTestFiles files;
  const ImportedConfig imported =
      import_postfix({files.write("a", "gmail.com gmail-out:\n"), files.write("b", kMaster),
                      files.write("c", "transport_maps = texthash:/x/a\n")});
  EXPECT_EQ(node_at(imported.scenario_keys, "sender.destinations.gmail.pool")->scalar, "gmail-out");
}

// --- Hostile input -----------------------------------------------------------------------------------------

TEST(PostfixImport, ANulByteIsAnErrorAtItsPlace) {
  const ScenarioError error = error_of(Config(std::string("myhostname = a\nfoo = b\0c\n", 25)));
  EXPECT_EQ(error.line, 2);
  EXPECT_EQ(error.column, 8);
}

TEST(PostfixImport, ExpansionLoopsAndBlowUpsAreErrors) {
  EXPECT_NE(error_of(Config("a = $b\nb = $a\nsmtp_bind_address = $a\n")).problem.find("deeper than 20"),
            std::string::npos);
  std::string bomb = "smtp_bind_address = $p0\n";
  for (int i = 0; i < 19; ++i) {
    std::string refs;
    for (int j = 0; j < 50; ++j) refs += "$p" + std::to_string(i + 1);
    bomb += "p" + std::to_string(i) + " = " + refs + "\n";
  }
  bomb += "p19 =\n";
  EXPECT_NE(error_of(Config(bomb)).problem.find("100,000 references"), std::string::npos);
}

TEST(PostfixImport, AServiceOfManyContinuationLinesIsReadInLinearTime) {
  std::string master = "smtp unix - - n - - smtp\n";
  for (int i = 0; i < 100000; ++i) master += " -o syslog_name=x\n";
  const Config config("myhostname = a\n", master);
  EXPECT_EQ(config.import().warnings.size(), 1u);  // only: no default pool
}

TEST(PostfixImport, AVeryLongLineAndAFileOverTheCapAreHandled) {
  const Config long_line("myhostname = " + std::string(2'000'000, 'a') + "\n");
  EXPECT_TRUE(other_warnings(long_line.import()).empty());
  const ScenarioError error = error_of(Config(std::string(17 * 1024 * 1024, '#')));
  EXPECT_NE(error.problem.find("larger than 16 MiB"), std::string::npos);
}

}  // namespace
}  // namespace delivsim

#pragma once
/// @file KumoMTA shaping files read and merged as Kumo merges them (crates/kumo-api-types/src/shaping.rs,
/// `Shaping::merge_files`): sections by name in order of first appearance, a later file's values replacing
/// earlier ones, automation rules appended, `replace_base = true` discarding what earlier files said.
/// Every value keeps the file, line and column it was written at.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// One `name = value` of a section (a `kumo.make_egress_path` option), with its value as text.
struct KumoParam {
  std::string name;         ///< as written: "connection_limit"
  SourcePosition key_at;    ///< where the name is written
  SourcePosition value_at;  ///< where the value starts
  enum class Type { Integer, Float, Text, Boolean, Other } type = Type::Other;  ///< the TOML type
  std::string text;          ///< Integer: decimal; Float: as read; Text: the string; Boolean: true/false
  std::int64_t integer = 0;  ///< Integer only
};

/// One automation action (`action = "Suspend"` or `{SetConfig={name=..., value=...}}`).
struct KumoAction {
  enum class Kind {
    Suspend,
    SuspendTenant,
    SuspendCampaign,
    Bounce,
    BounceTenant,
    BounceCampaign,
    SetConfig,
    SetDomainConfig
  };
  Kind kind = Kind::Suspend;  ///< which action
  std::string name;           ///< as written: "Suspend", "SetConfig"
  SourcePosition at;          ///< where the action is written
  KumoParam config;           ///< SetConfig / SetDomainConfig: the option and its value
};

/// One regex of a rule.
struct KumoRegex {
  std::string pattern;  ///< as written (fancy-regex syntax)
  SourcePosition at;    ///< where the string starts
};

/// One `[[<section>.automation]]` rule.
struct KumoRule {
  SourcePosition at;                             ///< the rule's table
  std::vector<KumoRegex> regexes;                ///< `regex`: one or more; any match triggers
  std::vector<KumoAction> actions;               ///< `action`: one or more
  std::optional<KumoParam> threshold;            ///< `trigger = {Threshold="2/hr"}`; absent: Immediate
  std::int64_t duration_ms = 0;                  ///< `duration`, > 0
  SourcePosition duration_at;                    ///< where `duration`'s value is
  std::optional<SourcePosition> match_internal;  ///< where `match_internal = true` is, when it is
};

/// A `match` entry of a provider section.
struct KumoProviderMatch {
  enum class Kind { MXSuffix, DomainSuffix, HostName };
  Kind kind = Kind::MXSuffix;  ///< which test
  std::string value;           ///< the suffix or host name, as written
  SourcePosition at;           ///< where the value is written
};

/// A `[<section>.sources."<name>"]` block: options for one egress source.
struct KumoSource {
  std::string name;               ///< the source's name
  SourcePosition at;              ///< where its table starts
  std::vector<KumoParam> params;  ///< its options
};

/// One section: `["default"]`, a domain `["example.com"]` or a provider `[provider."name"]`, merged over
/// every file that writes it.
struct KumoSection {
  enum class Kind { Default, Domain, Provider };
  Kind kind = Kind::Domain;                ///< which of the three
  std::string name;                        ///< "default", the domain as written, or the provider name
  SourcePosition at;                       ///< where its table first starts
  std::vector<KumoParam> params;           ///< options, first-written order, a later value in place
  std::vector<KumoRule> rules;             ///< automation rules in file order
  std::vector<KumoProviderMatch> matches;  ///< Provider: `match` entries
  std::optional<KumoParam> mx_rollup;      ///< Domain: `mx_rollup` when written (default true)
  std::vector<KumoParam> replace_bases;    ///< every `replace_base = true` that applied
  std::vector<KumoSource> sources;         ///< per-source blocks
};

/// The merged shaping configuration.
struct KumoShaping {
  std::optional<KumoSection> default_section;  ///< `["default"]`
  std::vector<KumoSection> domains;            ///< domain sections, in order of first appearance
  std::vector<KumoSection> providers;          ///< provider sections, in order of first appearance
  std::vector<ImportWarning> warnings;         ///< what Kumo ignores when reading (an unknown rule key)
};

/// The most domain sections, and the most provider sections, a merged configuration may have (real files
/// have tens): a bound on the import's work and output for a hostile file.
inline constexpr std::size_t kMaxKumoSections = 10'000;

/// Reads and merges `files` in order. Throws ScenarioError at the file, line and column of a file that
/// cannot be read, a TOML syntax error (toml++'s message) or a value Kumo would refuse (a section that is
/// not a table, an option of the wrong type, a malformed rule or match entry), and for more than
/// kMaxKumoSections sections of one kind.
KumoShaping read_kumo_shaping(const std::vector<std::filesystem::path>& files);

}  // namespace delivsim

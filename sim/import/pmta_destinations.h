#pragma once
/// @file PowerMTA `<domain>` policies gathered per delivsim provider: `<domain *>` becomes `sender.defaults`,
/// a block naming domains becomes `sender.destinations.<provider>` of the providers hosting them (a provider
/// of its own for a domain outside the default set), and PowerMTA's defaults are written where delivsim's
/// differ.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/import/imported_config.h"
#include "sim/import/pmta_syntax.h"
#include "sim/yaml/yaml_tree.h"

namespace delivsim {

/// The destination policies of a PowerMTA config, as the blocks are read.
class PmtaDestinations {
 public:
  /// Warnings (a key two blocks set differently, a block whose domains and a provider's differ) go to
  /// `warnings`.
  explicit PmtaDestinations(std::vector<ImportWarning>& warnings) : warnings_(warnings) {}

  /// The policy of a `<domain *>` block (later blocks' keys replace earlier ones).
  void add_catch_all(const YamlNode& policy);

  /// The policy of `block`, which names the exact recipient `domains` (lower case).
  void add_block(const PmtaItem& block, const std::vector<PmtaWord>& domains, const YamlNode& policy);

  /// Writes `sender` (`defaults` with PowerMTA's backoff defaults, `destinations`) and, when a domain is
  /// outside the default providers, `providers` into the map `root`.
  void write(YamlNode& root);

 private:
  void warn_queue_scope(const PmtaItem& block, const std::string& provider,
                        const std::vector<std::string>& named);
  void merge(YamlNode& into, const YamlNode& from, const std::string& owner, const std::string& prefix);
  void warn_conflict(const YamlMapEntry& entry, const std::string& key, const std::string& owner,
                     const YamlNode& earlier);

  std::vector<ImportWarning>& warnings_;
  YamlNode defaults_;
  std::vector<std::pair<std::string, YamlNode>> destinations_;  ///< provider -> policy, as first named
  std::map<std::string, PmtaWord> generic_providers_;           ///< domain outside the defaults -> itself
};

}  // namespace delivsim

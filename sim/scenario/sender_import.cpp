#include "sim/scenario/sender_import.h"

#include <algorithm>
#include <filesystem>

#include "sim/import/default_provider_keys.h"
#include "sim/import/import_config.h"
#include "sim/import/import_warning_text.h"
#include "sim/import/tree_builder.h"
#include "sim/scenario/field_reader.h"

namespace delivsim {

namespace {

/// The config files `import`'s one entry names, relative to the scenario's folder.
std::vector<std::filesystem::path> import_paths(const YamlMapEntry& entry, const std::string& source_name) {
  const std::filesystem::path folder = std::filesystem::path(source_name).parent_path();
  const Field field(entry.value, "sender.import." + entry.key);
  std::vector<const YamlNode*> names;
  if (entry.value.kind == YamlNode::Kind::Scalar) {
    names.push_back(&entry.value);
  } else if (entry.value.kind == YamlNode::Kind::Sequence && !entry.value.items.empty()) {
    for (const YamlNode& item : entry.value.items) names.push_back(&item);
  } else {
    field.fail("is " + std::string(describe_kind(entry.value)),
               "a config file's path or a non-empty list of paths");
  }
  std::vector<std::filesystem::path> paths;
  for (const YamlNode* name : names) {
    if (name->kind != YamlNode::Kind::Scalar || name->scalar.empty()) {
      Field(*name, field.path()).fail("is not a path", "a config file's path");
    }
    paths.push_back(folder / name->scalar);
  }
  return paths;
}

/// `overlay` merged over `base`: maps merge key by key (overlay's keys win, recursively), anything else is
/// replaced by overlay.
void merge_over(YamlNode& base, const YamlNode& overlay) {
  if (base.kind != YamlNode::Kind::Map || overlay.kind != YamlNode::Kind::Map) {
    base = overlay;
    return;
  }
  for (const YamlMapEntry& entry : overlay.entries) {
    if (YamlNode* existing = base.find(entry.key)) {
      merge_over(*existing, entry.value);
    } else {
      base.entries.push_back(entry);
    }
  }
}

/// The scalar under `key` of a map item, or nullptr.
const YamlNode* scalar_key(const YamlNode& item, std::string_view key) {
  const YamlNode* value = item.find(key);
  return value != nullptr && value->kind == YamlNode::Kind::Scalar ? value : nullptr;
}

/// Appends to `mine` (a list of IP entries) the imported entries whose address it does not list.
void add_imported_ips(YamlNode& mine, const YamlNode& imported) {
  if (mine.kind != YamlNode::Kind::Sequence || imported.kind != YamlNode::Kind::Sequence) return;
  for (const YamlNode& item : imported.items) {
    const YamlNode* address = scalar_key(item, "address");
    const bool listed =
        address != nullptr && std::any_of(mine.items.begin(), mine.items.end(), [&](const YamlNode& own) {
          const YamlNode* own_address = scalar_key(own, "address");
          return own_address != nullptr && own_address->scalar == address->scalar;
        });
    if (!listed) mine.items.push_back(item);
  }
}

/// Adds to the map `mine` the imported entries whose key it does not have.
void add_missing_entries(YamlNode& mine, const YamlNode& imported) {
  if (mine.kind != YamlNode::Kind::Map || imported.kind != YamlNode::Kind::Map) return;
  for (const YamlMapEntry& entry : imported.entries) {
    if (mine.find(entry.key) == nullptr) mine.entries.push_back(entry);
  }
}

void merge_identities(YamlNode& root, const YamlNode& imported) {
  const YamlNode* imported_ips = imported.find("ips");
  if (imported_ips == nullptr) return;
  YamlNode& identities = child_map(root, "identities", imported.position);
  if (identities.kind != YamlNode::Kind::Map) return;  // the identities reader reports it
  if (YamlNode* ips = identities.find("ips")) {
    add_imported_ips(*ips, *imported_ips);
  } else {
    set_entry(identities, "ips", *imported_ips);
  }
}

void merge_providers(YamlNode& root, const YamlNode& imported) {
  if (YamlNode* providers = root.find("providers")) {
    add_missing_entries(*providers, imported);
    return;
  }
  set_entry(root, "providers", providers_with_defaults(imported));
}

}  // namespace

std::vector<std::string> expand_sender_import(YamlNode& root, const std::string& source_name) {
  YamlNode* sender = root.find("sender");
  if (sender == nullptr || sender->kind != YamlNode::Kind::Map) return {};
  const auto import_entry = std::find_if(sender->entries.begin(), sender->entries.end(),
                                         [](const YamlMapEntry& entry) { return entry.key == "import"; });
  if (import_entry == sender->entries.end()) return {};
  const YamlNode& import = import_entry->value;
  if (import.kind != YamlNode::Kind::Map || import.entries.size() != 1) {
    Field(import, "sender.import")
        .fail("is " + std::string(describe_kind(import)) +
                  (import.kind == YamlNode::Kind::Map
                       ? " with " + std::to_string(import.entries.size()) + " entries"
                       : ""),
              "one entry: the format (pmta, postfix or kumomta) and the config file's path, e.g. {pmta: "
              "pmta.conf}");
  }
  const YamlMapEntry& entry = import.entries.front();
  const MtaFormat format = mta_format_named(entry.key, entry.key_position, "sender.import");
  ImportedConfig imported = import_config(format, import_paths(entry, source_name));

  YamlNode own_sender = *sender;
  own_sender.entries.erase(own_sender.entries.begin() + (import_entry - sender->entries.begin()));
  YamlNode merged_sender = map_node(sender->position);
  if (const YamlNode* imported_sender = imported.scenario_keys.find("sender"))
    merged_sender = *imported_sender;
  merge_over(merged_sender, own_sender);
  *root.find("sender") = merged_sender;

  if (const YamlNode* identities = imported.scenario_keys.find("identities"))
    merge_identities(root, *identities);
  if (const YamlNode* pools = imported.scenario_keys.find("pools")) {
    if (YamlNode* own = root.find("pools")) {
      add_missing_entries(*own, *pools);
    } else {
      set_entry(root, "pools", *pools);
    }
  }
  if (const YamlNode* providers = imported.scenario_keys.find("providers")) merge_providers(root, *providers);

  std::vector<std::string> warnings;
  for (const ImportWarning& warning : imported.warnings) warnings.push_back(import_warning_text(warning));
  return warnings;
}

}  // namespace delivsim

#include "sim/import/kumomta_shaping.h"

#include <toml++/toml.h>
#include <algorithm>
#include <string_view>
#include <utility>

#include "sim/import/kumomta_values.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/scenario_error.h"
#include "sim/yaml/source_text.h"

namespace delivsim {
namespace {

/// The file name positions carry, and turning toml++ regions into positions.
struct FileContext {
  std::string file;

  SourcePosition at(const toml::source_region& region) const {
    return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  }
  [[noreturn]] void fail(const toml::source_region& region, const std::string& field,
                         const std::string& problem, const std::string& expected,
                         const std::string& hint = {}) const {
    const SourcePosition where = at(region);
    throw ScenarioError(where.file, where.line, where.column, field, problem, expected, hint);
  }
};

/// A table's entries in the order they are written (toml++ keeps a table sorted by key; Kumo's OrderMap
/// keeps the written order, which decides which section comes first and the order of warnings).
std::vector<std::pair<const toml::key*, const toml::node*>> in_written_order(const toml::table& table) {
  std::vector<std::pair<const toml::key*, const toml::node*>> entries;
  for (auto&& [key, value] : table) entries.emplace_back(&key, &value);
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const toml::source_position& pa = a.first->source().begin;
    const toml::source_position& pb = b.first->source().begin;
    return pa.line != pb.line ? pa.line < pb.line : pa.column < pb.column;
  });
  return entries;
}

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "a list";
    case toml::node_type::string:
      return "text";
    case toml::node_type::integer:
      return "a whole number";
    case toml::node_type::floating_point:
      return "a number";
    case toml::node_type::boolean:
      return "true/false";
    default:
      return "a date or time";
  }
}

KumoParam read_param(const FileContext& ctx, const toml::key& key, const toml::node& value) {
  KumoParam param;
  param.name = std::string(key.str());
  param.key_at = ctx.at(key.source());
  param.value_at = ctx.at(value.source());
  if (const auto* integer = value.as_integer()) {
    param.type = KumoParam::Type::Integer;
    param.integer = integer->get();
    param.text = std::to_string(param.integer);
  } else if (const auto* floating = value.as_floating_point()) {
    param.type = KumoParam::Type::Float;
    param.text = std::to_string(floating->get());
  } else if (const auto* text = value.as_string()) {
    param.type = KumoParam::Type::Text;
    param.text = text->get();
  } else if (const auto* boolean = value.as_boolean()) {
    param.type = KumoParam::Type::Boolean;
    param.text = boolean->get() ? "true" : "false";
  }
  return param;
}

/// Sets `param` in `params`: a later value replaces an earlier one of that name in place.
void merge_param(std::vector<KumoParam>& params, KumoParam param) {
  for (KumoParam& existing : params) {
    if (existing.name == param.name) {
      existing = std::move(param);
      return;
    }
  }
  params.push_back(std::move(param));
}

const toml::table& expect_table(const FileContext& ctx, const toml::node& node, const std::string& field,
                                const std::string& expected) {
  if (const toml::table* table = node.as_table()) return *table;
  ctx.fail(node.source(), field, std::string(type_name(node)) + " where a table belongs", expected);
}

std::string expect_text(const FileContext& ctx, const toml::node& node, const std::string& field) {
  if (const auto* text = node.as_string()) return text->get();
  ctx.fail(node.source(), field, std::string(type_name(node)) + " where text belongs", "a quoted string");
}

KumoAction read_action(const FileContext& ctx, const toml::node& node, const std::string& field) {
  static const std::vector<std::pair<std::string_view, KumoAction::Kind>> kSimple = {
      {"Suspend", KumoAction::Kind::Suspend},
      {"SuspendTenant", KumoAction::Kind::SuspendTenant},
      {"SuspendCampaign", KumoAction::Kind::SuspendCampaign},
      {"Bounce", KumoAction::Kind::Bounce},
      {"BounceTenant", KumoAction::Kind::BounceTenant},
      {"BounceCampaign", KumoAction::Kind::BounceCampaign}};
  static const std::vector<std::pair<std::string_view, KumoAction::Kind>> kWithConfig = {
      {"SetConfig", KumoAction::Kind::SetConfig}, {"SetDomainConfig", KumoAction::Kind::SetDomainConfig}};
  std::vector<std::string_view> all_names;
  for (const auto& [name, kind] : kSimple) all_names.push_back(name);
  for (const auto& [name, kind] : kWithConfig) all_names.push_back(name);
  const std::string expected =
      "Suspend, SuspendTenant, SuspendCampaign, Bounce, BounceTenant, BounceCampaign, "
      "{SetConfig={name=\"...\", value=...}} or {SetDomainConfig={name=\"...\", value=...}}";
  KumoAction action;
  action.at = ctx.at(node.source());
  if (const auto* text = node.as_string()) {
    action.name = text->get();
    for (const auto& [name, kind] : kSimple) {
      if (name == action.name) {
        action.kind = kind;
        return action;
      }
    }
    ctx.fail(node.source(), field, quote_value(action.name) + " is not a KumoMTA automation action", expected,
             closest_name(action.name, all_names));
  }
  const toml::table* table = node.as_table();
  if (table == nullptr || table->size() != 1) ctx.fail(node.source(), field, "not an action", expected);
  // toml++'s iterator owns the key/value pair it hands out, so it must outlive the references.
  const auto first = table->begin();
  const toml::key& key = first->first;
  const toml::node& body = first->second;
  action.name = std::string(key.str());
  bool known = false;
  for (const auto& [name, kind] : kWithConfig) {
    if (name == action.name) {
      action.kind = kind;
      known = true;
    }
  }
  if (!known)
    ctx.fail(key.source(), field, quote_value(action.name) + " is not a KumoMTA action with settings",
             expected, closest_name(action.name, all_names));
  const toml::table& config = expect_table(ctx, body, field + "." + action.name, "{name=\"...\", value=...}");
  const toml::node* name = config.get("name");
  const toml::node* value = config.get("value");
  if (name == nullptr || value == nullptr || config.size() != 2)
    ctx.fail(body.source(), field + "." + action.name, "needs exactly `name` and `value`",
             "{name=\"connection_limit\", value=1}");
  const std::string option = expect_text(ctx, *name, field + "." + action.name + ".name");
  for (auto&& [value_key, value_node] : config) {
    if (value_key.str() == "value") {
      action.config = read_param(ctx, value_key, value_node);
      action.config.name = option;
      action.config.key_at = ctx.at(name->source());
    }
  }
  return action;
}

KumoRule read_rule(const FileContext& ctx, const toml::node& node, const std::string& field,
                   std::vector<ImportWarning>& warnings) {
  const toml::table& table = expect_table(ctx, node, field, "a rule table with regex, action and duration");
  KumoRule rule;
  rule.at = ctx.at(node.source());
  bool has_duration = false;
  for (const auto& [key_ptr, value_ptr] : in_written_order(table)) {
    const toml::key& key = *key_ptr;
    const toml::node& value = *value_ptr;
    const std::string name(key.str());
    const std::string key_field = field + "." + name;
    if (name == "regex") {
      if (value.is_string()) {
        rule.regexes.push_back({expect_text(ctx, value, key_field), ctx.at(value.source())});
      } else if (const toml::array* list = value.as_array()) {
        for (const toml::node& item : *list)
          rule.regexes.push_back({expect_text(ctx, item, key_field), ctx.at(item.source())});
      }
      if (rule.regexes.empty())
        ctx.fail(value.source(), key_field, "no regex given", "a regex string or a non-empty list of them");
    } else if (name == "action") {
      if (const toml::array* list = value.as_array()) {
        for (const toml::node& item : *list) rule.actions.push_back(read_action(ctx, item, key_field));
      } else {
        rule.actions.push_back(read_action(ctx, value, key_field));
      }
      if (rule.actions.empty())
        ctx.fail(value.source(), key_field, "no action given", "an action or a non-empty list of them");
    } else if (name == "trigger") {
      if (const auto* text = value.as_string()) {
        if (text->get() != "Immediate")
          ctx.fail(value.source(), key_field, quote_value(text->get()) + " is not a trigger",
                   "\"Immediate\" or {Threshold=\"N/period\"}", closest_name(text->get(), {"Immediate"}));
        continue;
      }
      const toml::table& trigger =
          expect_table(ctx, value, key_field, "\"Immediate\" or {Threshold=\"N/period\"}");
      const toml::node* threshold = trigger.get("Threshold");
      if (threshold == nullptr || trigger.size() != 1)
        ctx.fail(value.source(), key_field, "not a trigger", "\"Immediate\" or {Threshold=\"N/period\"}");
      for (auto&& [threshold_key, threshold_value] : trigger)
        rule.threshold = read_param(ctx, threshold_key, threshold_value);
      const std::string spec = expect_text(ctx, *threshold, key_field + ".Threshold");
      try {
        parse_kumo_throttle(spec);
      } catch (const std::invalid_argument& error) {
        ctx.fail(threshold->source(), key_field + ".Threshold", error.what(), "a throttle such as \"2/hr\"");
      }
    } else if (name == "duration") {
      rule.duration_at = ctx.at(value.source());
      has_duration = true;
      if (const auto* seconds = value.as_integer()) {
        if (seconds->get() <= 0 || seconds->get() > (std::int64_t{1} << 52))
          ctx.fail(value.source(), key_field, "out of range", "seconds > 0, or text such as \"2 hours\"");
        rule.duration_ms = seconds->get() * 1000;
      } else {
        try {
          rule.duration_ms = parse_kumo_duration_ms(expect_text(ctx, value, key_field));
        } catch (const std::invalid_argument& error) {
          ctx.fail(value.source(), key_field, error.what(), "a duration such as \"90m\" or \"2 hours\"");
        }
      }
    } else if (name == "match_internal") {
      const auto* flag = value.as_boolean();
      if (flag == nullptr) ctx.fail(value.source(), key_field, "not true/false", "true or false");
      if (flag->get()) rule.match_internal = ctx.at(value.source());
    } else {
      warnings.push_back({ctx.at(key.source()), shorten(name, kQuotedValueMaxBytes),
                          "not a key of a KumoMTA automation rule (regex, action, trigger, duration, "
                          "match_internal): KumoMTA ignores it, and so does the import" +
                              [&] {
                                const std::string hint = closest_name(
                                    name, {"regex", "action", "trigger", "duration", "match_internal"});
                                return hint.empty() ? std::string() : " (did you mean '" + hint + "'?)";
                              }()});
    }
  }
  if (rule.regexes.empty())
    ctx.fail(node.source(), field, "the rule has no `regex`", "regex, action and duration");
  if (rule.actions.empty())
    ctx.fail(node.source(), field, "the rule has no `action`", "regex, action and duration");
  if (!has_duration)
    ctx.fail(node.source(), field, "the rule has no `duration`", "regex, action and duration");
  return rule;
}

/// What one file says about one section, before merging.
struct Partial {
  KumoSection section;
  bool replace_base = false;
};

Partial read_section(const FileContext& ctx, const toml::table& table, KumoSection::Kind kind,
                     std::string name, const std::string& field, std::vector<ImportWarning>& warnings) {
  Partial partial;
  partial.section.kind = kind;
  partial.section.name = std::move(name);
  partial.section.at = ctx.at(table.source());
  for (const auto& [key_ptr, value_ptr] : in_written_order(table)) {
    const toml::key& key = *key_ptr;
    const toml::node& value = *value_ptr;
    const std::string option(key.str());
    const std::string key_field = field + "." + option;
    if (option == "automation") {
      const toml::array* rules = value.as_array();
      if (rules == nullptr)
        ctx.fail(value.source(), key_field, std::string(type_name(value)) + " where rules belong",
                 "[[" + field + ".automation]] tables");
      for (std::size_t i = 0; i < rules->size(); ++i)
        partial.section.rules.push_back(
            read_rule(ctx, *rules->get(i), key_field + "[" + std::to_string(i) + "]", warnings));
    } else if (option == "sources") {
      const toml::table& sources =
          expect_table(ctx, value, key_field, "[" + field + ".sources.\"name\"] tables");
      for (const auto& [source_key_ptr, source_value_ptr] : in_written_order(sources)) {
        const toml::key& source_key = *source_key_ptr;
        const toml::node& source_value = *source_value_ptr;
        const std::string source_field = key_field + "." + std::string(source_key.str());
        const toml::table& body = expect_table(ctx, source_value, source_field, "a table of options");
        KumoSource source{std::string(source_key.str()), ctx.at(source_value.source()), {}};
        for (const auto& [param_key, param_value] : in_written_order(body))
          merge_param(source.params, read_param(ctx, *param_key, *param_value));
        partial.section.sources.push_back(std::move(source));
      }
    } else if (option == "match" && kind == KumoSection::Kind::Provider) {
      const toml::array* list = value.as_array();
      if (list == nullptr)
        ctx.fail(value.source(), key_field, std::string(type_name(value)) + " where a list belongs",
                 "[{MXSuffix=\".example.com\"}, ...]");
      for (const toml::node& item : *list) {
        const toml::table* entry = item.as_table();
        if (entry == nullptr || entry->size() != 1)
          ctx.fail(item.source(), key_field, "not a match entry",
                   "{MXSuffix=\"...\"}, {DomainSuffix=\"...\"} or {HostName=\"...\"}");
        const auto first = entry->begin();  // owns the pair it hands out
        const toml::key& match_key = first->first;
        const toml::node& match_value = first->second;
        const std::string match_name(match_key.str());
        KumoProviderMatch match;
        if (match_name == "MXSuffix") {
          match.kind = KumoProviderMatch::Kind::MXSuffix;
        } else if (match_name == "DomainSuffix") {
          match.kind = KumoProviderMatch::Kind::DomainSuffix;
        } else if (match_name == "HostName") {
          match.kind = KumoProviderMatch::Kind::HostName;
        } else {
          ctx.fail(match_key.source(), key_field, quote_value(match_name) + " is not a provider match",
                   "MXSuffix, DomainSuffix or HostName",
                   closest_name(match_name, {"MXSuffix", "DomainSuffix", "HostName"}));
        }
        match.value = expect_text(ctx, match_value, key_field + "." + match_name);
        match.at = ctx.at(match_value.source());
        partial.section.matches.push_back(std::move(match));
      }
    } else if (option == "mx_rollup" || option == "replace_base") {
      if (!value.is_boolean())
        ctx.fail(value.source(), key_field, std::string(type_name(value)) + " where true/false belongs",
                 "true or false");
      KumoParam flag = read_param(ctx, key, value);
      if (option == "mx_rollup") {
        partial.section.mx_rollup = flag;
      } else if (flag.text == "true") {
        partial.replace_base = true;
        partial.section.replace_bases.push_back(flag);
      }
    } else if (value.is_table() && kind != KumoSection::Kind::Provider) {
      // ["gmail".com] or [gmail.com]: the dot made a nested table; Kumo refuses the option "com".
      ctx.fail(value.source(), key_field, "a table inside section " + quote_value(partial.section.name),
               "options; quote a domain name whole: [\"" + partial.section.name + "." + option + "\"]");
    } else {
      merge_param(partial.section.params, read_param(ctx, key, value));
    }
  }
  return partial;
}

void merge_section(std::vector<KumoSection>& sections, Partial partial) {
  for (KumoSection& existing : sections) {
    if (existing.name != partial.section.name) continue;
    KumoSection& incoming = partial.section;
    if (partial.replace_base) {
      existing.params = std::move(incoming.params);
      existing.rules = std::move(incoming.rules);
      existing.sources = std::move(incoming.sources);
      if (existing.kind == KumoSection::Kind::Provider) existing.matches = std::move(incoming.matches);
    } else {
      for (KumoParam& param : incoming.params) merge_param(existing.params, std::move(param));
      for (KumoRule& rule : incoming.rules) existing.rules.push_back(std::move(rule));
      for (KumoProviderMatch& match : incoming.matches) existing.matches.push_back(std::move(match));
      for (KumoSource& source : incoming.sources) {
        bool merged = false;
        for (KumoSource& old : existing.sources) {
          if (old.name != source.name) continue;
          for (KumoParam& param : source.params) merge_param(old.params, std::move(param));
          merged = true;
        }
        if (!merged) existing.sources.push_back(std::move(source));
      }
    }
    if (incoming.mx_rollup) existing.mx_rollup = incoming.mx_rollup;
    for (KumoParam& flag : incoming.replace_bases) existing.replace_bases.push_back(std::move(flag));
    return;
  }
  if (sections.size() >= kMaxKumoSections) {
    const SourcePosition& at = partial.section.at;
    throw ScenarioError(at.file, at.line, at.column, partial.section.name,
                        "more than " + std::to_string(kMaxKumoSections) + " sections of one kind",
                        "a shaping file of at most that many domain and provider sections");
  }
  sections.push_back(std::move(partial.section));
}

/// Refuses a text with more than kMaxDots dots outside strings and comments. Each dot of a dotted key nests a
/// table one level deeper and toml++ builds and frees its tables recursively, so a hostile
/// `[a.a.a.a...]` of a few hundred thousand parts would overflow the stack; real shaping files have a few
/// dots per section.
void check_dotted_depth(std::string_view text, const std::string& file) {
  constexpr std::size_t kMaxDots = 4096;
  std::size_t dots = 0;
  int line = 1;
  int column = 0;
  enum class State { Normal, Comment, Basic, Literal, MultiBasic, MultiLiteral } state = State::Normal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    ++column;
    if (c == '\n') {
      ++line;
      column = 0;
      if (state == State::Comment || state == State::Basic || state == State::Literal) state = State::Normal;
      continue;
    }
    const std::string_view rest = text.substr(i);
    switch (state) {
      case State::Normal:
        if (c == '#') {
          state = State::Comment;
        } else if (rest.starts_with("\"\"\"")) {
          state = State::MultiBasic;
          i += 2;
          column += 2;
        } else if (rest.starts_with("'''")) {
          state = State::MultiLiteral;
          i += 2;
          column += 2;
        } else if (c == '"') {
          state = State::Basic;
        } else if (c == '\'') {
          state = State::Literal;
        } else if (c == '.' && ++dots > kMaxDots) {
          throw ScenarioError(file, line, column, "",
                              "more than " + std::to_string(kMaxDots) +
                                  " dotted key parts (each nests a table): not a shaping file",
                              "");
        }
        break;
      case State::Basic:
      case State::MultiBasic:
        if (c == '\\') {
          ++i;
          ++column;
        } else if (state == State::Basic && c == '"') {
          state = State::Normal;
        } else if (state == State::MultiBasic && rest.starts_with("\"\"\"")) {
          state = State::Normal;
          i += 2;
          column += 2;
        }
        break;
      case State::Literal:
        if (c == '\'') state = State::Normal;
        break;
      case State::MultiLiteral:
        if (rest.starts_with("'''")) {
          state = State::Normal;
          i += 2;
          column += 2;
        }
        break;
      case State::Comment:
        break;
    }
  }
}

toml::table parse_file(const std::filesystem::path& path, const std::string& file) {
  std::string text;
  try {
    text = read_scenario_file(path);
    check_yaml_text(text, file);
  } catch (const ScenarioError& error) {
    // The same checks as for a scenario, said of a shaping file.
    throw ScenarioError(error.file, error.line, error.column, error.field, error.problem,
                        error.line == 0 ? "a readable KumoMTA shaping file" : "a UTF-8 TOML text");
  }
  check_dotted_depth(text, file);
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    throw ScenarioError(file, static_cast<int>(error.source().begin.line),
                        static_cast<int>(error.source().begin.column), "",
                        "TOML syntax error: " + std::string(error.description()), "");
  }
}

}  // namespace

KumoShaping read_kumo_shaping(const std::vector<std::filesystem::path>& files) {
  if (files.empty())
    throw ScenarioError("", 0, 0, "", "no shaping file given", "one or more shaping.toml files");
  KumoShaping shaping;
  for (const std::filesystem::path& path : files) {
    const FileContext ctx{path.string()};
    const toml::table root = parse_file(path, ctx.file);
    for (const auto& [key_ptr, value_ptr] : in_written_order(root)) {
      const toml::node& value = *value_ptr;
      const std::string name(key_ptr->str());
      if (name == "provider") {
        const toml::table& providers = expect_table(ctx, value, "provider", "[provider.\"name\"] tables");
        for (const auto& [provider_key, provider_value_ptr] : in_written_order(providers)) {
          const toml::node& provider_value = *provider_value_ptr;
          const std::string provider(provider_key->str());
          const std::string field = "provider." + provider;
          const toml::table& body = expect_table(ctx, provider_value, field, "a table of options");
          merge_section(shaping.providers, read_section(ctx, body, KumoSection::Kind::Provider, provider,
                                                        field, shaping.warnings));
        }
        continue;
      }
      const toml::table& body = expect_table(ctx, value, name, "a section table: [\"" + name + "\"]");
      if (name == "default") {
        std::vector<KumoSection> one;
        if (shaping.default_section) one.push_back(std::move(*shaping.default_section));
        merge_section(one, read_section(ctx, body, KumoSection::Kind::Default, name, name, shaping.warnings));
        shaping.default_section = std::move(one.front());
      } else {
        merge_section(shaping.domains,
                      read_section(ctx, body, KumoSection::Kind::Domain, name, name, shaping.warnings));
      }
    }
  }
  return shaping;
}

}  // namespace delivsim

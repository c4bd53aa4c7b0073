#include "sim/import/positioned_yaml_writer.h"

#include <yaml-cpp/emitter.h>

#include <algorithm>

namespace delivsim {

namespace {

bool is_scalar_list(const YamlNode& node) {
  return node.kind == YamlNode::Kind::Sequence &&
         std::all_of(node.items.begin(), node.items.end(),
                     [](const YamlNode& item) { return item.kind == YamlNode::Kind::Scalar; });
}

void emit_scalar(YAML::Emitter& out, const YamlNode& node) {
  if (node.quoted) out << YAML::DoubleQuoted;
  out << node.scalar;
}

void emit_comment(YAML::Emitter& out, const SourcePosition& where) {
  const std::string comment = origin_comment(where);
  if (!comment.empty()) out << YAML::Comment(comment);
}

void emit(YAML::Emitter& out, const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::Null:
      out << YAML::Null;
      return;
    case YamlNode::Kind::Scalar:
      emit_scalar(out, node);
      emit_comment(out, node.position);
      return;
    case YamlNode::Kind::Sequence:
      if (is_scalar_list(node)) {
        out << YAML::Flow << YAML::BeginSeq;
        for (const YamlNode& item : node.items) emit_scalar(out, item);
        out << YAML::EndSeq;
        emit_comment(out, node.items.empty() ? node.position : node.items.front().position);
        return;
      }
      out << YAML::Block << YAML::BeginSeq;
      for (const YamlNode& item : node.items) emit(out, item);
      out << YAML::EndSeq;
      return;
    case YamlNode::Kind::Map:
      out << YAML::Block << YAML::BeginMap;
      for (const YamlMapEntry& entry : node.entries) {
        out << YAML::Key << entry.key << YAML::Value;
        emit(out, entry.value);
      }
      out << YAML::EndMap;
      return;
  }
}

}  // namespace

std::string origin_comment(const SourcePosition& where) {
  if (where.file.empty()) return {};
  if (where.line == 0) return where.file;
  return where.file + ":" + std::to_string(where.line);
}

std::string positioned_yaml_text(const YamlNode& root) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, root);
  return std::string(out.c_str()) + "\n";
}

}  // namespace delivsim

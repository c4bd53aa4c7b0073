#pragma once
/// @file Writing a changed scenario tree back as text when a change cannot be spliced in place.
#include <yaml-cpp/yaml.h>

#include <string>

namespace delivsim::gui {

/// `root` as YAML text (yaml-cpp's emitter, which keeps flow and block styles), after the comment lines
/// that open `original`: a scenario's opening comment says what it shows and must survive a form edit.
/// Comments further down are not kept.
std::string reemit(const std::string& original, const YAML::Node& root);

}  // namespace delivsim::gui

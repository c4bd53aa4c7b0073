#pragma once
/// @file Help > About delivsim: version, Qt version, licence and what the model does and does not know.
#include <QString>

namespace delivsim::gui {

/// The About box's text (rich text): delivsim's version, the Qt it runs on, the licence, the model's
/// honesty note (Gmail's real algorithm is unknown) and a link to docs/model.md in `docs_folder`.
QString about_text(const QString& docs_folder);

}  // namespace delivsim::gui

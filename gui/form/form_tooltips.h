#pragma once
/// @file What each shaping knob of the form means, in PowerMTA's words (the directive it stands for), kept as
/// data in one place; and a field's tooltip as its state (a problem, a value not applied yet) above that
/// text.
#include <QString>
#include <QWidget>

namespace delivsim::gui {

/// The tooltip of the knob whose field has object name `field_name`; empty for a field without one.
QString knob_tooltip(const QString& field_name);

/// Gives every field below `root` that has a knob tooltip that tooltip, and its form label too.
void apply_knob_tooltips(QWidget* root);

/// What a field's tooltip can say above the field's own text.
enum class FieldState {
  Problem,  ///< the typed text was not accepted: why
  Pending,  ///< the typed text is not applied yet
};

/// Shows `text` (empty: nothing) for `state` in `field`'s tooltip, above the other state's text and the
/// field's own tooltip, which are kept.
void show_field_state(QWidget* field, FieldState state, const QString& text);

}  // namespace delivsim::gui

#pragma once
/// @file A label whose text shrinks to fit its width instead of widening its layout.
#include <QLabel>

namespace delivsim::gui {

/// Shows its text in `font` (set with setFont) when it fits and in a smaller size when it does not, so a long
/// value never widens the layout (and squeezes its neighbours) nor is cut off. Its minimum width is the
/// one given to the constructor, whatever the text.
class FitLabel : public QLabel {
  Q_OBJECT

 public:
  FitLabel(int minimum_width_px, QWidget* parent = nullptr);

  void setFitText(const QString& text);
  /// The point size the text is drawn at now (the font's own size when it fits).
  qreal shownPointSize() const;

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void resizeEvent(QResizeEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void fit();

  int minimum_width_px_;
  QFont full_font_;
  bool fitting_ = false;  ///< true while fit() sets the shown font (so changeEvent keeps full_font_)
};

}  // namespace delivsim::gui

#include "gui/app_settings.h"

namespace delivsim::gui {

std::unique_ptr<QSettings> app_settings() {
  return std::make_unique<QSettings>(QStringLiteral("delivsim"), QStringLiteral("delivsim-gui"));
}

}  // namespace delivsim::gui

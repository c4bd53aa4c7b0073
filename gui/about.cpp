#include "gui/about.h"

#include <QDir>
#include <QUrl>
#include <QtGlobal>

#include "gui/shipped_files.h"

namespace delivsim::gui {

QString about_text(const QString& docs_folder) {
  const QString model = QDir(docs_folder).filePath(QStringLiteral("model.md"));
  return QStringLiteral(
             "<h3>delivsim %1</h3>"
             "<p>A discrete-event simulator of email deliverability: a sending MTA's queue, shaping and "
             "retries "
             "against mailbox providers' replies, in simulated time.</p>"
             "<p><b>What the model is:</b> nobody outside Google knows Gmail's real filtering and "
             "rate-limiting "
             "algorithm. delivsim's receiver is a made-up model that gives the replies Gmail documents in "
             "the "
             "situations public sources say trigger them; every number not published by Google or the seed "
             "articles is a named assumption. Read the figures as what-if comparisons, not forecasts. "
             "The model, its equations and which numbers are assumed: <a href=\"%2\">%3</a>.</p>"
             "<p>Built with Qt %4 (running on Qt %5), used under the GNU LGPL v3.<br>"
             "Licence of delivsim: none is stated in the project yet (it ships no licence file).</p>")
      .arg(delivsim_version(), QUrl::fromLocalFile(model).toString(), model.toHtmlEscaped(),
           QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));
}

}  // namespace delivsim::gui

#include "gui/form/form_tooltips.h"

#include <QFormLayout>
#include <QHash>
#include <QStringList>
#include <QVariant>

namespace delivsim::gui {

namespace {

/// The property holding a field's own tooltip while a state is shown above it.
constexpr const char* kOwnTooltip = "delivsim-own-tooltip";
/// The properties holding the text of each FieldState.
constexpr const char* kProblem = "delivsim-problem";
constexpr const char* kPending = "delivsim-pending";

/// Field object name -> tooltip. Directive names and meanings from PowerMTA's reference as quoted in
/// /work/shared/domain-facts-wave2.md section 2.1 and domain-facts.md section 5; Gmail values from seeds
/// 000, 002 and 003.
const QHash<QString, QString>& knob_tooltips() {
  static const QHash<QString, QString> tooltips{
      {"max-smtp-out",
       "PowerMTA max-smtp-out N: simultaneous connections for this queue (domain/VirtualMTA), independent "
       "of other VirtualMTAs. Default 20; seed 000 sets 5 for gmail.com, seed 003 sets 8."},
      {"max-msg-per-connection",
       "PowerMTA max-msg-per-connection N: messages per connection; 0 = no limit (the default)."},
      {"idle-timeout",
       "PowerMTA connection-idle-timeout T: how long a connection that finds nothing to send waits for new "
       "mail before it closes; 0 = close at once (the default, at most 10m). KumoMTA's idle_timeout, 60s by "
       "default. An idle connection counts against max-smtp-out and at the receiver."},
      {"max-msg-rate",
       "PowerMTA max-msg-rate N/h: maximum attempted recipients per interval; unlimited by default. "
       "Seed 000 sets 500/h for gmail.com."},
      {"retry-kind",
       "How deferred messages are retried. PowerMTA lists the intervals in retry-after; exponential "
       "back-off is not a PowerMTA directive but Postfix's minimal_backoff_time / maximal_backoff_time "
       "(doubling) and KumoMTA's retry_interval / max_retry_interval."},
      {"retry",
       "PowerMTA retry-after LIST: the retry interval(s) once the queue is in retry mode (default 10m; "
       "seed 000: 30m). One duration: the same interval after every failure. Several: offsets from the "
       "first attempt, increasing, the last gap then repeating (seed 002 for a 4.7.28: 15m, 1h, 4h, 12h)."},
      {"retry-initial", "The first retry delay (Postfix minimal_backoff_time, KumoMTA retry_interval)."},
      {"retry-max", "The longest retry delay (Postfix maximal_backoff_time, KumoMTA max_retry_interval)."},
      {"retry-factor", "Each retry delay is the one before times this, up to the longest delay."},
      {"retry-jitter", "Each retry delay is spread uniformly by up to this share either way."},
      {"bounce-after",
       "PowerMTA bounce-after T: maximum time in queue, then a DSN (bounce). Default 4d12h; seed 002 gives "
       "up on a 4.7.28 after 48-72 h."},
      {"adaptive",
       "Not a PowerMTA directive: delivsim's own AIMD control (an assumption). A factor multiplies the "
       "queue's connection limit and message rate; each 15-minute window with at least 20 attempts halves "
       "it when more than 5% were deferred, else raises it by 0.1 (up to 1). PowerMTA's nearest is backoff "
       "mode (mode=backoff in an smtp-pattern-list, with backoff-max-msg-rate and backoff-retry-after)."},
      {"patterns",
       "PowerMTA smtp-pattern-list: a reply pattern and its actions, first match wins. retry_after = "
       "retry-after=, max_smtp_out = max-smtp-out= (value 3, or 3 for 2h to hold it), backoff = "
       "mode=backoff (backoff-max-msg-rate and backoff-retry-after, default 1h, replace the normal limits "
       "until backoff-to-normal-after, default never, or a command). suspend_for and bounce are delivsim's. "
       "Seed 003 for Gmail: "
       "\"421 4.7.0\" retry-after=30m, \"421 4.7.28\" retry-after=45m max-smtp-out=3, \"421 4.2.1\" 15m, "
       "\"421 4.3.2\" 5m. A pattern matches as a prefix, or as /regex/. Rows with the same pattern next "
       "to each other are one rule."},
      {"warmup-mode",
       "A daily cap per IP towards this provider while the IP warms up. PowerMTA does it with "
       "max-cold-virtual-mta-msg N/d: the first N messages a day for VirtualMTA foo go to foo-cold."},
      {"warmup-table",
       "Daily caps per IP, day by day (max-cold-virtual-mta-msg takes such a list: N/d,...)."},
      {"warmup-start", "The daily cap per IP on the first day."},
      {"warmup-multiplier", "The cap is multiplied by this every period (seed 001: roughly double)."},
      {"warmup-every", "Days between two raises of the cap (seed 001: every few days over 2-4 weeks)."},
      {"warmup-ceiling", "The cap stops rising here."},
  };
  return tooltips;
}

}  // namespace

QString knob_tooltip(const QString& field_name) {
  return knob_tooltips().value(field_name);
}

void apply_knob_tooltips(QWidget* root) {
  for (QWidget* field : root->findChildren<QWidget*>()) {
    const QString tooltip = knob_tooltip(field->objectName());
    if (tooltip.isEmpty()) continue;
    field->setToolTip(tooltip);
    const auto* form =
        field->parentWidget() ? qobject_cast<QFormLayout*>(field->parentWidget()->layout()) : nullptr;
    if (QWidget* label = form ? form->labelForField(field) : nullptr) label->setToolTip(tooltip);
  }
}

void show_field_state(QWidget* field, FieldState state, const QString& text) {
  if (!field->property(kOwnTooltip).isValid()) field->setProperty(kOwnTooltip, field->toolTip());
  field->setProperty(state == FieldState::Problem ? kProblem : kPending, text);
  QStringList parts;
  for (const char* part : {kProblem, kPending, kOwnTooltip}) {
    const QString shown = field->property(part).toString();
    if (!shown.isEmpty()) parts << shown;
  }
  field->setToolTip(parts.join("\n\n"));
}

}  // namespace delivsim::gui

#include "gui/charts/time_scale.h"

#include <array>
#include <chrono>

#include "sim/output/days_axis.h"
#include "sim/output/utc_time.h"

namespace delivsim::gui {

double TimeScale::tick_step(double span) const {
  return time_tick_step(span, seconds_per_unit >= 86400);
}

TimeScale time_scale_for(Duration simulated) {
  if (time_axis_in_days(to_seconds(simulated))) return TimeScale{86400, QStringLiteral("Time (days)")};
  return TimeScale{3600, QStringLiteral("Time (hours)")};
}

QString calendar_time(std::string_view start_date, double seconds) {
  const UtcTime time = parse_utc_timestamp(start_date) +
                       std::chrono::round<std::chrono::seconds>(std::chrono::duration<double>(seconds));
  const auto day = std::chrono::floor<std::chrono::days>(time);
  const std::chrono::year_month_day date{day};
  const std::chrono::weekday weekday{day};
  const std::chrono::hh_mm_ss<std::chrono::seconds> clock{
      std::chrono::floor<std::chrono::seconds>(time - day)};
  static constexpr std::array<const char*, 7> kWeekdays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  QString text = QStringLiteral("%1 %2-%3-%4 %5:%6")
                     .arg(QLatin1String(kWeekdays[weekday.c_encoding()]))
                     .arg(static_cast<int>(date.year()), 4, 10, QLatin1Char('0'))
                     .arg(static_cast<unsigned>(date.month()), 2, 10, QLatin1Char('0'))
                     .arg(static_cast<unsigned>(date.day()), 2, 10, QLatin1Char('0'))
                     .arg(clock.hours().count(), 2, 10, QLatin1Char('0'))
                     .arg(clock.minutes().count(), 2, 10, QLatin1Char('0'));
  if (clock.seconds().count() != 0)
    text += QStringLiteral(":%1").arg(clock.seconds().count(), 2, 10, QLatin1Char('0'));
  return text + QStringLiteral(" UTC");
}

}  // namespace delivsim::gui

#pragma once
/// @file File > Open Recent: the last scenario files opened or saved, newest first, kept in the settings.
#include <QString>
#include <QStringList>

namespace delivsim::gui {

/// How many recent files are kept.
inline constexpr int kMaxRecentFiles = 8;

/// The recent files, newest first; files that no longer exist are dropped (and forgotten).
QStringList recent_files();

/// Puts `path` (made absolute) first in the recent files, keeping at most kMaxRecentFiles.
void add_recent_file(const QString& path);

/// Forgets all recent files.
void clear_recent_files();

}  // namespace delivsim::gui

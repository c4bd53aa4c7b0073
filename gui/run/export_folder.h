#pragma once
/// @file A folder the GUI exports into. A file there is written only when it is new or an earlier export
/// wrote it (its name is on the folder's list, kExportListName), so an export never overwrites a file
/// delivsim did not write.
#include <QByteArray>
#include <QDir>
#include <QString>
#include <QStringList>

namespace delivsim::gui {

/// The list of the files the GUI's exports wrote into a folder, one relative path a line.
inline constexpr const char* kExportListName = ".delivsim-export";

/// An export's target folder, checked before anything is written.
class ExportFolder {
 public:
  /// Prepares writing `names` (relative paths such as "A/summary.json") into `folder`. Throws
  /// std::runtime_error, writing nothing, when one of them exists and is not on the folder's list:
  /// "<path> exists and was not written by delivsim: choose another folder".
  ExportFolder(const QString& folder, const QStringList& names);

  /// Writes `bytes` as `name` (one of the constructor's names; its subfolder is created) and puts it on
  /// the folder's list. Returns the file's path; throws std::runtime_error naming a file that could not be
  /// written.
  QString write(const QString& name, const QByteArray& bytes);

 private:
  void saveList();

  QDir dir_;
  QStringList listed_;  ///< the folder's list as read, plus what this export wrote
};

}  // namespace delivsim::gui

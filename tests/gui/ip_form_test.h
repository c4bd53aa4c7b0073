#pragma once
/// @file Tests of the form's IPs and pools section: each action writes one valid change into the YAML text.
#include <QObject>

namespace delivsim::gui::test {

class IpFormTest : public QObject {
  Q_OBJECT

 private slots:
  void choosingAnotherPoolWritesTrafficPool();
  void addedIpJoinsTheTrafficPool();
  void ownPoolSplitsTrafficOffTheSharedIp();
  void ageSwitchWritesAValidPair();
  void invalidAddressIsMarkedAndNotWritten();
  void removedIpLeavesEveryPool();
};

}  // namespace delivsim::gui::test

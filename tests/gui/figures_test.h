#pragma once
/// @file The headline's colours and the Figures tab: verdict colours, steady state, per-traffic latency,
/// reply-code rows and the B − A column of a pinned pair, against the CLI's summary.json.
#include <QObject>

namespace delivsim::gui::test {

class FiguresTest : public QObject {
  Q_OBJECT

 private slots:
  /// gmail-cold-blast: 23.7% delivered with 152,136 expired is red, and so is the expired count.
  void lostMailIsRedNotBlack();
  /// shared-ip-mixed: the newsletter stream keeps injecting; 58 queued at the end is "steady state",
  /// neutral, with the queue at the end in its tooltip.
  void aSmallQueueOfAStreamIsASteadyState();
  /// Without a pinned run the Figures tab shows this run; per-traffic latency and shares equal
  /// summary.json's, and a share's tooltip gives the counts it divides.
  void perTrafficFiguresEqualTheCliSummary();
  /// Every deferral reply code of summary.json has a row with its count.
  void eachReplyCodeHasARow();
  /// gmail-warmup sends nothing to microsoft: its p95 latency is a dash, not "0s", and gmail's is a span.
  void aProviderWithoutMailHasNoLatency();
  /// whatif-100k pinned, then max_smtp_out changed: A, B and exact B − A, coloured by each figure's
  /// direction.
  void pinnedPairShowsExactColouredDifferences();
};

}  // namespace delivsim::gui::test

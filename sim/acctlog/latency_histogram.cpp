#include "sim/acctlog/latency_histogram.h"

#include <algorithm>
#include <bit>

#include "sim/kernel/nearest_rank.h"

namespace delivsim::acctlog {

namespace {

constexpr int kExactBits = 10;  // values below 2^10 ms have a bucket each
constexpr std::int64_t kExact = std::int64_t{1} << kExactBits;
constexpr std::int64_t kPerOctave = kExact / 2;  // buckets per power of two above
constexpr int kOctaves = 63 - kExactBits;        // 2^10 .. 2^63
constexpr std::size_t kBucketCount = static_cast<std::size_t>(kExact + kOctaves * kPerOctave);

std::size_t bucket_of(std::int64_t ms) {
  if (ms < kExact) return static_cast<std::size_t>(ms);
  const int exponent = std::bit_width(static_cast<std::uint64_t>(ms)) - 1;  // >= kExactBits
  const int shift = exponent - (kExactBits - 1);
  const std::int64_t sub = (ms >> shift) - kPerOctave;  // 0 .. kPerOctave - 1
  return static_cast<std::size_t>(kExact + (exponent - kExactBits) * kPerOctave + sub);
}

/// The middle of bucket `index`, in ms.
std::int64_t bucket_middle(std::size_t index) {
  const auto i = static_cast<std::int64_t>(index);
  if (i < kExact) return i;
  const std::int64_t octave = (i - kExact) / kPerOctave;
  const std::int64_t sub = kPerOctave + (i - kExact) % kPerOctave;
  const auto shift = static_cast<int>(octave + 1);
  const std::int64_t lower = sub << shift;
  return lower + ((std::int64_t{1} << shift) - 1) / 2;
}

}  // namespace

void LatencyHistogram::add(std::int64_t latency_ms) {
  if (buckets_.empty()) buckets_.assign(kBucketCount, 0);
  ++buckets_[bucket_of(latency_ms)];
  ++count_;
  sum_ms_ += latency_ms;
  max_ms_ = std::max(max_ms_, latency_ms);
}

std::int64_t LatencyHistogram::value_at_rank(std::int64_t rank) const {
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < buckets_.size(); ++i) {
    seen += buckets_[i];
    if (seen >= rank) return std::min(bucket_middle(i), max_ms_);
  }
  return max_ms_;
}

LatencyFigures LatencyHistogram::figures() const {
  LatencyFigures f;
  f.count = count_;
  if (count_ == 0) return f;
  // As the recorder: mean of whole milliseconds; the nearest rank (sim/kernel/nearest_rank.h).
  f.mean_s = static_cast<double>(sum_ms_) / static_cast<double>(count_) / 1000.0;
  f.max_s = static_cast<double>(max_ms_) / 1000.0;
  const auto percentile = [&](double fraction) {
    const auto rank = kernel::nearest_rank(fraction, static_cast<std::uint64_t>(count_));
    return static_cast<double>(value_at_rank(static_cast<std::int64_t>(rank))) / 1000.0;
  };
  f.p50_s = percentile(0.50);
  f.p95_s = percentile(0.95);
  f.p99_s = percentile(0.99);
  return f;
}

}  // namespace delivsim::acctlog

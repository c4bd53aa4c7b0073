#include "sim/kernel/event_callback.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace delivsim::kernel {
namespace {

// A lambda capturing a pointer and two integers, the typical event of the world layer.
struct TypicalCapture {
  int* counter;
  std::int64_t amount;
  std::int32_t extra;
  void operator()() const { *counter += static_cast<int>(amount) + extra; }
};

struct OversizedCapture {
  std::array<std::int64_t, 8> payload{};  // 64 bytes: beyond the inline storage
  int* counter;
  void operator()() const { *counter += static_cast<int>(payload[7]); }
};

static_assert(EventCallback::stored_inline<TypicalCapture>);
static_assert(!EventCallback::stored_inline<OversizedCapture>);

TEST(EventCallbackTest, DefaultConstructedIsEmpty) {
  EventCallback callback;
  EXPECT_FALSE(callback);
}

TEST(EventCallbackTest, CallsInlineCallable) {
  int counter = 0;
  EventCallback callback(TypicalCapture{&counter, 5, 2});
  ASSERT_TRUE(callback);
  callback();
  callback();
  EXPECT_EQ(counter, 14);
}

TEST(EventCallbackTest, CallsHeapStoredCallable) {
  int counter = 0;
  OversizedCapture oversized{};
  oversized.payload[7] = 3;
  oversized.counter = &counter;
  EventCallback callback(oversized);
  callback();
  EXPECT_EQ(counter, 3);
}

TEST(EventCallbackTest, MoveTransfersTheCallableAndEmptiesTheSource) {
  int counter = 0;
  EventCallback source([&counter] { ++counter; });
  EventCallback target(std::move(source));
  EXPECT_FALSE(source);  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  ASSERT_TRUE(target);
  target();
  EXPECT_EQ(counter, 1);

  EventCallback assigned;
  assigned = std::move(target);
  EXPECT_FALSE(target);  // NOLINT(bugprone-use-after-move)
  assigned();
  EXPECT_EQ(counter, 2);
}

// Owns a shared_ptr so the test can count live copies of the callable (inline: the string keeps it
// non-trivial; heap: the padding makes it too big for inline storage).
template <std::size_t PaddingBytes>
struct OwningCapture {
  std::shared_ptr<int> owned;
  std::array<char, PaddingBytes> padding{};
  std::string label = "owning";
  void operator()() const { ++*owned; }
};

template <class Capture>
class EventCallbackOwnershipTest : public ::testing::Test {};

using Captures = ::testing::Types<OwningCapture<1>, OwningCapture<64>>;
TYPED_TEST_SUITE(EventCallbackOwnershipTest, Captures);

TYPED_TEST(EventCallbackOwnershipTest, DestroysTheCallableExactlyOnce) {
  auto owned = std::make_shared<int>(0);
  {
    EventCallback first(TypeParam{owned});
    EXPECT_EQ(owned.use_count(), 2);
    EventCallback second(std::move(first));
    EXPECT_EQ(owned.use_count(), 2);
    second();
    EXPECT_EQ(*owned, 1);
    EventCallback third;
    third = std::move(second);
    EXPECT_EQ(owned.use_count(), 2);
  }
  EXPECT_EQ(owned.use_count(), 1);
}

TYPED_TEST(EventCallbackOwnershipTest, ResetAndReassignmentDestroyTheHeldCallable) {
  auto owned = std::make_shared<int>(0);
  EventCallback callback(TypeParam{owned});
  callback.reset();
  EXPECT_FALSE(callback);
  EXPECT_EQ(owned.use_count(), 1);

  callback = EventCallback(TypeParam{owned});
  EXPECT_EQ(owned.use_count(), 2);
  callback = EventCallback([] {});
  EXPECT_EQ(owned.use_count(), 1);
}

}  // namespace
}  // namespace delivsim::kernel

// The array the outcome log keeps its outcomes in: a growable array, like std::vector,
// whose appends past its first megabyte are written around the cache.
//
// Why: a run of a million events records about 64 MB of outcomes. Written the usual way,
// each new line of the log is first read from memory and later written back, and against
// a contract larger than the cache that traffic queues with the reads of the rules:
// evaluating a million events against 100,000 declarations ran 1.44 times faster when the
// benchmark cleared its log every 4,096 events, and no faster against 1,000
// (docs/performance.md). Past the first megabyte, an outcome (64 bytes, one line, the
// array aligned on lines) is written with one non-temporal store of the whole line: 18%
// faster at 100,000 declarations, the same at 1,000. A log that large would not have stayed
// cached for its reader anyway; a small one (one `ask`, a diff probe) is written as usual.
//
// Only where it pays: x86-64 with AVX-512 (one instruction writes the line; four 16-byte
// streaming stores were slower than plain stores, measured), GCC or Clang, and not under
// AddressSanitizer, which checks plain stores and not the intrinsic. Elsewhere every
// append is a plain store.
//
// Streaming stores are weakly ordered: the writing thread reads them back like any other,
// and moving the array fences them, so a log handed to another thread by moving it, under
// a lock, is seen whole.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <new>
#include <type_traits>
#include <utility>

#if defined(__SANITIZE_ADDRESS__)
#define CLAUSE_LOG_ARRAY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CLAUSE_LOG_ARRAY_ASAN 1
#endif
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(CLAUSE_LOG_ARRAY_ASAN)
#define CLAUSE_LOG_ARRAY_STREAMS 1
#endif

namespace clause::engine {

namespace log_array_detail {
// Whether this machine can write a line in one streaming store (AVX-512), asked once.
bool can_stream_lines();
// Writes the 64 bytes at `from` to the line at `to` around the cache. Only when
// can_stream_lines(); `to` on a line boundary.
void stream_line(void* to, const void* from);
// Orders the streaming stores before the stores that follow.
void fence();
}  // namespace log_array_detail

template <typename T>
class LogArray {
  // Elements are copied as bytes (growth, streamed appends): only for types where that is
  // a copy.
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);

 public:
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;

  // Appends are streamed once the array holds this many bytes.
  static constexpr std::size_t kStreamFrom = std::size_t{1} << 20;

  LogArray() = default;
  LogArray(const LogArray& other) { copy_from(other); }
  LogArray(LogArray&& other) noexcept { take(other); }
  LogArray& operator=(const LogArray& other) {
    if (this != &other) {
      clear();
      copy_from(other);
    }
    return *this;
  }
  LogArray& operator=(LogArray&& other) noexcept {
    if (this != &other) {
      release();
      take(other);
    }
    return *this;
  }
  ~LogArray() { release(); }

  void push_back(const T& value) {
    if (size_ == capacity_) {
      const T copy = value;  // `value` may be one of the elements the growth moves
      reserve(std::max<std::size_t>(16, 2 * capacity_));
      push_back(copy);
      return;
    }
    T* const at = data_ + size_;
    if (streams_at(size_)) {
      log_array_detail::stream_line(at, &value);
    } else {
      ::new (static_cast<void*>(at)) T(value);
    }
    ++size_;
  }

  // Shrinks to `count` elements, or grows to it with value-initialised ones.
  void resize(std::size_t count) {
    if (count > capacity_) reserve(std::max(count, 2 * capacity_));
    for (std::size_t i = size_; i < count; ++i) ::new (static_cast<void*>(data_ + i)) T();
    size_ = count;
  }
  void reserve(std::size_t capacity) {
    if (capacity <= capacity_) return;
    T* const bigger = static_cast<T*>(::operator new(capacity * sizeof(T), std::align_val_t{kAlignment}));
    if (size_ != 0) std::memcpy(static_cast<void*>(bigger), data_, size_ * sizeof(T));
    const std::size_t size = size_;
    release();
    data_ = bigger;
    size_ = size;
    capacity_ = capacity;
  }
  void clear() { size_ = 0; }

  std::size_t size() const { return size_; }
  std::size_t capacity() const { return capacity_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  T& front() { return data_[0]; }
  const T& front() const { return data_[0]; }
  T& back() { return data_[size_ - 1]; }
  const T& back() const { return data_[size_ - 1]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  static constexpr std::size_t kLine = 64;
  static constexpr std::size_t kAlignment = std::max(kLine, alignof(T));

  void release() {
    if (data_ != nullptr) ::operator delete(data_, std::align_val_t{kAlignment});
    data_ = nullptr;
    size_ = 0;
    capacity_ = 0;
  }
  void copy_from(const LogArray& other) {
    reserve(other.size_);
    if (other.size_ != 0) std::memcpy(static_cast<void*>(data_), other.data_, other.size_ * sizeof(T));
    size_ = other.size_;
  }
  // Whether the element at `index` is, or was, written by a streaming store.
  bool streams_at(std::size_t index) const {
#ifdef CLAUSE_LOG_ARRAY_STREAMS
    return sizeof(T) == kLine && streams_ && index >= kStreamFrom / sizeof(T);
#else
    (void)index;
    return false;
#endif
  }
  void take(LogArray& other) {
    if (other.size_ != 0 && streams_at(other.size_ - 1)) log_array_detail::fence();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
    capacity_ = std::exchange(other.capacity_, 0);
  }

  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
#ifdef CLAUSE_LOG_ARRAY_STREAMS
  bool streams_ = log_array_detail::can_stream_lines();
#endif
};

}  // namespace clause::engine

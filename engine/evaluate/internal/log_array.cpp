#include "engine/evaluate/internal/log_array.hpp"

#ifdef CLAUSE_LOG_ARRAY_STREAMS
#include <immintrin.h>
#endif

namespace clause::engine::log_array_detail {

#ifdef CLAUSE_LOG_ARRAY_STREAMS

bool can_stream_lines() {
  static const bool can = __builtin_cpu_supports("avx512f");
  return can;
}

__attribute__((target("avx512f"))) void stream_line(void* to, const void* from) {
  _mm512_stream_si512(static_cast<__m512i*>(to), _mm512_loadu_si512(from));
}

void fence() { _mm_sfence(); }

#else

bool can_stream_lines() { return false; }
void stream_line(void*, const void*) {}
void fence() {}

#endif

}  // namespace clause::engine::log_array_detail

#pragma once
// Asks the kernel to back a large buffer with 2 MiB pages. The syntax tree, the model and
// the name table of a 10 MB contract are tens of megabytes read in file order or at
// random: with 4 KiB pages a first touch of each page missed the TLB too. Only a hint: a
// system without transparent huge pages (or not Linux) ignores it, and nothing depends
// on it but speed.
#include <cstddef>
#include <vector>

namespace clause::dsl {

// Call before the buffer is first written: pages already touched keep their size.
void advise_huge_pages(const void* data, std::size_t bytes);
// The whole capacity of a vector just reserved.
template <typename T>
void advise_huge_pages(const std::vector<T>& reserved) {
  advise_huge_pages(reserved.data(), reserved.capacity() * sizeof(T));
}

}  // namespace clause::dsl

// Philox block generation and the few distributions the engine itself needs.
#include "primsim/sim/random_stream.hpp"

#include <cmath>

namespace primsim::sim {
namespace {
__extension__ using Uint128 = unsigned __int128;
}  // namespace

RandomStream::RandomStream(const StreamKey& key)
    : key_{{key.seed, key.replicate}}, entity_(key.entity), purpose_(key.purpose) {}

void RandomStream::refill() {
  // Counter words: (entity, purpose, block, 0). The last word is left for a future extension
  // of a stream beyond 2^64 blocks.
  const r123::Philox4x64::ctr_type counter{{entity_, purpose_, counter_, 0}};
  const auto out = r123::Philox4x64{}(counter, key_);
  for (std::size_t i = 0; i < block_.size(); ++i) block_[i] = out.v[i];
  ++counter_;
  index_ = 0;
}

double RandomStream::exponential(double mean) { return -mean * std::log(uniform_positive()); }

std::uint64_t RandomStream::uniform_index(std::uint64_t n) {
  // Lemire (2019), "Fast random integer generation in an interval".
  Uint128 product = static_cast<Uint128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(product);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      product = static_cast<Uint128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(product);
    }
  }
  return static_cast<std::uint64_t>(product >> 64);
}

}  // namespace primsim::sim

// Counter-based random numbers (Random123 Philox4x64-10). A stream is keyed by
// (seed, replicate, entity, purpose): its draws never depend on which thread runs it or on what
// other streams have drawn, which is what makes runs identical for any thread count.
#pragma once

#include <array>
#include <cstdint>

#include <Random123/philox.h>

namespace primsim::sim {

// Which draw a stream is for; models define their own values (turnout, choice, arrivals, ...).
using RandomPurpose = std::uint64_t;

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
  std::uint64_t entity = 0;
  RandomPurpose purpose = 0;
};

// Satisfies std::uniform_random_bit_generator, but prefer the member draws: the standard
// library's distributions differ between implementations and would break reproducibility.
class RandomStream {
 public:
  using result_type = std::uint64_t;

  explicit RandomStream(const StreamKey& key);

  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return ~result_type{0}; }

  result_type operator()() { return next_u64(); }
  std::uint64_t next_u64() {
    if (index_ == block_.size()) refill();
    return block_[index_++];
  }
  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  // Uniform on (0, 1]: safe under log().
  double uniform_positive() { return static_cast<double>((next_u64() >> 11) + 1) * 0x1.0p-53; }
  double exponential(double mean);
  // Uniform integer in [0, n) without modulo bias (Lemire's multiply-and-reject).
  std::uint64_t uniform_index(std::uint64_t n);
  bool bernoulli(double p) { return uniform() < p; }

  // Number of 256-bit blocks drawn so far: the counter of the next block.
  [[nodiscard]] std::uint64_t blocks_drawn() const { return counter_; }

 private:
  void refill();

  r123::Philox4x64::key_type key_{};
  std::uint64_t entity_ = 0;
  std::uint64_t purpose_ = 0;
  std::uint64_t counter_ = 0;
  std::array<std::uint64_t, 4> block_{};
  std::size_t index_ = 4;
};

}  // namespace primsim::sim

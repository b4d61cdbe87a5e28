// FNV-style folding of event fields, one 64-bit word at a time, with a strong final mix.
#include "primsim/sim/trace_digest.hpp"

#include <numeric>

namespace primsim::sim {
namespace {

constexpr std::uint64_t kPrime = 0x100000001b3ULL;

std::uint64_t fold(std::uint64_t hash, std::uint64_t word) {
  // Mixing the word first keeps the fold sensitive to every bit, not only the low byte.
  word ^= word >> 33;
  word *= 0xff51afd7ed558ccdULL;
  word ^= word >> 33;
  return (hash ^ word) * kPrime;
}

}  // namespace

void TraceDigest::on_event(const Event& event) {
  std::uint64_t h = per_lp_[event.target.value()];
  h = fold(h, static_cast<std::uint64_t>(event.time.seconds_since_epoch()));
  h = fold(h, static_cast<std::uint64_t>(static_cast<std::int64_t>(event.priority)));
  h = fold(h, event.origin.value());
  h = fold(h, event.sequence);
  h = fold(h, event.type);
  h = fold(h, event.payload[0]);
  h = fold(h, event.payload[1]);
  per_lp_[event.target.value()] = h;
  ++counts_[event.target.value()];
}

std::uint64_t TraceDigest::digest() const {
  std::uint64_t h = kOffsetBasis;
  for (std::size_t i = 0; i < per_lp_.size(); ++i) {
    h = fold(h, i);
    h = fold(h, per_lp_[i]);
    h = fold(h, counts_[i]);
  }
  return h;
}

std::uint64_t TraceDigest::events() const {
  return std::accumulate(counts_.begin(), counts_.end(), std::uint64_t{0});
}

}  // namespace primsim::sim

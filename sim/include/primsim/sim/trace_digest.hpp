// An observer that folds every processed event into a per-LP hash: two runs with equal digests
// processed the same events in the same order on every LP.
#pragma once

#include <cstdint>
#include <vector>

#include "primsim/sim/observer.hpp"

namespace primsim::sim {

class TraceDigest final : public Observer {
 public:
  explicit TraceDigest(std::size_t lp_count) : per_lp_(lp_count, kOffsetBasis), counts_(lp_count, 0) {}

  void on_event(const Event& event) override;

  // Combines the per-LP digests in LP order, so it does not depend on interleaving across LPs.
  [[nodiscard]] std::uint64_t digest() const;
  [[nodiscard]] std::uint64_t lp_digest(LpId lp) const { return per_lp_[lp.value()]; }
  [[nodiscard]] std::uint64_t events() const;

 private:
  static constexpr std::uint64_t kOffsetBasis = 0xcbf29ce484222325ULL;
  std::vector<std::uint64_t> per_lp_;
  std::vector<std::uint64_t> counts_;
};

}  // namespace primsim::sim

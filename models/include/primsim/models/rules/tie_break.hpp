// How a count settles ties: the caller chooses a fixed order or a lot drawn from a keyed stream,
// so no result ever depends on the order in which ballots or candidates happen to be stored.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "primsim/models/rules/profile.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::models::rules {

class TieBreak {
 public:
  // Lower candidate index wins a tie for a place or seat and survives a tie for elimination.
  static TieBreak by_index();
  // The given order, best first, decides; candidates it leaves out follow by index.
  static TieBreak by_order(std::vector<CandidateIndex> best_first);
  // One lot, drawn before counting from the stream keyed by `key`: a random order of all
  // candidates that decides every tie of the count the same way, as drawing lots does.
  static TieBreak by_lot(const sim::StreamKey& key);

  // precedence[c] for c in [0, n): 0 is the most favoured. A permutation of 0..n-1.
  [[nodiscard]] std::vector<std::uint32_t> precedence(std::size_t n) const;
  // Of several tied candidates, the one the tie favours / disfavours.
  [[nodiscard]] static CandidateIndex favoured(std::span<const CandidateIndex> tied,
                                               std::span<const std::uint32_t> precedence);
  [[nodiscard]] static CandidateIndex disfavoured(std::span<const CandidateIndex> tied,
                                                  std::span<const std::uint32_t> precedence);
  [[nodiscard]] std::string describe() const;

 private:
  enum class Kind { index, order, lot };
  Kind kind_ = Kind::index;
  std::vector<CandidateIndex> order_;
  sim::StreamKey key_{};
};

}  // namespace primsim::models::rules

// Tie-break precedence: an explicit order, or a Fisher-Yates lot from a keyed Philox stream.
#include "primsim/models/rules/tie_break.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

namespace primsim::models::rules {

TieBreak TieBreak::by_index() { return TieBreak{}; }

TieBreak TieBreak::by_order(std::vector<CandidateIndex> best_first) {
  TieBreak tie_break;
  tie_break.kind_ = Kind::order;
  tie_break.order_ = std::move(best_first);
  return tie_break;
}

TieBreak TieBreak::by_lot(const sim::StreamKey& key) {
  TieBreak tie_break;
  tie_break.kind_ = Kind::lot;
  tie_break.key_ = key;
  return tie_break;
}

std::vector<std::uint32_t> TieBreak::precedence(std::size_t n) const {
  std::vector<std::uint32_t> ranked(n);  // candidates, most favoured first
  std::iota(ranked.begin(), ranked.end(), 0U);
  if (kind_ == Kind::order) {
    std::vector<bool> placed(n, false);
    std::vector<std::uint32_t> listed;
    for (const CandidateIndex candidate : order_) {
      if (candidate < n && !placed[candidate]) {
        placed[candidate] = true;
        listed.push_back(candidate);
      }
    }
    for (std::uint32_t c = 0; c < n; ++c) {
      if (!placed[c]) listed.push_back(c);
    }
    ranked = std::move(listed);
  } else if (kind_ == Kind::lot) {
    sim::RandomStream stream(key_);
    for (std::size_t i = n; i > 1; --i) {
      const auto j = static_cast<std::size_t>(stream.uniform_index(i));
      std::swap(ranked[i - 1], ranked[j]);
    }
  }
  std::vector<std::uint32_t> precedence(n);
  for (std::size_t place = 0; place < n; ++place)
    precedence[ranked[place]] = static_cast<std::uint32_t>(place);
  return precedence;
}

CandidateIndex TieBreak::favoured(std::span<const CandidateIndex> tied,
                                  std::span<const std::uint32_t> precedence) {
  return *std::min_element(tied.begin(), tied.end(),
                           [&](CandidateIndex a, CandidateIndex b) { return precedence[a] < precedence[b]; });
}

CandidateIndex TieBreak::disfavoured(std::span<const CandidateIndex> tied,
                                     std::span<const std::uint32_t> precedence) {
  return *std::max_element(tied.begin(), tied.end(),
                           [&](CandidateIndex a, CandidateIndex b) { return precedence[a] < precedence[b]; });
}

std::string TieBreak::describe() const {
  switch (kind_) {
    case Kind::index:
      return "fixed order by candidate number";
    case Kind::order:
      return "fixed order given by the caller";
    case Kind::lot:
      return fmt::format("lot (seed {}, replicate {}, entity {}, purpose {})", key_.seed, key_.replicate,
                         key_.entity, key_.purpose);
  }
  return {};
}

}  // namespace primsim::models::rules

// Ranking nominees of several contests against one another, as a conference or the congress
// does, on a statistic that does not depend on the size of the contest they won (docs/rules.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "primsim/models/spec/selection_spec.hpp"

namespace primsim::models {

// What a merging stage knows of one nominee.
struct MergeEntry {
  std::size_t unit = 0;            // the unit the nominee comes from: region or branch
  std::uint32_t contest_rank = 0;  // 1: the best of its contest
  double scaled_share = 0.0;       // share of the contest's points x candidates in it
  std::uint64_t key = 0;           // last tie-break: fixed by the nominee, not by arrival order
};

// Indices into `entries`, best first, under `rule`. `unit_weights[u]` is unit u's members; only
// apportioned reads it, and units without members take their turns after every other.
// O(n log n + n * units).
std::vector<std::size_t> merge_order(std::span<const MergeEntry> entries, spec::MergeRule rule,
                                     std::span<const std::int64_t> unit_weights);

}  // namespace primsim::models

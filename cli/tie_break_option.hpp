// The --tie-break and --seed options that `tally` and `allocate` share, and how their notices of
// broken ties name the candidates or parties ("Bo and Cem", "A, B and C").
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "integer_option.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::cli {

struct TieBreakOption {
  std::string kind = "index";
  std::uint64_t seed = 1;

  void add_to(CLI::App& app) {
    app.add_option(
           "--tie-break", kind,
           "index: the earlier candidate or party in the file wins a tie; lot: one lot drawn from --seed")
        ->check(CLI::IsMember({"index", "lot"}));
    app.add_option("--seed", seed, "seed of the lot (with --tie-break lot)")
        ->check(integer_in(0, UINT64_MAX));
  }

  // How a notice names the rule that broke a tie: "index", or "lot (seed 7)".
  [[nodiscard]] std::string name() const { return kind == "lot" ? fmt::format("lot (seed {})", seed) : kind; }

  // The lot's stream is keyed by (seed, replicate 0, entity 0, purpose) so that it is the same
  // draw a scenario run with this seed would make for a stand-alone count.
  [[nodiscard]] models::rules::TieBreak make(std::uint64_t purpose) const {
    if (kind == "lot") return models::rules::TieBreak::by_lot({seed, 0, 0, purpose});
    return models::rules::TieBreak::by_index();
  }
};

// "Bo", "Bo and Cem", "Ali, Bo and Cem".
template <typename Index, typename Names>
std::string listed_names(const std::vector<Index>& items, const Names& names) {
  std::string text;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
    text += names[items[i]];
  }
  return text;
}

}  // namespace primsim::cli

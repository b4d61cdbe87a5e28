// List merging, quota enforcement by least displacement or zipper, and appointment.
#include "primsim/models/rules/list_formation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <fmt/format.h>

namespace primsim::models::rules {
namespace {

enum Group : std::size_t { women, men, youth, women_or_youth, group_count };
constexpr std::array<const char*, group_count> group_names{"women", "men", "candidates under 35",
                                                           "women or candidates under 35"};

bool in_group(const ListCandidate& candidate, std::size_t group) {
  switch (group) {
    case women:
      return candidate.is_woman;
    case men:
      return !candidate.is_woman;
    case youth:
      return candidate.is_youth;
    default:
      return candidate.is_woman || candidate.is_youth;
  }
}

std::size_t needed(double share, std::size_t places) {
  // A share such as 0.3 * 10 must give 3, not 4: round away float noise before the ceiling.
  return static_cast<std::size_t>(std::ceil(share * static_cast<double>(places) - 1e-9));
}

std::vector<bool> select_with_quotas(std::span<const ListCandidate> ranked, std::size_t places,
                                     const std::array<std::size_t, group_count>& need,
                                     const QuotaOptions& options) {
  std::vector<bool> selected(ranked.size(), false);
  std::array<std::size_t, group_count> have{};
  for (std::size_t i = 0; i < places; ++i) {
    selected[i] = true;
    for (std::size_t g = 0; g < group_count; ++g) have[g] += in_group(ranked[i], g) ? 1U : 0U;
  }
  std::array<bool, group_count> given_up{};
  while (true) {
    std::optional<std::size_t> short_group;
    for (std::size_t g = 0; g < group_count; ++g) {
      if (have[g] < need[g] && !given_up[g]) {
        short_group = g;
        break;
      }
    }
    if (!short_group) return selected;
    const std::size_t g = *short_group;
    // The best-ranked unselected member of g that can come in for the lowest-ranked selected
    // candidate outside g, such that no group at or below its minimum loses a member.
    std::optional<std::size_t> incoming;
    std::optional<std::size_t> outgoing;
    for (std::size_t in = 0; in < ranked.size() && !incoming; ++in) {
      if (selected[in] || !in_group(ranked[in], g)) continue;
      for (std::size_t out = ranked.size(); out-- > 0;) {
        if (!selected[out] || in_group(ranked[out], g)) continue;
        if (options.keep_leadership && ranked[out].route == ListRoute::leadership) continue;
        bool allowed = true;
        for (std::size_t h = 0; h < group_count; ++h) {
          if (in_group(ranked[out], h) && !in_group(ranked[in], h) && have[h] <= need[h]) allowed = false;
        }
        if (allowed) {
          incoming = in;
          outgoing = out;
          break;
        }
      }
    }
    if (!incoming && options.best_effort) {
      given_up[g] = true;
      continue;
    }
    if (!incoming) {
      throw ListFormationError(
          fmt::format("list quotas: expected {} places to hold at least {} {}, found a pool of {} that "
                      "cannot provide them "
                      "without breaking another minimum",
                      places, need[g], group_names[g], ranked.size()));
    }
    selected[*incoming] = true;
    selected[*outgoing] = false;
    for (std::size_t h = 0; h < group_count; ++h) {
      have[h] += in_group(ranked[*incoming], h) ? 1U : 0U;
      have[h] -= in_group(ranked[*outgoing], h) ? 1U : 0U;
    }
  }
}

}  // namespace

std::vector<ListCandidate> merge_leadership_places(std::span<const ListCandidate> primary,
                                                   std::span<const ListCandidate> leadership,
                                                   LeadershipPlacement placement) {
  std::vector<ListCandidate> merged;
  merged.reserve(primary.size() + leadership.size());
  if (placement == LeadershipPlacement::leadership_first) {
    merged.insert(merged.end(), leadership.begin(), leadership.end());
    merged.insert(merged.end(), primary.begin(), primary.end());
    return merged;
  }
  if (placement == LeadershipPlacement::primary_first) {
    merged.insert(merged.end(), primary.begin(), primary.end());
    merged.insert(merged.end(), leadership.begin(), leadership.end());
    return merged;
  }
  std::size_t p = 0;
  std::size_t l = 0;
  while (p < primary.size() || l < leadership.size()) {
    // Sainte-Lague between two "parties": the one with the larger size / (2 * taken + 1) goes
    // next; compared by cross-multiplication, ties to the primary winners.
    const bool take_leadership =
        p == primary.size() ||
        (l < leadership.size() && leadership.size() * (2 * p + 1) > primary.size() * (2 * l + 1));
    merged.push_back(take_leadership ? leadership[l++] : primary[p++]);
  }
  return merged;
}

std::vector<ListCandidate> enforce_minimum_shares(std::span<const ListCandidate> ranked, std::size_t places,
                                                  const MinimumShares& shares, QuotaMethod method) {
  return enforce_minimum_shares(ranked, places, shares, QuotaOptions{method, false, false});
}

std::vector<ListCandidate> enforce_minimum_shares(std::span<const ListCandidate> ranked, std::size_t places,
                                                  const MinimumShares& shares, const QuotaOptions& options) {
  const QuotaMethod method = options.method;
  if (options.best_effort) places = std::min(places, ranked.size());
  if (places > ranked.size()) {
    throw ListFormationError(
        fmt::format("list quotas: expected at least {} candidates for {} places, found {}", places, places,
                    ranked.size()));
  }
  std::array<std::size_t, group_count> need{needed(shares.women, places), 0, needed(shares.youth, places),
                                            needed(shares.women_or_youth, places)};
  if (method == QuotaMethod::zipper) {
    need[women] = std::max(need[women], places / 2);
    need[men] = places / 2;
  }
  const std::vector<bool> selected = select_with_quotas(ranked, places, need, options);
  std::vector<ListCandidate> list;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    if (selected[i]) list.push_back(ranked[i]);
  }
  if (method == QuotaMethod::least_displacement || list.empty()) return list;

  // Zipper: alternate genders, each taking its best remaining; when one runs out, the rest follow.
  std::vector<ListCandidate> zipped;
  std::vector<bool> used(list.size(), false);
  bool want_woman = list.front().is_woman;
  for (std::size_t place = 0; place < list.size(); ++place) {
    std::optional<std::size_t> pick;
    for (std::size_t i = 0; i < list.size() && !pick; ++i) {
      if (!used[i] && list[i].is_woman == want_woman) pick = i;
    }
    for (std::size_t i = 0; i < list.size() && !pick; ++i) {
      if (!used[i]) pick = i;
    }
    used[*pick] = true;
    zipped.push_back(list[*pick]);
    want_woman = !want_woman;
  }
  return zipped;
}

std::vector<ListCandidate> appoint_list(std::span<const ListCandidate> nominees, std::size_t places,
                                        const MinimumShares& shares) {
  std::vector<ListCandidate> list =
      enforce_minimum_shares(nominees, places, shares, QuotaMethod::least_displacement);
  for (ListCandidate& candidate : list) candidate.route = ListRoute::appointed;
  return list;
}

}  // namespace primsim::models::rules

// Small value types shared by every part of a validated scenario: time windows and the levels
// of the party's territorial tree. Plain data, filled and checked by primsim::scenarios.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// A half-open interval [start, end) of simulated time; the loader guarantees start < end.
struct TimeWindow {
  sim::SimTime start;
  sim::SimTime end;

  [[nodiscard]] constexpr bool contains(sim::SimTime t) const { return start <= t && t < end; }
  [[nodiscard]] constexpr sim::Duration length() const { return end - start; }
  constexpr bool operator==(const TimeWindow&) const = default;
};

// The levels of the territorial tree, from the party centre down to the primary party
// organisation (PPO). Decentralisation on Hazan and Rahat's territorial axis is the level at
// which a stage's contests are held.
enum class TerritorialLevel { national, region, district, ppo };

inline constexpr std::array<std::string_view, 4> kTerritorialLevelNames{"national", "region", "district",
                                                                        "ppo"};
constexpr std::span<const std::string_view> names_of(TerritorialLevel) { return kTerritorialLevelNames; }

// The name of an enum value as written in a scenario file (and in the output's /meta tables).
template <typename Enum>
constexpr std::string_view name_of(Enum value) {
  return names_of(value)[static_cast<std::size_t>(value)];
}

}  // namespace primsim::models::spec

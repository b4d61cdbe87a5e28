// Ranges a numeric scenario value must lie in; range_wording.hpp says them in words.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include "primsim/scenarios/range_wording.hpp"

namespace primsim::scenarios {

struct IntRange {
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();

  [[nodiscard]] std::string expected() const {
    return whole_number_wording(min, max < 0 ? 0 : static_cast<std::uint64_t>(max));
  }
};

inline constexpr IntRange kPositive{1};
inline constexpr IntRange kNonNegative{0};

struct RealRange {
  double min = -std::numeric_limits<double>::max();
  double max = std::numeric_limits<double>::max();
  bool min_open = false;  // (min, ...] instead of [min, ...]
  bool max_open = false;  // [..., max) instead of [..., max]

  [[nodiscard]] std::string expected() const { return number_wording(min, max, min_open, max_open); }
  [[nodiscard]] bool contains(double value) const {
    return (min_open ? value > min : value >= min) && (max_open ? value < max : value <= max);
  }
};

inline constexpr RealRange kShare{0.0, 1.0};
inline constexpr RealRange kOpenShare{0.0, 1.0, true, true};
inline constexpr RealRange kAnyNumber{};
inline constexpr RealRange kNonNegativeNumber{0.0};
inline constexpr RealRange kPositiveNumber{0.0, std::numeric_limits<double>::max(), true};

enum class Presence { optional, required };

}  // namespace primsim::scenarios

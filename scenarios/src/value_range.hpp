// Ranges a numeric scenario value must lie in, and how to say so in an error message.
#pragma once

#include <cstdint>
#include <limits>
#include <string>

#include <fmt/format.h>

namespace primsim::scenarios {

struct IntRange {
  std::int64_t min = std::numeric_limits<std::int64_t>::min();
  std::int64_t max = std::numeric_limits<std::int64_t>::max();

  [[nodiscard]] std::string expected() const {
    constexpr auto kTop = std::numeric_limits<std::int64_t>::max();
    if (min == 1 && max == kTop) return "a positive integer";
    if (min == 0 && max == kTop) return "a non-negative integer";
    if (max == kTop) return fmt::format("an integer of at least {}", min);
    return fmt::format("an integer in [{}, {}]", min, max);
  }
};

inline constexpr IntRange kPositive{1};
inline constexpr IntRange kNonNegative{0};

struct RealRange {
  double min = -std::numeric_limits<double>::max();
  double max = std::numeric_limits<double>::max();
  bool min_open = false;  // (min, ...] instead of [min, ...]
  bool max_open = false;  // [..., max) instead of [..., max]

  [[nodiscard]] std::string expected() const {
    constexpr double kTop = std::numeric_limits<double>::max();
    if (min == 0.0 && max == 1.0 && max_open) return "a probability in (0, 1)";
    if (min == 0.0 && max == 1.0 && !min_open) return "a share in [0, 1]";
    if (min == 0.0 && max == 1.0) return "a share in (0, 1]";
    if (min == -kTop && max == kTop) return "a number";
    if (min == 0.0 && max == kTop) return min_open ? "a positive number" : "a non-negative number";
    return fmt::format("a number in {}{}, {}]", min_open ? "(" : "[", min, max);
  }
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

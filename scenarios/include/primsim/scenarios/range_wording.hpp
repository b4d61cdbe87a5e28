// How a range reads in an error message, for the scenario loader and the command line alike: in
// the words a teacher would write ("a whole number of at least 1", "a share from 0 to 1, such as
// 0.4"), never as interval notation or a type's limit (2^31 - 1, 2^64 - 1, the largest double).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include <fmt/format.h>

namespace primsim::scenarios {

// Bounds at or beyond this are a type's limits, not the model's: the wording leaves them out and
// a value beyond one is reported as too large.
inline constexpr std::uint64_t kUnstatedIntegerBound = std::numeric_limits<std::int32_t>::max();
inline constexpr double kUnstatedNumberBound = 1e300;

// 1234567 -> "1,234,567".
inline std::string grouped(std::uint64_t value) {
  const std::string digits = std::to_string(value);
  std::string text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text.push_back(',');
    text.push_back(digits[i]);
  }
  return text;
}

inline std::string signed_grouped(std::int64_t value) {
  if (value >= 0) return grouped(static_cast<std::uint64_t>(value));
  return "-" + grouped(static_cast<std::uint64_t>(-(value + 1)) + 1);
}

inline std::string whole_number_wording(std::int64_t least, std::uint64_t most) {
  const bool bounded_above = most < kUnstatedIntegerBound;
  const bool bounded_below = least > -static_cast<std::int64_t>(kUnstatedIntegerBound);
  if (bounded_above && bounded_below)
    return fmt::format("a whole number from {} to {}", signed_grouped(least), grouped(most));
  if (bounded_below) return fmt::format("a whole number of at least {}", signed_grouped(least));
  if (bounded_above) return fmt::format("a whole number of at most {}", grouped(most));
  return "a whole number";
}

inline std::string number_wording(double min, double max, bool min_open, bool max_open) {
  const bool share = min == 0.0 && max == 1.0;
  if (share && min_open && max_open) return "a probability above 0 and below 1, such as 0.4";
  if (share && min_open) return "a share above 0 and at most 1, such as 0.4";
  if (share) return "a share from 0 to 1, such as 0.4";
  const bool bounded_above = max < kUnstatedNumberBound;
  const bool bounded_below = min > -kUnstatedNumberBound;
  const std::string low = fmt::format("{} {}", min_open ? "above" : "of at least", min);
  const std::string high = fmt::format("{} {}", max_open ? "below" : "at most", max);
  if (bounded_above && bounded_below) {
    if (!min_open && !max_open) return fmt::format("a number from {} to {}", min, max);
    return fmt::format("a number {} and {}", low, high);
  }
  if (bounded_below) return fmt::format("a number {}", low);
  if (bounded_above) return fmt::format("a number {}", high);
  return "a number";
}

// What to add after a value given for a share as a percentage (40 for 0.4). Values just above 1
// (1.2) are more likely a slip than a percentage, and get no hint.
inline std::string share_hint(double max, double found) {
  if (max != 1.0 || !(found >= 2.0) || found > 100.0) return {};
  return fmt::format(" (a share is a fraction: {}% is written {})", found, found / 100.0);
}

}  // namespace primsim::scenarios

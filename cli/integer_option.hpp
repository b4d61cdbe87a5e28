// Strict checks for the counts, seeds and numbers given on the command line: decimal digits only,
// inside a stated range said in words (range_wording.hpp). CLI11 alone reads "-1" as UINT64_MAX
// and "010" as octal, a later cast can wrap, and its ranges print the largest double in full.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "primsim/scenarios/range_wording.hpp"

namespace primsim::cli {

// The limit a scenario's ensemble.replicates has; --replicates overrides it and keeps it.
constexpr std::uint64_t kMaxReplicates = 1000000;
// More worker threads than this is a typo, not a machine.
constexpr std::uint64_t kMaxThreads = 4096;

// Accepts an integer in [least, most] and rewrites it in canonical decimal (no leading zeros), so
// that the conversion after the check reads exactly the number that was checked.
inline CLI::Validator integer_in(std::uint64_t least, std::uint64_t most) {
  return CLI::Validator(
      [least, most](std::string& text) -> std::string {
        std::uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || error != std::errc() || stop != end || value < least || value > most) {
          // A type's limit is no part of the wording; a value beyond it is told it is too large.
          const bool too_large = digits && (error == std::errc::result_out_of_range || value > most) &&
                                 most >= scenarios::kUnstatedIntegerBound;
          return fmt::format("expected {}, found \"{}\"{}",
                             scenarios::whole_number_wording(static_cast<std::int64_t>(least), most), text,
                             too_large ? " (too large)" : "");
        }
        text = std::to_string(value);
        return {};
      },
      fmt::format("INT in [{} - {}]", least, most));
}

// Accepts a finite number in the range, said in words; `min_open` and `max_open` exclude the ends.
inline CLI::Validator number_in(double min, double max, bool min_open = false, bool max_open = false) {
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        double value = 0.0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        const bool is_number = !text.empty() && error == std::errc() && stop == end && std::isfinite(value);
        const bool inside =
            is_number && (min_open ? value > min : value >= min) && (max_open ? value < max : value <= max);
        if (inside) return {};
        return fmt::format("expected {}, found \"{}\"{}",
                           scenarios::number_wording(min, max, min_open, max_open), text,
                           is_number ? scenarios::share_hint(max, value) : "");
      },
      "NUMBER");
}

}  // namespace primsim::cli

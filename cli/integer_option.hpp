// A strict check for the counts and seeds given on the command line: decimal digits only, inside a
// stated range. CLI11 alone reads "-1" as UINT64_MAX and "010" as octal, and a later cast can wrap.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

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
          return fmt::format("expected an integer in [{}, {}], found \"{}\"", least, most, text);
        }
        text = std::to_string(value);
        return {};
      },
      fmt::format("INT in [{} - {}]", least, most));
}

}  // namespace primsim::cli

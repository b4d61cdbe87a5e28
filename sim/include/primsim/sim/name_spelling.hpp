// Enumerated names (rules, methods, designs, distributions, any `one of [...]` value) match with
// hyphens and underscores alike: `two-round` and `two_round` name the same rule in a scenario and
// on the command line. Messages still list each name as its own table spells it.
#pragma once

#include <string_view>

namespace primsim::sim {

constexpr bool same_name(std::string_view written, std::string_view canonical) {
  if (written.size() != canonical.size()) return false;
  for (std::size_t i = 0; i < written.size(); ++i) {
    const char a = written[i] == '-' ? '_' : written[i];
    const char b = canonical[i] == '-' ? '_' : canonical[i];
    if (a != b) return false;
  }
  return true;
}

}  // namespace primsim::sim

// "Did you mean" for misspelt keys and names: the closest candidate by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace primsim::scenarios {

// The candidate within edit distance max(2, |word| / 3) of `word`, the closest first.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

// ` (did you mean "x"?)` or empty.
std::string suggestion_suffix(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace primsim::scenarios

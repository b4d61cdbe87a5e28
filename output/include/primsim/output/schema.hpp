// The version of the results file layout. Bump it whenever a dataset or column changes meaning
// or disappears; `compare` refuses files of different versions.
#pragma once

#include <cstdint>

namespace primsim::output {

// 2: a party column in every table, /summary's vote_share and /meta/parties.
inline constexpr std::int32_t current_schema_version = 2;

}  // namespace primsim::output

// The version of the results file layout. Bump it whenever a dataset or column changes meaning
// or disappears; `compare` refuses files of different versions.
#pragma once

#include <cstdint>

namespace primsim::output {

inline constexpr std::int32_t current_schema_version = 1;

}  // namespace primsim::output

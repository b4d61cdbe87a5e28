// The version of the results file layout. Bump it whenever a dataset or column changes meaning
// or disappears; `compare` refuses files of different versions.
#pragma once

#include <cstdint>

namespace primsim::output {

// 2: a party column in every table, /summary's vote_share and /meta/parties.
// 3: an office column in /funnel, /list and /democracy (/democracy has a row per office), more
//    /democracy columns, /candidates, /warnings, /meta/offices, /meta/selection_stages,
//    /meta/outcomes, /meta/warning_kinds, and reason code 5 (none).
inline constexpr std::int32_t current_schema_version = 5;

}  // namespace primsim::output

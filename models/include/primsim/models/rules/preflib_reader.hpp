// Reads ordinal PrefLib files (.soc, .soi, .toc, .toi; the format of preflib.org since 2022):
// '#' header lines, among them '# NUMBER ALTERNATIVES: n' and '# ALTERNATIVE NAME i: name',
// then one line per distinct order, 'count: 1,2,{3,4},5', braces holding tied alternatives.
#pragma once

#include <filesystem>
#include <istream>
#include <string>
#include <string_view>

#include "primsim/models/rules/profile.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::models::rules {

// A malformed PrefLib file. The message reads 'FILE:LINE:COLUMN: expected ..., found ...'.
class PreflibError : public sim::InputError {
 public:
  using sim::InputError::InputError;
};

// The data type decides what a line may hold: soc complete strict orders, soi strict orders
// that may stop early, toc complete orders with ties, toi orders with ties that may stop early.
// It comes from '# DATA TYPE:' when present, otherwise from the file extension.
Profile read_preflib(const std::filesystem::path& path);
// `source` names the input in messages; `extension` ("soc", ...) is used without a DATA TYPE line.
Profile parse_preflib(std::istream& in, const std::string& source, std::string_view extension);

}  // namespace primsim::models::rules

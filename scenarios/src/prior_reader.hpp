// Reads a scenario's `priors:` block: each key path and its distribution, checked against the
// scenario it varies, so that every draw a run can make is a valid scenario.
#pragma once

#include <functional>
#include <vector>

#include "diagnostics.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "source_node.hpp"

namespace primsim::scenarios {

// `scenario` is the merged tree without sweep and priors; `resolved` the same scenario as
// --print-resolved writes it (every default filled in), which says whether a key holds a count,
// a number or a duration. `reads_cleanly` reads a variant of the tree and says whether it is a
// valid scenario, giving the first complaint otherwise.
using VariantCheck = std::function<bool(const SourceNode& variant, std::string& complaint)>;

std::vector<Prior> read_priors(const SourceNode& priors, const SourceNode& scenario,
                               const SourceNode& resolved, const VariantCheck& reads_cleanly,
                               Diagnostics& diagnostics);

// The block as --print-resolved shows it: `priors:` and one flow map per key.
std::string priors_yaml(const std::vector<Prior>& priors);

// Places `text` (a YAML scalar) at `path` in `root`, as --set does.
void set_scalar(SourceNode& root, const std::string& path, const std::string& text);

}  // namespace primsim::scenarios

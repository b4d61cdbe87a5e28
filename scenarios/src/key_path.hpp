// Key paths as --set, sweep:, priors: and a child's dotted keys write them
// (voting.channels.online.capacity, stages[1].rule, stages.members_vote.rule): splitting them and
// placing a value at one in a scenario tree.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace primsim::scenarios {

// `stages[1].rule` and `stages.1.rule` give the same segments.
std::vector<std::string> split_key_path(std::string path);

// Places `value` at `path` under `root`, creating maps on the way; a sequence is entered by
// index or by the `name` of one of its map items. A malformed path, an index out of range or an
// unknown name is reported at `key_location`.
void set_key_path(SourceNode& root, const std::string& path, SourceNode value,
                  const SourceLocation& key_location, Diagnostics& diagnostics);

// The node at `path`, or nullptr.
const SourceNode* find_key_path(const SourceNode& root, const std::string& path);

}  // namespace primsim::scenarios

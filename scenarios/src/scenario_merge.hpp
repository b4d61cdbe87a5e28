// How a child scenario overlays its `extends` parent: maps merge key by key, lists of named
// items merge item by item, and an item marked `remove: true` leaves the parent's list or map.
#pragma once

#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "source_node.hpp"

namespace primsim::scenarios {

// Overlays `child` on `parent`:
// - maps merge key by key; an entry whose value is `{remove: true}` deletes the parent's entry;
// - a non-empty list whose items are all maps with a `name`, over a parent list of such items,
//   merges by name: an item of a name the parent has is merged into the parent's item (in the
//   parent's place), `{name: N, remove: true}` deletes the parent's item N, and an item of a
//   new name goes right after the child's item before it (merged or removed: a removed item's
//   place), else right before the child's next item that the parent has, else at the end;
//   a name the child repeats (remove N, then write N afresh) is a new item;
// - anything else, an empty list included, replaces the parent's value.
// A `remove` that names nothing of the parent's is reported at the child's location.
void merge_scenario(SourceNode& parent, SourceNode child, const std::string& path, Diagnostics& diagnostics);

// Takes the top-level keys written as key paths (`selection.stages.members_vote.rule.kind`) out
// of `root`, to be applied with apply_key_paths once the parent is merged.
std::vector<SourceNode::Entry> take_key_paths(SourceNode& root);

// Sets each key path as --set would, reporting mistakes at the key.
void apply_key_paths(SourceNode& root, std::vector<SourceNode::Entry> paths, Diagnostics& diagnostics);

}  // namespace primsim::scenarios

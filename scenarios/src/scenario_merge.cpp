// The extends overlay: key-by-key maps, name-by-name lists, `remove: true`, and the dotted key
// paths a child may write at its top level.
#include "scenario_merge.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "key_path.hpp"

namespace primsim::scenarios {
namespace {

const SourceNode* name_of(const SourceNode& item) {
  if (!item.is_map()) return nullptr;
  const SourceNode::Entry* entry = item.find("name");
  if (entry == nullptr || !entry->value.is_scalar() || entry->value.scalar.empty()) return nullptr;
  return &entry->value;
}

bool is_named_list(const SourceNode& list) {
  for (const SourceNode& item : list.items) {
    if (name_of(item) == nullptr) return false;
  }
  return true;
}

// The child item's `remove` flag, taken out of it; a value other than true or false is reported.
bool take_remove_flag(SourceNode& item, const std::string& path, Diagnostics& diagnostics) {
  const SourceNode::Entry* entry = item.is_map() ? item.find("remove") : nullptr;
  if (entry == nullptr) return false;
  const SourceNode value = entry->value;
  item.erase("remove");
  if (value.is_scalar() && value.scalar == "true") return true;
  if (value.is_scalar() && value.scalar == "false") return false;
  diagnostics.add(value.location, path + ".remove", "true or false", value.describe());
  return false;
}

// A removal carries nothing but the name: anything else would be silently dropped with it.
void check_removal_alone(const SourceNode& item, const std::string& path, Diagnostics& diagnostics) {
  for (const SourceNode::Entry& entry : item.entries) {
    if (entry.key == "name") continue;
    diagnostics.add(entry.key_location, path + "." + entry.key,
                    "no other key beside remove: true (the item is removed)",
                    fmt::format("\"{}\"", entry.key));
  }
}

std::string names_in(const std::vector<SourceNode>& items) {
  std::string names;
  for (const SourceNode& item : items) {
    if (const SourceNode* name = name_of(item)) names += (names.empty() ? "" : ", ") + name->scalar;
  }
  return names;
}

void merge_lists(SourceNode& parent, SourceNode child, const std::string& path, Diagnostics& diagnostics) {
  std::vector<SourceNode>& result = parent.items;
  const std::string parent_names = names_in(result);
  const auto find = [&](const std::string& name) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < result.size(); ++i) {
      if (name_of(result[i])->scalar == name) return i;
    }
    return std::nullopt;
  };
  // New items wait here until the child names an item the parent has, and then go before it.
  std::vector<SourceNode> pending;
  const auto flush = [&](std::vector<SourceNode>& items, std::size_t at) {
    const std::size_t count = items.size();
    result.insert(result.begin() + static_cast<std::ptrdiff_t>(at), std::make_move_iterator(items.begin()),
                  std::make_move_iterator(items.end()));
    items.clear();
    return count;
  };
  std::optional<std::size_t> anchor;  // where the next new item goes
  std::vector<std::string> seen;
  for (std::size_t c = 0; c < child.items.size(); ++c) {
    SourceNode& item = child.items[c];
    const std::string item_path = fmt::format("{}[{}]", path, c);
    const std::string name = name_of(item)->scalar;
    const bool remove = take_remove_flag(item, item_path, diagnostics);
    // A name written twice in the child is left for the reader's own check of unique names.
    const bool repeated = std::find(seen.begin(), seen.end(), name) != seen.end();
    seen.push_back(name);
    const std::optional<std::size_t> index = repeated ? std::nullopt : find(name);
    if (remove) {
      check_removal_alone(item, item_path, diagnostics);
      if (!index) {
        diagnostics.add(name_of(item)->location, item_path + ".name",
                        fmt::format("the name of an item of the parent's list to remove ({})", parent_names),
                        fmt::format("\"{}\"", name));
        continue;
      }
      // The removed item's place is where the child's next new items go: remove one item and
      // write another next to it, and the new one takes its place.
      result.erase(result.begin() + static_cast<std::ptrdiff_t>(*index));
      anchor = *index + flush(pending, *index);
      continue;
    }
    if (!index) {
      if (anchor) {
        result.insert(result.begin() + static_cast<std::ptrdiff_t>(*anchor), std::move(item));
        ++*anchor;
      } else {
        pending.push_back(std::move(item));
      }
      continue;
    }
    const std::size_t at = *index + flush(pending, *index);
    merge_scenario(result[at], std::move(item), item_path, diagnostics);
    anchor = at + 1;
  }
  for (SourceNode& item : pending) result.push_back(std::move(item));
  parent.location = child.location;
}

void merge_maps(SourceNode& parent, SourceNode child, const std::string& path, Diagnostics& diagnostics) {
  for (SourceNode::Entry& entry : child.entries) {
    const std::string entry_path = path.empty() ? entry.key : path + "." + entry.key;
    if (take_remove_flag(entry.value, entry_path, diagnostics)) {
      check_removal_alone(entry.value, entry_path, diagnostics);
      if (!parent.erase(entry.key)) {
        diagnostics.add(entry.key_location, entry_path, "a key of the parent's map to remove",
                        fmt::format("\"{}\"", entry.key));
      }
      continue;
    }
    if (SourceNode::Entry* existing = parent.find(entry.key)) {
      existing->key_location = entry.key_location;
      merge_scenario(existing->value, std::move(entry.value), entry_path, diagnostics);
    } else {
      parent.entries.push_back(std::move(entry));
    }
  }
  parent.location = child.location;
}

}  // namespace

void merge_scenario(SourceNode& parent, SourceNode child, const std::string& path, Diagnostics& diagnostics) {
  if (parent.is_map() && child.is_map()) {
    merge_maps(parent, std::move(child), path, diagnostics);
  } else if (parent.is_sequence() && child.is_sequence() && !child.items.empty() && is_named_list(parent) &&
             is_named_list(child)) {
    merge_lists(parent, std::move(child), path, diagnostics);
  } else {
    parent = std::move(child);
  }
}

std::vector<SourceNode::Entry> take_key_paths(SourceNode& root) {
  std::vector<SourceNode::Entry> paths;
  if (!root.is_map()) return paths;
  std::vector<SourceNode::Entry> kept;
  for (SourceNode::Entry& entry : root.entries) {
    if (entry.key.find_first_of(".[") != std::string::npos) {
      paths.push_back(std::move(entry));
    } else {
      kept.push_back(std::move(entry));
    }
  }
  root.entries = std::move(kept);
  return paths;
}

void apply_key_paths(SourceNode& root, std::vector<SourceNode::Entry> paths, Diagnostics& diagnostics) {
  for (SourceNode::Entry& entry : paths) {
    set_key_path(root, entry.key, std::move(entry.value), entry.key_location, diagnostics);
  }
}

}  // namespace primsim::scenarios

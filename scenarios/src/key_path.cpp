// Key paths: the one reading of `a.b[2].c` that --set, sweep: and priors: share.
#include "key_path.hpp"

#include <charconv>

#include <fmt/format.h>

namespace primsim::scenarios {
namespace {

// The item `segment` addresses in a list: by index, else the map item of that `name`.
template <typename Node>
Node* list_item(Node& list, const std::string& segment) {
  std::size_t index = 0;
  const auto [end, error] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
  if (error == std::errc{} && end == segment.data() + segment.size()) {
    return index < list.items.size() ? &list.items[index] : nullptr;
  }
  for (Node& item : list.items) {
    if (!item.is_map()) continue;
    const SourceNode::Entry* name = item.find("name");
    if (name != nullptr && name->value.is_scalar() && name->value.scalar == segment) return &item;
  }
  return nullptr;
}

std::string item_expectation(const SourceNode& list) {
  std::vector<std::string> names;
  for (const SourceNode& item : list.items) {
    const SourceNode::Entry* name = item.is_map() ? item.find("name") : nullptr;
    if (name != nullptr && name->value.is_scalar()) names.push_back(name->value.scalar);
  }
  if (names.empty()) return fmt::format("an index below {}", list.items.size());
  return fmt::format("an index below {} or the name of an item ({})", list.items.size(),
                     fmt::join(names, ", "));
}

}  // namespace

std::vector<std::string> split_key_path(std::string path) {
  // `stages[1].rule` and `stages.1.rule` name the same value.
  for (char& c : path) {
    if (c == '[') c = '.';
  }
  std::vector<std::string> segments;
  std::string current;
  for (const char c : path) {
    if (c == ']') continue;
    if (c == '.') {
      segments.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  segments.push_back(current);
  return segments;
}

void set_key_path(SourceNode& root, const std::string& path, SourceNode value,
                  const SourceLocation& key_location, Diagnostics& diagnostics) {
  const std::vector<std::string> segments = split_key_path(path);
  SourceNode* node = &root;
  std::string walked;
  for (const std::string& segment : segments) {
    if (segment.empty()) {
      diagnostics.add(key_location, path, "a key path such as voting.channels.online.capacity",
                      fmt::format("\"{}\"", path));
      return;
    }
    walked += walked.empty() ? segment : "." + segment;
    if (node->is_sequence()) {
      SourceNode* item = list_item(*node, segment);
      if (item == nullptr) {
        diagnostics.add(key_location, walked, item_expectation(*node), fmt::format("\"{}\"", segment));
        return;
      }
      node = item;
      continue;
    }
    if (!node->is_map()) {
      node->kind = SourceNode::Kind::map;
      node->scalar.clear();
      node->items.clear();
      node->location = key_location;
    }
    SourceNode::Entry* entry = node->find(segment);
    if (entry == nullptr) {
      node->entries.push_back({segment, key_location, {}});
      entry = &node->entries.back();
    } else {
      entry->key_location = key_location;
    }
    node = &entry->value;
  }
  *node = std::move(value);
}

const SourceNode* find_key_path(const SourceNode& root, const std::string& path) {
  const SourceNode* node = &root;
  for (const std::string& segment : split_key_path(path)) {
    if (node->is_sequence()) {
      node = list_item(*node, segment);
      if (node == nullptr) return nullptr;
      continue;
    }
    if (!node->is_map()) return nullptr;
    const SourceNode::Entry* entry = node->find(segment);
    if (entry == nullptr) return nullptr;
    node = &entry->value;
  }
  return node;
}

}  // namespace primsim::scenarios

// A YAML document as the loader sees it: maps, sequences and scalars that remember the file,
// line and column they came from, so that merging extends chains and --set overrides keeps
// every value's origin for error messages. yaml-cpp types never leave the loader.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace primsim::scenarios {

class SourceNode {
 public:
  enum class Kind { null, scalar, sequence, map };
  struct Entry;

  Kind kind = Kind::null;
  std::string scalar;
  SourceLocation location;
  std::vector<SourceNode> items;  // sequence
  std::vector<Entry> entries;     // map, in file order

  [[nodiscard]] bool is_null() const { return kind == Kind::null; }
  [[nodiscard]] bool is_map() const { return kind == Kind::map; }
  [[nodiscard]] bool is_sequence() const { return kind == Kind::sequence; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }

  [[nodiscard]] const Entry* find(std::string_view key) const;
  [[nodiscard]] Entry* find(std::string_view key);
  // Removes `key` from a map; returns whether it was there.
  bool erase(std::string_view key);

  // How a value is named in "found ...": the quoted scalar, or its kind.
  [[nodiscard]] std::string describe() const;
};

struct SourceNode::Entry {
  std::string key;
  SourceLocation key_location;
  SourceNode value;
};

// Parses YAML text; syntax errors, duplicate keys, non-scalar keys and oversized documents are
// reported to `diagnostics` (the result is then a null node).
SourceNode parse_yaml(const std::string& text, const std::string& file, Diagnostics& diagnostics);

}  // namespace primsim::scenarios

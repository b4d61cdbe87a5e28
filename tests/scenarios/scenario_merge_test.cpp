// The extends overlay on its own: where merged, new and removed list items end up, which lists
// replace instead of merging, and where a bad removal is reported.
#include "scenario_merge.hpp"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/scenarios/scenario_error.hpp"

namespace {

using primsim::scenarios::Diagnostics;
using primsim::scenarios::merge_scenario;
using primsim::scenarios::parse_yaml;
using primsim::scenarios::SourceNode;

SourceNode parse(const std::string& text, const std::string& file) {
  Diagnostics diagnostics;
  SourceNode node = parse_yaml(text, file, diagnostics);
  REQUIRE(diagnostics.empty());
  return node;
}

// The merged list as "name:key=value" words, to compare order and content at once.
std::string merged(const std::string& parent_text, const std::string& child_text) {
  SourceNode parent = parse(parent_text, "parent.yaml");
  Diagnostics diagnostics;
  merge_scenario(parent, parse(child_text, "child.yaml"), "", diagnostics);
  diagnostics.throw_if_any();
  std::string words;
  for (const SourceNode& item : parent.find("list")->value.items) {
    if (!words.empty()) words += " ";
    if (!item.is_map()) {
      words += item.scalar;
      continue;
    }
    for (const SourceNode::Entry& entry : item.entries) {
      words += entry.key == "name" ? entry.value.scalar : ":" + entry.key + "=" + entry.value.scalar;
    }
  }
  return words;
}

const std::string kParent = "list: [{name: a, k: 1, j: 1}, {name: b, k: 1}, {name: c, k: 1}]";

}  // namespace

TEST_CASE("a named item of the child merges into the parent's item of that name, in its place",
          "[scenarios]") {
  CHECK(merged(kParent, "list: [{name: b, k: 2}]") == "a:k=1:j=1 b:k=2 c:k=1");
  CHECK(merged(kParent, "list: [{name: a, k: 2}]") == "a:k=2:j=1 b:k=1 c:k=1");
}

TEST_CASE("a new name goes next to the child's neighbouring items, else at the end", "[scenarios]") {
  CHECK(merged(kParent, "list: [{name: x}]") == "a:k=1:j=1 b:k=1 c:k=1 x");
  CHECK(merged(kParent, "list: [{name: x}, {name: b}]") == "a:k=1:j=1 x b:k=1 c:k=1");
  CHECK(merged(kParent, "list: [{name: a}, {name: x}, {name: y}]") == "a:k=1:j=1 x y b:k=1 c:k=1");
}

TEST_CASE("remove: true drops an item, and a new item written beside it takes its place", "[scenarios]") {
  CHECK(merged(kParent, "list: [{name: b, remove: true}]") == "a:k=1:j=1 c:k=1");
  CHECK(merged(kParent, "list: [{name: b, remove: true}, {name: x}]") == "a:k=1:j=1 x c:k=1");
  CHECK(merged(kParent, "list: [{name: x}, {name: b, remove: true}]") == "a:k=1:j=1 x c:k=1");
  // Removing every item and writing the list afresh replaces it, a name reused included.
  CHECK(merged(kParent,
               "list: [{name: a, remove: true}, {name: b, remove: true}, {name: c, remove: true}, {name: c}, "
               "{name: z}]") == "c z");
  CHECK(merged(kParent, "list: [{name: b, remove: false, k: 3}]") == "a:k=1:j=1 b:k=3 c:k=1");
}

TEST_CASE("lists without names, and an empty list, replace the parent's", "[scenarios]") {
  CHECK(merged(kParent, "list: []").empty());
  CHECK(merged(kParent, "list: [{group: women}]") == ":group=women");
  CHECK(merged("list: [x, y]", "list: [z]") == "z");
}

TEST_CASE("a bad removal is reported where the child wrote it", "[scenarios]") {
  REQUIRE_THROWS_WITH(merged(kParent, "list: [{name: d, remove: true}]"),
                      "child.yaml:1:15: list[0].name: expected the name of an item of the parent's list to "
                      "remove (a, b, c), found \"d\"");
  REQUIRE_THROWS_WITH(merged(kParent, "list: [{name: a, remove: yes}]"),
                      "child.yaml:1:26: list[0].remove: expected true or false, found \"yes\"");
  REQUIRE_THROWS_WITH(merged(kParent, "list: [{name: a, k: 2, remove: true}]"),
                      "child.yaml:1:18: list[0].k: expected no other key beside remove: true (the item is "
                      "removed), found \"k\"");
  REQUIRE_THROWS_WITH(merged("list: []\nmap: {a: 1}", "map: {b: {remove: true}}"),
                      "child.yaml:1:7: map.b: expected a key of the parent's map to remove, found \"b\"");
}

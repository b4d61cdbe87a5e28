// Collects the mistakes found in a scenario so that all of them are reported, not only the
// first; each becomes one `FILE:LINE:COL: key.path: expected ..., found ...` line.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace primsim::scenarios {

// Where a value was written: a file (or "--set") and a 1-based line and column.
struct SourceLocation {
  std::shared_ptr<const std::string> file;
  int line = 0;
  int column = 0;
};

class Diagnostics {
 public:
  void add(const SourceLocation& where, std::string_view path, std::string_view expected,
           std::string_view found);

  [[nodiscard]] bool empty() const { return entries_.empty(); }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }
  // The first mistake as `key.path: expected ..., found ...`, without its place.
  [[nodiscard]] std::string first_message() const {
    return entries_.empty() ? std::string{} : entries_.front().message;
  }

  // Throws ScenarioError with every distinct line, sorted by file, line and column, if any.
  void throw_if_any() const;

  // True the first time it is asked about `path` written at `where`, false after: a sweep reads
  // the same written key once per grid point, and a check that costs time (an unknown key's
  // suggestion) need only run the first time. O(1) expected.
  bool first_visit(const SourceLocation& where, std::string_view path);

 private:
  struct Entry {
    std::string file;
    int line;
    int column;
    std::string text;
    std::string message;
  };
  std::vector<Entry> entries_;
  // Lines already in entries_: a sweep of 10,000 points reports a mistake of its base once, not
  // 10,000 times.
  std::unordered_set<std::string> texts_;
  std::unordered_set<std::string> visited_;
};

}  // namespace primsim::scenarios

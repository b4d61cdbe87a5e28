// Collects the mistakes found in a scenario so that all of them are reported, not only the
// first; each becomes one `FILE:LINE:COL: key.path: expected ..., found ...` line.
#pragma once

#include <memory>
#include <string>
#include <string_view>
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

 private:
  struct Entry {
    std::string file;
    int line;
    int column;
    std::string text;
    std::string message;
  };
  std::vector<Entry> entries_;
};

}  // namespace primsim::scenarios

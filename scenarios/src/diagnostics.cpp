// Formats, orders and de-duplicates scenario mistakes (a sweep checks the same key once per
// grid point, but the user must see each mistake once).
#include "diagnostics.hpp"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "primsim/scenarios/scenario_error.hpp"

namespace primsim::scenarios {

void Diagnostics::add(const SourceLocation& where, std::string_view path, std::string_view expected,
                      std::string_view found) {
  const std::string file = where.file ? *where.file : std::string{"<unknown>"};
  std::string message =
      fmt::format("{}: expected {}, found {}", path.empty() ? "(document)" : path, expected, found);
  std::string text = fmt::format("{}:{}:{}: {}", file, where.line, where.column, message);
  if (!texts_.insert(text).second) return;
  entries_.push_back({file, where.line, where.column, std::move(text), std::move(message)});
}

bool Diagnostics::first_visit(const SourceLocation& where, std::string_view path) {
  return visited_
      .insert(fmt::format("{}:{}:{}:{}", where.file ? *where.file : std::string{}, where.line, where.column,
                          path))
      .second;
}

void Diagnostics::throw_if_any() const {
  if (entries_.empty()) return;
  std::vector<Entry> sorted = entries_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  std::vector<std::string> lines;
  lines.reserve(sorted.size());
  for (const Entry& entry : sorted) lines.push_back(entry.text);
  throw ScenarioError(std::move(lines));
}

}  // namespace primsim::scenarios

// Reads SourceNodes into the plain spec structs, checking every value as it goes and recording
// every mistake instead of stopping at the first. The binding functions (spec_binding.hpp)
// describe each struct once; SpecReader and SpecWriter both walk them, so the keys a scenario
// may hold and the keys --print-resolved prints cannot drift apart.
#pragma once

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "diagnostics.hpp"
#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/name_spelling.hpp"
#include "primsim/sim/sim_time.hpp"
#include "source_node.hpp"
#include "suggest.hpp"
#include "value_range.hpp"

namespace primsim::scenarios {

class SpecReader {
 public:
  explicit SpecReader(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Reads the scenario map `root` into `spec`.
  template <typename T>
  void read(const SourceNode& root, T& spec) {
    if (!root.is_map()) {
      report(root.location, "", "a map of scenario keys", root.describe());
      return;
    }
    enter(&root, "", [&] { bind(*this, spec); });
  }

  // --- the binding interface, shared with SpecWriter -------------------------------------
  template <typename Int>
  void integer(std::string_view key, Int& value, IntRange range = {},
               Presence presence = Presence::optional) {
    const SourceNode* node = scalar_child(key, range.expected(), presence);
    if (node == nullptr) return;
    std::int64_t parsed = 0;
    const char* first = node->scalar.data();
    const char* last = first + node->scalar.size();
    const auto [end, error] = std::from_chars(first, last, parsed);
    const std::int64_t type_max = static_cast<std::int64_t>(
        std::min<std::uint64_t>(static_cast<std::uint64_t>(std::numeric_limits<Int>::max()),
                                static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())));
    const std::int64_t type_min =
        std::is_signed_v<Int> ? static_cast<std::int64_t>(std::numeric_limits<Int>::min()) : 0;
    IntRange effective{std::max(range.min, type_min), std::min(range.max, type_max)};
    if (error != std::errc{} || end != last || parsed < effective.min || parsed > effective.max) {
      // A type's limit is no part of the wording, so a value beyond it is told it is too large.
      const bool beyond_limit = (error == std::errc::result_out_of_range && node->scalar[0] != '-') ||
                                (error == std::errc{} && end == last && parsed > effective.max &&
                                 static_cast<std::uint64_t>(effective.max) >= kUnstatedIntegerBound);
      fail(key, *node, effective.expected(), beyond_limit ? " (too large)" : "");
      return;
    }
    value = static_cast<Int>(parsed);
  }

  void optional_integer(std::string_view key, std::optional<std::int64_t>& value, IntRange range);
  void number(std::string_view key, double& value, RealRange range, Presence presence = Presence::optional);
  void optional_number(std::string_view key, std::optional<double>& value, RealRange range);
  void flag(std::string_view key, bool& value);
  void text(std::string_view key, std::string& value, Presence presence = Presence::optional);
  void names(std::string_view key, std::vector<std::string>& values);
  // A list of integers in `range` (places on a list, for instance).
  void integers(std::string_view key, std::vector<std::int32_t>& values, IntRange range);
  void time(std::string_view key, sim::SimTime& value, Presence presence = Presence::required);
  void duration(std::string_view key, sim::Duration& value, bool allow_zero = false);
  void offset(std::string_view key, sim::Duration& value, Presence presence = Presence::optional);
  // The scenario's epoch; every later `time` is measured from it in the zone `utc_offset`.
  void epoch(std::string_view key, std::string& iso, sim::Duration utc_offset);
  // A key that moved to `new_path` (relative to the current map): a scenario that still uses it
  // is told where it went rather than that it is unknown.
  void moved(std::string_view key, std::string_view new_path);
  // A key the model does not simulate: refused with `why`, rather than read and ignored.
  void not_simulated(std::string_view key, std::string_view why);

  template <typename Enum>
  void choice(std::string_view key, Enum& value, Presence presence = Presence::optional) {
    const auto names = models::spec::names_of(value);
    const std::string expected = fmt::format("one of [{}]", fmt::join(names, ", "));
    const SourceNode* node = scalar_child(key, expected, presence);
    if (node == nullptr) return;
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (sim::same_name(node->scalar, names[i])) {
        value = static_cast<Enum>(i);
        return;
      }
    }
    fail(key, *node, expected, suggestion_suffix(node->scalar, {names.begin(), names.end()}));
  }

  template <typename T>
  void object(std::string_view key, T& value) {
    const SourceNode* node = child(key);
    if (node == nullptr) {
      enter(nullptr, path_of(key), [&] { bind(*this, value); });
      return;
    }
    if (!node->is_map()) {
      fail(key, *node, "a map");
      return;
    }
    enter(node, path_of(key), [&] { bind(*this, value); });
  }

  template <typename T>
  void list(std::string_view key, std::vector<T>& values, Presence presence = Presence::optional) {
    const SourceNode* node = child(key);
    if (node == nullptr) {
      if (presence == Presence::required) missing(key, "a list");
      return;
    }
    if (!node->is_sequence()) {
      fail(key, *node, "a list of maps");
      return;
    }
    values.clear();
    const std::string base = path_of(key);
    for (std::size_t i = 0; i < node->items.size(); ++i) {
      const SourceNode& item = node->items[i];
      const std::string item_path = fmt::format("{}[{}]", base, i);
      if (!item.is_map()) {
        report(item.location, item_path, "a map", item.describe());
        continue;
      }
      T value{};
      enter(&item, item_path, [&] { bind(*this, value); });
      values.push_back(std::move(value));
    }
  }

  // A map from names to entries; each entry's `name` is its key.
  template <typename T>
  void named_map(std::string_view key, std::vector<T>& values, const T& prototype,
                 Presence presence = Presence::optional) {
    const SourceNode* node = child(key);
    if (node == nullptr) {
      if (presence == Presence::required) missing(key, "a map of named entries");
      return;
    }
    if (!node->is_map()) {
      fail(key, *node, "a map of named entries");
      return;
    }
    values.clear();
    const std::string base = path_of(key);
    for (const SourceNode::Entry& entry : node->entries) {
      const std::string item_path = base + "." + entry.key;
      locations_[item_path] = entry.key_location;
      if (!entry.value.is_map()) {
        report(entry.value.location, item_path, "a map", entry.value.describe());
        continue;
      }
      T value = prototype;
      value.name = entry.key;
      enter(&entry.value, item_path, [&] { bind(*this, value); });
      values.push_back(std::move(value));
    }
  }

  // Checks that `end` comes after `start` in the current map.
  void check_window(const models::spec::TimeWindow& window);
  // Checks that the shares under `key` sum to 1 within 1e-6.
  void check_sum(std::string_view key, double sum);

  // --- after reading: locations and failures, for the checks across the scenario ---------
  [[nodiscard]] bool ok(std::string_view path) const;
  [[nodiscard]] SourceLocation where(std::string_view path) const;
  // Whether the scenario wrote the key at `path` (rather than leaving its default).
  [[nodiscard]] bool given(std::string_view path) const { return locations_.contains(std::string(path)); }
  void report_at(std::string_view path, std::string_view expected, std::string_view found);
  // Whether the time at `path` was written as a date alone (2020-10-05, no time of day).
  [[nodiscard]] bool date_only(std::string_view path) const {
    return std::find(date_only_.begin(), date_only_.end(), path) != date_only_.end();
  }
  // A remark on a valid scenario (not a mistake), as `FILE:LINE:COL: key.path: note: text`.
  void note_at(std::string_view path, std::string_view text);
  [[nodiscard]] const std::vector<std::string>& notes() const { return notes_; }
  // Whether the scenario has the key `pattern` (written or left at its default), `*` matching any
  // one segment: a calibration target's `sets` must name one. O(keys x segments).
  [[nodiscard]] bool has_key_path(std::string_view pattern) const;
  // Every key path read so far, for suggestions.
  [[nodiscard]] std::vector<std::string> key_paths() const;
  // The epoch in seconds since 1970-01-01T00:00Z, once `calendar.epoch` has been read.
  [[nodiscard]] std::int64_t epoch_utc() const { return epoch_utc_; }
  // The scenario's UTC offset, once `calendar.time_zone` has been read.
  [[nodiscard]] sim::Duration zone_offset() const { return sim::Duration{scenario_offset_.value_or(0)}; }

 private:
  struct Frame {
    const SourceNode* node;  // null when the map is absent and everything is a default
    std::string path;
    std::vector<std::string> known;
  };

  template <typename F>
  void enter(const SourceNode* node, std::string path, F&& body) {
    if (node != nullptr) locations_[path] = node->location;
    frames_.push_back({node, std::move(path), {}});
    body();
    check_unknown_keys();
    frames_.pop_back();
  }

  // Records `key` as known in the current map and its path as a key of the scenario.
  void note_key(std::string_view key);
  const SourceNode* child(std::string_view key);
  const SourceNode* scalar_child(std::string_view key, const std::string& expected, Presence presence);
  void missing(std::string_view key, std::string_view expected);
  void fail(std::string_view key, const SourceNode& node, std::string_view expected,
            std::string_view suffix = {});
  void report(const SourceLocation& where, std::string_view path, std::string_view expected,
              std::string_view found);
  void check_unknown_keys();
  [[nodiscard]] std::string path_of(std::string_view key) const;

  Diagnostics& diagnostics_;
  std::vector<Frame> frames_;
  std::map<std::string, SourceLocation, std::less<>> locations_;
  std::vector<std::string> failed_;
  std::set<std::string, std::less<>> key_paths_;
  std::vector<std::string> date_only_;
  std::vector<std::string> notes_;
  std::optional<std::int64_t> scenario_offset_;
  std::int64_t epoch_utc_ = 0;
  bool has_epoch_ = false;
};

}  // namespace primsim::scenarios

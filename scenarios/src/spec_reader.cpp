// The non-template half of SpecReader: scalar conversions, unknown keys and locations.
#include "spec_reader.hpp"

#include <cmath>

#include "time_format.hpp"

namespace primsim::scenarios {

void SpecReader::note_key(std::string_view key) {
  frames_.back().known.emplace_back(key);
  key_paths_.insert(path_of(key));
}

const SourceNode* SpecReader::child(std::string_view key) {
  note_key(key);
  const Frame& frame = frames_.back();
  if (frame.node == nullptr) return nullptr;
  const SourceNode::Entry* entry = frame.node->find(key);
  if (entry == nullptr || entry->value.is_null()) return nullptr;
  locations_[path_of(key)] = entry->value.location;
  return &entry->value;
}

const SourceNode* SpecReader::scalar_child(std::string_view key, const std::string& expected,
                                           Presence presence) {
  const SourceNode* node = child(key);
  if (node == nullptr) {
    if (presence == Presence::required) missing(key, expected);
    return nullptr;
  }
  if (!node->is_scalar()) {
    fail(key, *node, expected);
    return nullptr;
  }
  return node;
}

void SpecReader::missing(std::string_view key, std::string_view expected) {
  const Frame& frame = frames_.back();
  // An absent map sits where its parent was written; the nearest written ancestor says where.
  report(where(frame.path), path_of(key), expected, "nothing (the key is required)");
}

void SpecReader::fail(std::string_view key, const SourceNode& node, std::string_view expected,
                      std::string_view suffix) {
  report(node.location, path_of(key), expected, node.describe() + std::string(suffix));
}

void SpecReader::report(const SourceLocation& location, std::string_view path, std::string_view expected,
                        std::string_view found) {
  failed_.emplace_back(path);
  diagnostics_.add(location, path, expected, found);
}

void SpecReader::report_at(std::string_view path, std::string_view expected, std::string_view found) {
  report(where(path), path, expected, found);
}

void SpecReader::note_at(std::string_view path, std::string_view text) {
  const SourceLocation location = where(path);
  notes_.push_back(fmt::format("{}:{}:{}: {}: note: {}",
                               location.file ? *location.file : std::string("(scenario)"), location.line,
                               location.column, path, text));
}

std::string SpecReader::path_of(std::string_view key) const {
  const std::string& base = frames_.back().path;
  return base.empty() ? std::string(key) : base + "." + std::string(key);
}

void SpecReader::check_unknown_keys() {
  const Frame& frame = frames_.back();
  if (frame.node == nullptr) return;
  std::vector<std::string_view> known(frame.known.begin(), frame.known.end());
  for (const SourceNode::Entry& entry : frame.node->entries) {
    if (std::find(known.begin(), known.end(), entry.key) != known.end()) continue;
    const std::string path = path_of(entry.key);
    // The same written key in the next sweep point: already reported, and its suggestion is the
    // costly part.
    if (!diagnostics_.first_visit(entry.key_location, path)) {
      failed_.emplace_back(path);
      continue;
    }
    const auto match = closest_match(entry.key, known);
    const std::string found = fmt::format("\"{}\"", entry.key);
    if (match) {
      report(entry.key_location, path, "a known key",
             fmt::format("{} (did you mean \"{}\"?)", found, *match));
    } else {
      report(entry.key_location, path, fmt::format("one of [{}]", fmt::join(known, ", ")), found);
    }
  }
}

void SpecReader::optional_integer(std::string_view key, std::optional<std::int64_t>& value, IntRange range) {
  const Frame& frame = frames_.back();
  const SourceNode::Entry* entry = frame.node == nullptr ? nullptr : frame.node->find(key);
  if (entry == nullptr || entry->value.is_null()) {
    note_key(key);
    return;
  }
  std::int64_t parsed = 0;
  const std::size_t failures = failed_.size();
  integer(key, parsed, range);
  if (failed_.size() == failures) value = parsed;
}

void SpecReader::optional_number(std::string_view key, std::optional<double>& value, RealRange range) {
  const Frame& frame = frames_.back();
  const SourceNode::Entry* entry = frame.node == nullptr ? nullptr : frame.node->find(key);
  if (entry == nullptr || entry->value.is_null()) {
    note_key(key);
    return;
  }
  double parsed = 0.0;
  const std::size_t failures = failed_.size();
  number(key, parsed, range);
  if (failed_.size() == failures) value = parsed;
}

void SpecReader::number(std::string_view key, double& value, RealRange range, Presence presence) {
  const SourceNode* node = scalar_child(key, range.expected(), presence);
  if (node == nullptr) return;
  double parsed = 0.0;
  const char* first = node->scalar.data();
  const char* last = first + node->scalar.size();
  const auto [end, error] = std::from_chars(first, last, parsed);
  if (error != std::errc{} || end != last || !std::isfinite(parsed) || !range.contains(parsed)) {
    const bool is_number = error == std::errc{} && end == last && std::isfinite(parsed);
    fail(key, *node, range.expected(), is_number ? share_hint(range.max, parsed) : "");
    return;
  }
  value = parsed;
}

void SpecReader::flag(std::string_view key, bool& value) {
  const SourceNode* node = scalar_child(key, "true or false", Presence::optional);
  if (node == nullptr) return;
  if (node->scalar == "true") {
    value = true;
  } else if (node->scalar == "false") {
    value = false;
  } else {
    fail(key, *node, "true or false");
  }
}

void SpecReader::text(std::string_view key, std::string& value, Presence presence) {
  const SourceNode* node = scalar_child(key, "a non-empty string", presence);
  if (node == nullptr) return;
  if (node->scalar.empty()) {
    fail(key, *node, "a non-empty string");
    return;
  }
  value = node->scalar;
}

void SpecReader::names(std::string_view key, std::vector<std::string>& values) {
  const SourceNode* node = child(key);
  if (node == nullptr) return;
  if (!node->is_sequence()) {
    fail(key, *node, "a list of names");
    return;
  }
  values.clear();
  const std::string base = path_of(key);
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    const SourceNode& item = node->items[i];
    const std::string item_path = fmt::format("{}[{}]", base, i);
    locations_[item_path] = item.location;
    if (!item.is_scalar() || item.scalar.empty()) {
      report(item.location, item_path, "a name", item.describe());
      continue;
    }
    values.push_back(item.scalar);
  }
}

void SpecReader::integers(std::string_view key, std::vector<std::int32_t>& values, IntRange range) {
  const SourceNode* node = child(key);
  if (node == nullptr) return;
  if (!node->is_sequence()) {
    fail(key, *node, "a list of integers");
    return;
  }
  values.clear();
  const std::string base = path_of(key);
  for (std::size_t i = 0; i < node->items.size(); ++i) {
    const SourceNode& item = node->items[i];
    const std::string item_path = fmt::format("{}[{}]", base, i);
    locations_[item_path] = item.location;
    std::int64_t parsed = 0;
    const char* first = item.scalar.data();
    const char* last = first + item.scalar.size();
    const auto [end, error] = std::from_chars(first, last, parsed);
    if (!item.is_scalar() || error != std::errc{} || end != last || parsed < range.min ||
        parsed > std::min<std::int64_t>(range.max, std::numeric_limits<std::int32_t>::max())) {
      report(item.location, item_path, range.expected(), item.describe());
      continue;
    }
    values.push_back(static_cast<std::int32_t>(parsed));
  }
}

void SpecReader::time(std::string_view key, sim::SimTime& value, Presence presence) {
  static const std::string kExpected = "an ISO local date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)";
  const SourceNode* node = scalar_child(key, kExpected, presence);
  if (node == nullptr) return;
  const auto literal = parse_date_time(node->scalar);
  if (!literal) {
    fail(key, *node, kExpected);
    return;
  }
  if (!has_epoch_) {
    // Without a valid epoch no time can be placed; that mistake is reported once, at the epoch.
    failed_.push_back(path_of(key));
    return;
  }
  const std::int64_t offset = literal->offset_seconds.value_or(scenario_offset_.value_or(0));
  value = sim::SimTime{literal->local_seconds - offset - epoch_utc_};
  if (node->scalar.find_first_of("T ") == std::string::npos) date_only_.push_back(path_of(key));
}

void SpecReader::duration(std::string_view key, sim::Duration& value, bool allow_zero) {
  const std::string expected =
      allow_zero ? "a duration such as 90min, 24h or 10d" : "a positive duration such as 90min, 24h or 10d";
  const SourceNode* node = scalar_child(key, expected, Presence::optional);
  if (node == nullptr) return;
  const auto seconds = parse_duration(node->scalar);
  if (!seconds || (!allow_zero && *seconds == 0)) {
    fail(key, *node, expected);
    return;
  }
  value = sim::Duration{*seconds};
}

void SpecReader::moved(std::string_view key, std::string_view new_path) {
  Frame& frame = frames_.back();
  frame.known.emplace_back(key);
  if (frame.node == nullptr) return;
  const SourceNode::Entry* entry = frame.node->find(key);
  if (entry == nullptr) return;
  report(entry->key_location, path_of(key), fmt::format("{} (the key moved there)", path_of(new_path)),
         fmt::format("\"{}\"", key));
}

void SpecReader::not_simulated(std::string_view key, std::string_view why) {
  Frame& frame = frames_.back();
  frame.known.emplace_back(key);
  if (frame.node == nullptr) return;
  const SourceNode::Entry* entry = frame.node->find(key);
  if (entry == nullptr) return;
  report(entry->key_location, path_of(key), fmt::format("no such key ({})", why), fmt::format("\"{}\"", key));
}

void SpecReader::offset(std::string_view key, sim::Duration& value, Presence presence) {
  static const std::string kExpected = "a UTC offset such as +06:00 or UTC+5";
  const SourceNode* node = scalar_child(key, kExpected, presence);
  if (node == nullptr) return;
  const auto seconds = parse_utc_offset(node->scalar);
  if (!seconds) {
    fail(key, *node, kExpected);
    return;
  }
  value = sim::Duration{*seconds};
}

void SpecReader::epoch(std::string_view key, std::string& iso, sim::Duration utc_offset) {
  static const std::string kExpected = "an ISO local date or date-time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)";
  scenario_offset_ = utc_offset.count();
  const SourceNode* node = scalar_child(key, kExpected, Presence::required);
  if (node == nullptr) return;
  const auto literal = parse_date_time(node->scalar);
  if (!literal) {
    fail(key, *node, kExpected);
    return;
  }
  iso = node->scalar;
  epoch_utc_ = literal->local_seconds - literal->offset_seconds.value_or(utc_offset.count());
  has_epoch_ = true;
}

void SpecReader::check_window(const models::spec::TimeWindow& window) {
  const std::string start = path_of("start");
  const std::string end = path_of("end");
  if (!ok(start) || !ok(end) || !locations_.contains(end) || !locations_.contains(start)) return;
  if (window.end <= window.start) {
    const SourceLocation location = where(end);
    report(location, end, "a time after start", "a time at or before it");
  }
}

void SpecReader::check_sum(std::string_view key, double sum) {
  const std::string path = path_of(key);
  if (!ok(path) || !locations_.contains(path)) return;
  if (std::abs(sum - 1.0) > 1e-6) {
    report(where(path), path, "shares that sum to 1", fmt::format("a sum of {:.6g}", sum));
  }
}

bool SpecReader::ok(std::string_view path) const {
  for (const std::string& failed : failed_) {
    if (failed == path) return false;
    if (failed.size() > path.size() && failed.starts_with(path) &&
        (failed[path.size()] == '.' || failed[path.size()] == '[')) {
      return false;
    }
  }
  return true;
}

namespace {

// `stages[1].rule` and `stages.1.rule` name the same key: segments split at dots and brackets.
std::vector<std::string> key_segments(std::string_view path) {
  std::vector<std::string> segments(1);
  for (const char c : path) {
    if (c == '.' || c == '[') {
      segments.emplace_back();
    } else if (c != ']') {
      segments.back().push_back(c);
    }
  }
  return segments;
}

}  // namespace

bool SpecReader::has_key_path(std::string_view pattern) const {
  const std::vector<std::string> wanted = key_segments(pattern);
  for (const std::string& path : key_paths_) {
    const std::vector<std::string> segments = key_segments(path);
    if (segments.size() != wanted.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      match = wanted[i] == "*" || wanted[i] == segments[i];
    }
    if (match) return true;
  }
  return false;
}

std::vector<std::string> SpecReader::key_paths() const { return {key_paths_.begin(), key_paths_.end()}; }

SourceLocation SpecReader::where(std::string_view path) const {
  std::string current(path);
  while (true) {
    if (const auto it = locations_.find(current); it != locations_.end()) return it->second;
    const std::size_t cut = current.find_last_of(".[");
    if (cut == std::string::npos) break;
    current.resize(cut);
  }
  if (const auto it = locations_.find(""); it != locations_.end()) return it->second;
  return {};
}

}  // namespace primsim::scenarios

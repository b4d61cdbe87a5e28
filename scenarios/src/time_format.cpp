// Parsing and printing of time literals with std::chrono's civil calendar.
#include "time_format.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <utility>

#include <fmt/format.h>

namespace primsim::scenarios {
namespace {

constexpr std::int64_t kDay = 86400;

// Reads exactly `width` digits at `pos`.
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// "+HH:MM", "+HH", "+H", "Z", "-HH:MM"; the whole of `text`.
std::optional<std::int64_t> parse_offset_suffix(std::string_view text) {
  if (text == "Z") return 0;
  if (text.size() < 2 || (text[0] != '+' && text[0] != '-')) return std::nullopt;
  const std::int64_t sign = text[0] == '-' ? -1 : 1;
  const std::string_view rest = text.substr(1);
  std::optional<int> hours;
  int minutes = 0;
  if (rest.size() == 1) {
    hours = digits(rest, 0, 1);
  } else if (rest.size() == 2) {
    hours = digits(rest, 0, 2);
  } else if (rest.size() == 5 && rest[2] == ':') {
    hours = digits(rest, 0, 2);
    const auto m = digits(rest, 3, 2);
    if (!m || *m > 59) return std::nullopt;
    minutes = *m;
  } else {
    return std::nullopt;
  }
  if (!hours || *hours > 14) return std::nullopt;
  return sign * (*hours * 3600 + minutes * 60);
}

}  // namespace

std::optional<DateTimeLiteral> parse_date_time(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = digits(text, 0, 4);
  const auto month = digits(text, 5, 2);
  const auto day = digits(text, 8, 2);
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{*year},
                                         std::chrono::month{static_cast<unsigned>(*month)},
                                         std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) return std::nullopt;
  DateTimeLiteral result;
  result.local_seconds = std::chrono::sys_days{date}.time_since_epoch().count() * kDay;
  std::size_t pos = 10;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    const auto hour = digits(text, pos + 1, 2);
    if (!hour || *hour > 23 || pos + 3 >= text.size() || text[pos + 3] != ':') return std::nullopt;
    const auto minute = digits(text, pos + 4, 2);
    if (!minute || *minute > 59) return std::nullopt;
    int second = 0;
    pos += 6;
    if (pos < text.size() && text[pos] == ':') {
      const auto s = digits(text, pos + 1, 2);
      if (!s || *s > 59) return std::nullopt;
      second = *s;
      pos += 3;
    }
    result.local_seconds += *hour * 3600 + *minute * 60 + second;
  }
  if (pos < text.size()) {
    const auto offset = parse_offset_suffix(text.substr(pos));
    if (!offset) return std::nullopt;
    result.offset_seconds = offset;
  }
  return result;
}

std::string format_date_time(std::int64_t local_seconds) {
  std::int64_t days = local_seconds / kDay;
  std::int64_t rest = local_seconds % kDay;
  if (rest < 0) {
    rest += kDay;
    --days;
  }
  const std::chrono::year_month_day date{std::chrono::sys_days{std::chrono::days{days}}};
  const std::string day_text =
      fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
  if (rest == 0) return day_text;
  if (rest % 60 == 0) return fmt::format("{}T{:02}:{:02}", day_text, rest / 3600, rest % 3600 / 60);
  return fmt::format("{}T{:02}:{:02}:{:02}", day_text, rest / 3600, rest % 3600 / 60, rest % 60);
}

std::optional<std::int64_t> parse_utc_offset(std::string_view text) {
  if (text.starts_with("UTC")) {
    text.remove_prefix(3);
    if (text.empty()) return 0;
  }
  return parse_offset_suffix(text);
}

std::string format_utc_offset(std::int64_t seconds) {
  const char sign = seconds < 0 ? '-' : '+';
  const std::int64_t magnitude = seconds < 0 ? -seconds : seconds;
  return fmt::format("{}{:02}:{:02}", sign, magnitude / 3600, magnitude % 3600 / 60);
}

std::optional<std::int64_t> parse_duration(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::int64_t>, 5> kUnits{
      {{"min", 60}, {"w", 7 * kDay}, {"d", kDay}, {"h", 3600}, {"s", 1}}};
  constexpr std::int64_t kMax = 100 * 366 * kDay;
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  while (!text.empty()) {
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end == text.data() || value < 0 || value > kMax) return std::nullopt;
    text.remove_prefix(static_cast<std::size_t>(end - text.data()));
    bool matched = false;
    for (const auto& [unit, seconds] : kUnits) {
      if (text.starts_with(unit)) {
        total += value * seconds;
        text.remove_prefix(unit.size());
        matched = true;
        break;
      }
    }
    if (!matched || total > kMax) return std::nullopt;
  }
  return total;
}

std::string format_duration(std::int64_t seconds) {
  if (seconds == 0) return "0s";
  if (seconds % kDay == 0) return fmt::format("{}d", seconds / kDay);
  if (seconds % 3600 == 0) return fmt::format("{}h", seconds / 3600);
  if (seconds % 60 == 0) return fmt::format("{}min", seconds / 60);
  return fmt::format("{}s", seconds);
}

}  // namespace primsim::scenarios

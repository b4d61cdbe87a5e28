// The scenario language's time literals: ISO local dates and date-times, UTC offsets and
// durations such as 24h, 90min, 10d. Local seconds count from 1970-01-01T00:00 on the local
// clock, so subtracting two of them in the same zone gives the simulated time between them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace primsim::scenarios {

struct DateTimeLiteral {
  std::int64_t local_seconds = 0;
  // Set when the literal carries its own offset (`...+05:00` or `...Z`).
  std::optional<std::int64_t> offset_seconds;
};

// YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (T or one space), optionally followed by
// Z or +HH:MM / -HH:MM. Rejects impossible dates such as 2020-02-30.
std::optional<DateTimeLiteral> parse_date_time(std::string_view text);
// YYYY-MM-DD when midnight, YYYY-MM-DDTHH:MM when whole minutes, else with seconds.
std::string format_date_time(std::int64_t local_seconds);

// +06:00, -03:30, +6, UTC+6, UTC+05:00, UTC, Z; at most 14 hours either way.
std::optional<std::int64_t> parse_utc_offset(std::string_view text);
std::string format_utc_offset(std::int64_t seconds);

// One or more <integer><unit> terms (w, d, h, min, s), e.g. 10d, 1h30min, 0s; at most 100 years.
std::optional<std::int64_t> parse_duration(std::string_view text);
// In the largest unit that divides it (90min, 1d, 36h); 0 is 0s.
std::string format_duration(std::int64_t seconds);

}  // namespace primsim::scenarios

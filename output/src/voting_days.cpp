// Calendar arithmetic on the proleptic Gregorian calendar (Howard Hinnant's algorithms) and the
// cumulative count at the end of each local date.
#include "primsim/output/voting_days.hpp"

#include <cstdio>
#include <map>

#include <fmt/format.h>

namespace primsim::output {
namespace {

constexpr std::int64_t kDay = 86400;

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

}  // namespace

std::int64_t epoch_on_local_clock(const std::string& epoch_iso,
                                  std::optional<std::int64_t> utc_offset_seconds) {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  std::sscanf(epoch_iso.c_str(), "%d-%d-%d", &year, &month, &day);
  if (epoch_iso.size() > 10) std::sscanf(epoch_iso.c_str() + 11, "%d:%d:%d", &hour, &minute, &second);
  std::int64_t local =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * kDay + hour * 3600 +
      minute * 60 + second;
  // An explicit offset on the epoch: move the instant to the scenario's zone.
  const std::size_t sign = epoch_iso.size() > 10 ? epoch_iso.find_first_of("+-Z", 11) : std::string::npos;
  if (sign != std::string::npos && utc_offset_seconds) {
    int off_hour = 0, off_minute = 0;
    if (epoch_iso[sign] != 'Z') std::sscanf(epoch_iso.c_str() + sign + 1, "%d:%d", &off_hour, &off_minute);
    const std::int64_t offset = (epoch_iso[sign] == '-' ? -1 : 1) * (off_hour * 3600 + off_minute * 60);
    local += *utc_offset_seconds - offset;
  }
  return local;
}

std::vector<VotingDay> voting_days(std::span<const models::results::TurnoutRow> rows,
                                   models::results::PartyCode party, std::int64_t epoch_local) {
  // Every region's count at each sampled time, summed; the last time of each local date is
  // that day's end (midnight) or the close.
  std::map<std::int64_t, std::pair<double, double>> at_time;  // seconds -> (votes, eligible)
  for (const auto& row : rows) {
    if (row.party != party) continue;
    auto& [votes, eligible] = at_time[row.time.seconds_since_epoch()];
    votes += static_cast<double>(row.votes_cumulative);
    eligible += static_cast<double>(row.eligible);
  }
  std::vector<VotingDay> days;
  for (const auto& [seconds, counts] : at_time) {
    const std::int64_t local = epoch_local + seconds;
    // A count at midnight closes the day before it.
    const std::int64_t day = floor_div(local - 1, kDay);
    const double turnout = counts.second > 0 ? counts.first / counts.second : 0.0;
    const VotingDay entry{day, local - day * kDay, counts.first, turnout};
    if (!days.empty() && days.back().day == day) {
      days.back() = entry;
    } else {
      days.push_back(entry);
    }
  }
  return days;
}

std::string date_text(std::int64_t day) {
  const std::int64_t z = day + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

}  // namespace primsim::output

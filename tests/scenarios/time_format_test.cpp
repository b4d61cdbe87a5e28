// The time literals of the scenario language: what parses, to what, and what is refused.
#include <catch2/catch.hpp>

#include "time_format.hpp"

using namespace primsim::scenarios;

TEST_CASE("durations accept units and sums of units", "[scenarios]") {
  CHECK(parse_duration("24h") == 86400);
  CHECK(parse_duration("90min") == 5400);
  CHECK(parse_duration("10d") == 864000);
  CHECK(parse_duration("1h30min") == 5400);
  CHECK(parse_duration("2w") == 14 * 86400);
  CHECK(parse_duration("0s") == 0);
  CHECK_FALSE(parse_duration("5"));
  CHECK_FALSE(parse_duration("-5h"));
  CHECK_FALSE(parse_duration("5 min"));
  CHECK_FALSE(parse_duration("99999999999999d"));
  CHECK(format_duration(5400) == "90min");
  CHECK(format_duration(86400) == "1d");
  CHECK(format_duration(36 * 3600) == "36h");
}

TEST_CASE("dates are ISO local dates or date-times, optionally with an offset", "[scenarios]") {
  const auto day = parse_date_time("2020-10-01");
  REQUIRE(day);
  CHECK(day->local_seconds == 1601510400);
  CHECK_FALSE(day->offset_seconds);
  const auto with_offset = parse_date_time("2020-10-03T14:00+05:00");
  REQUIRE(with_offset);
  CHECK(with_offset->local_seconds == 1601510400 + 2 * 86400 + 14 * 3600);
  CHECK(with_offset->offset_seconds == 5 * 3600);
  CHECK(parse_date_time("2020-10-01 08:30:15"));
  CHECK_FALSE(parse_date_time("2020-02-30"));
  CHECK_FALSE(parse_date_time("2020-10-01T24:00"));
  CHECK_FALSE(parse_date_time("01.10.2020"));
  CHECK(format_date_time(1601510400) == "2020-10-01");
  CHECK(format_date_time(1601510400 + 14 * 3600) == "2020-10-01T14:00");
}

TEST_CASE("UTC offsets", "[scenarios]") {
  CHECK(parse_utc_offset("+06:00") == 6 * 3600);
  CHECK(parse_utc_offset("UTC+5") == 5 * 3600);
  CHECK(parse_utc_offset("-03:30") == -(3 * 3600 + 1800));
  CHECK(parse_utc_offset("UTC") == 0);
  CHECK_FALSE(parse_utc_offset("+15:00"));
  CHECK(format_utc_offset(-(3 * 3600 + 1800)) == "-03:30");
}

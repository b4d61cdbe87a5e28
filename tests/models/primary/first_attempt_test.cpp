// First attempts come out in (time, member) order by the radix path and by the comparison path
// that takes over for windows of 2^32 seconds or more.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/models/primary/first_attempt.hpp"
#include "primsim/sim/random_stream.hpp"

using namespace primsim;

namespace {

// `count` attempts from `earliest` over `span` seconds, few distinct times so that ties on time
// are common.
std::vector<models::FirstAttempt> random_attempts(sim::SimTime earliest, std::int64_t span,
                                                  std::size_t count) {
  sim::RandomStream stream(sim::StreamKey{17, 0, 0, 0});
  std::vector<models::FirstAttempt> attempts;
  for (std::size_t i = 0; i < count; ++i) {
    const auto step = static_cast<std::int64_t>(stream.uniform_index(64));
    models::FirstAttempt first;
    first.at = earliest + sim::Duration{span / 63 * step};
    // Distinct members in no relation to time: an odd multiplier permutes 32-bit numbers.
    first.member = static_cast<std::uint32_t>(i) * 2'654'435'761U;
    first.channel = static_cast<std::uint32_t>(i % 3);
    attempts.push_back(first);
  }
  return attempts;
}

bool in_time_then_member_order(const std::vector<models::FirstAttempt>& attempts) {
  return std::is_sorted(attempts.begin(), attempts.end(), [](const auto& a, const auto& b) {
    return a.at < b.at || (a.at == b.at && a.member < b.member);
  });
}

}  // namespace

TEST_CASE("first attempts are ordered by time, then member, within a voting window", "[models]") {
  const sim::SimTime earliest = sim::SimTime::epoch() + sim::Duration{86'400};
  auto attempts = random_attempts(earliest, 3 * 86'400, 50'000);
  auto by_comparison = attempts;
  std::sort(by_comparison.begin(), by_comparison.end(), [](const auto& a, const auto& b) {
    return a.at < b.at || (a.at == b.at && a.member < b.member);
  });
  models::sort_first_attempts(attempts, earliest);
  REQUIRE(in_time_then_member_order(attempts));
  // Members are distinct keys within a time, so the order is unique: the channels must follow.
  for (std::size_t i = 0; i < attempts.size(); ++i) {
    REQUIRE(attempts[i].member == by_comparison[i].member);
    REQUIRE(attempts[i].channel == by_comparison[i].channel);
  }
}

TEST_CASE("first attempts spread over 2^32 seconds or more are ordered by comparison", "[models]") {
  // Seconds past 2^32 would not fit the radix key beside the member.
  const sim::SimTime earliest = sim::SimTime::epoch();
  const std::int64_t span = (std::int64_t{1} << 32) + 63 * 1000;
  auto attempts = random_attempts(earliest, span, 20'000);
  REQUIRE(std::any_of(attempts.begin(), attempts.end(),
                      [&](const auto& a) { return (a.at - earliest).count() >= (std::int64_t{1} << 32); }));
  models::sort_first_attempts(attempts, earliest);
  CHECK(in_time_then_member_order(attempts));
  CHECK(attempts.size() == 20'000);
}

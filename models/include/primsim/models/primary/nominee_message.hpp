// The message a region sends the party centre for each winner of a contest for the list office:
// a typed payload that fits the event's two words, encoded and decoded in one place.
#pragma once

#include <bit>
#include <cstdint>

#include "primsim/models/results/result_codes.hpp"
#include "primsim/sim/event.hpp"

namespace primsim::models {

struct NomineeMessage {
  std::uint32_t id = 0;  // the candidate's index within its region
  std::uint16_t region = 0;
  std::uint16_t branch = 0;
  float scaled_share = 0.0F;  // share of the contest's points x candidates in the contest
  std::uint16_t contest_rank = 0;
  std::uint8_t age = 0;
  std::uint8_t flags = 0;

  static constexpr std::uint8_t kWoman = 1U;
  static constexpr std::uint8_t kIncumbent = 2U;
  static constexpr unsigned kRouteShift = 2U;  // the route in bits 2-4

  [[nodiscard]] bool is_woman() const { return (flags & kWoman) != 0; }
  [[nodiscard]] bool is_incumbent() const { return (flags & kIncumbent) != 0; }
  [[nodiscard]] results::Route route() const {
    return static_cast<results::Route>((flags >> kRouteShift) & 7U);
  }
  void set(bool woman, bool incumbent, results::Route route) {
    flags = static_cast<std::uint8_t>((woman ? kWoman : 0U) | (incumbent ? kIncumbent : 0U) |
                                      (static_cast<unsigned>(route) << kRouteShift));
  }

  [[nodiscard]] sim::EventPayload encode() const { return std::bit_cast<sim::EventPayload>(*this); }
  [[nodiscard]] static NomineeMessage decode(const sim::EventPayload& payload) {
    return std::bit_cast<NomineeMessage>(payload);
  }
};

static_assert(sizeof(NomineeMessage) == sizeof(sim::EventPayload), "a nominee must fit one event's payload");

}  // namespace primsim::models

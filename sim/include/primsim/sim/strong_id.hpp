// Strong integer identifiers: an LpId and a CandidateId are different types, so passing one
// where the other is expected fails to compile.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>

namespace primsim::sim {

template <typename Tag, typename Rep = std::uint32_t>
class StrongId {
 public:
  using value_type = Rep;

  constexpr StrongId() = default;
  constexpr explicit StrongId(Rep value) : value_(value) {}

  static constexpr StrongId invalid() { return StrongId{std::numeric_limits<Rep>::max()}; }

  [[nodiscard]] constexpr Rep value() const { return value_; }
  [[nodiscard]] constexpr bool is_valid() const { return value_ != invalid().value_; }

  constexpr auto operator<=>(const StrongId&) const = default;

 private:
  Rep value_ = std::numeric_limits<Rep>::max();
};

struct LpIdTag {};
// Identifies a logical process: one per region plus the national one.
using LpId = StrongId<LpIdTag>;

}  // namespace primsim::sim

template <typename Tag, typename Rep>
struct std::hash<primsim::sim::StrongId<Tag, Rep>> {
  std::size_t operator()(primsim::sim::StrongId<Tag, Rep> id) const noexcept {
    return std::hash<Rep>{}(id.value());
  }
};

// Simulated time: integer seconds since the scenario's epoch. Never floating point, so that
// event order and results are exact and identical on every machine.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace primsim::sim {

// A length of simulated time in whole seconds.
class Duration {
 public:
  constexpr Duration() = default;
  constexpr explicit Duration(std::int64_t seconds) : seconds_(seconds) {}

  static constexpr Duration seconds(std::int64_t n) { return Duration{n}; }
  static constexpr Duration minutes(std::int64_t n) { return Duration{n * 60}; }
  static constexpr Duration hours(std::int64_t n) { return Duration{n * 3600}; }
  static constexpr Duration days(std::int64_t n) { return Duration{n * 86400}; }

  [[nodiscard]] constexpr std::int64_t count() const { return seconds_; }

  constexpr auto operator<=>(const Duration&) const = default;
  constexpr Duration operator+(Duration other) const { return Duration{seconds_ + other.seconds_}; }
  constexpr Duration operator-(Duration other) const { return Duration{seconds_ - other.seconds_}; }
  constexpr Duration operator*(std::int64_t k) const { return Duration{seconds_ * k}; }

 private:
  std::int64_t seconds_ = 0;
};

// A point in simulated time: seconds since the scenario's epoch.
class SimTime {
 public:
  constexpr SimTime() = default;
  constexpr explicit SimTime(std::int64_t seconds_since_epoch) : seconds_(seconds_since_epoch) {}

  static constexpr SimTime epoch() { return SimTime{0}; }
  static constexpr SimTime max() { return SimTime{std::numeric_limits<std::int64_t>::max()}; }

  [[nodiscard]] constexpr std::int64_t seconds_since_epoch() const { return seconds_; }

  constexpr auto operator<=>(const SimTime&) const = default;
  constexpr SimTime operator+(Duration d) const { return SimTime{seconds_ + d.count()}; }
  constexpr SimTime operator-(Duration d) const { return SimTime{seconds_ - d.count()}; }
  constexpr Duration operator-(SimTime other) const { return Duration{seconds_ - other.seconds_}; }

  // Saturates at max() so that "now + lookahead" near the end of time cannot overflow.
  [[nodiscard]] constexpr SimTime saturating_add(Duration d) const {
    return d.count() > 0 && seconds_ > max().seconds_ - d.count() ? max() : *this + d;
  }

 private:
  std::int64_t seconds_ = 0;
};

}  // namespace primsim::sim

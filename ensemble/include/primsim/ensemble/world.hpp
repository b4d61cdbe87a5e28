// The processes an ensemble run is split over: one process, or the ranks of an MPI job. The run
// only needs who it is, how many there are, and two collectives to agree on the outcome.
#pragma once

#include <cstdint>

namespace primsim::ensemble {

class World {
 public:
  World() = default;
  World(const World&) = delete;
  World& operator=(const World&) = delete;
  virtual ~World() = default;

  [[nodiscard]] virtual int rank() const = 0;
  [[nodiscard]] virtual int size() const = 0;
  [[nodiscard]] bool is_parallel() const { return size() > 1; }

  // Collective: true on every rank when `mine` is true on every rank.
  [[nodiscard]] virtual bool all(bool mine) const = 0;
  // Collective: the sum over the ranks.
  [[nodiscard]] virtual std::uint64_t sum(std::uint64_t mine) const = 0;
};

}  // namespace primsim::ensemble

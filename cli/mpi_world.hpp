// The MPI job `primsim run` is part of when started by mpirun: each rank runs one block of the
// ensemble. Started any other way, the world is one process and MPI is never initialised.
#pragma once

#include <cstdint>

namespace primsim::cli {

class MpiWorld {
 public:
  // Initialises MPI only when a launcher (mpirun, srun with PMI) started the process.
  MpiWorld();
  MpiWorld(const MpiWorld&) = delete;
  MpiWorld& operator=(const MpiWorld&) = delete;
  ~MpiWorld();

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool is_parallel() const { return size_ > 1; }

  // Collective: true on every rank when `mine` is true on every rank.
  [[nodiscard]] bool all(bool mine) const;
  // Collective: the sum over the ranks.
  [[nodiscard]] std::uint64_t sum(std::uint64_t mine) const;

 private:
  bool initialised_ = false;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace primsim::cli

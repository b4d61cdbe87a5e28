// The MPI job `primsim run` is part of when started by mpirun: each rank runs one block of the
// ensemble. Started any other way, the world is one process and MPI is never initialised.
#pragma once

#include <cstdint>

#include "primsim/ensemble/world.hpp"

namespace primsim::ensemble {

class MpiWorld final : public World {
 public:
  // Initialises MPI only when a launcher (mpirun, srun with PMI) started the process.
  MpiWorld();
  ~MpiWorld() override;

  [[nodiscard]] int rank() const override { return rank_; }
  [[nodiscard]] int size() const override { return size_; }
  [[nodiscard]] bool all(bool mine) const override;
  [[nodiscard]] std::uint64_t sum(std::uint64_t mine) const override;

 private:
  bool initialised_ = false;
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace primsim::ensemble

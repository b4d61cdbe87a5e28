// Detecting the launcher by its environment keeps a plain `primsim run` free of MPI start-up:
// OpenMPI's singleton init would spawn its runtime daemon and refuse to run as root.
#include "primsim/ensemble/mpi_world.hpp"

#include <cstdlib>

#include <mpi.h>

namespace primsim::ensemble {

namespace {

bool started_by_launcher() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

}  // namespace

MpiWorld::MpiWorld() {
  if (!started_by_launcher()) return;
  MPI_Init(nullptr, nullptr);
  initialised_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiWorld::~MpiWorld() {
  if (initialised_) MPI_Finalize();
}

bool MpiWorld::all(bool mine) const {
  if (!initialised_) return mine;
  int value = mine ? 1 : 0;
  int result = 0;
  MPI_Allreduce(&value, &result, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
  return result != 0;
}

std::uint64_t MpiWorld::sum(std::uint64_t mine) const {
  if (!initialised_) return mine;
  unsigned long long value = mine;
  unsigned long long result = 0;
  MPI_Allreduce(&value, &result, 1, MPI_UNSIGNED_LONG_LONG, MPI_SUM, MPI_COMM_WORLD);
  return result;
}

}  // namespace primsim::ensemble

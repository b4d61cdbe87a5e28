// The world of one process: what Python, the classroom server and a plain `primsim run` use.
#pragma once

#include <cstdint>

#include "primsim/ensemble/world.hpp"

namespace primsim::ensemble {

class LocalWorld final : public World {
 public:
  [[nodiscard]] int rank() const override { return 0; }
  [[nodiscard]] int size() const override { return 1; }
  [[nodiscard]] bool all(bool mine) const override { return mine; }
  [[nodiscard]] std::uint64_t sum(std::uint64_t mine) const override { return mine; }
};

}  // namespace primsim::ensemble

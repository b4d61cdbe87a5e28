// Helpers shared by engine tests: run one simulation under every executor.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/sequential_executor.hpp"

namespace primsim::sim::testing {

struct NamedExecutor {
  std::string name;
  std::function<std::unique_ptr<Executor>()> make;
};

// The sequential executor in both orders and the parallel one on 1, 2 and 4 threads and in the
// calling thread's arena.
inline std::vector<NamedExecutor> all_executors() {
  return {
      {"sequential", [] { return std::make_unique<SequentialExecutor>(); }},
      {"sequential, one global queue",
       [] { return std::make_unique<SequentialExecutor>(SequentialExecutor::Order::global_queue); }},
      {"parallel x1", [] { return std::make_unique<ParallelExecutor>(1); }},
      {"parallel x2", [] { return std::make_unique<ParallelExecutor>(2); }},
      {"parallel x4", [] { return std::make_unique<ParallelExecutor>(4); }},
      {"parallel, in the caller's arena",
       [] { return std::make_unique<ParallelExecutor>(ParallelExecutor::InCallersArena{}); }},
  };
}

}  // namespace primsim::sim::testing

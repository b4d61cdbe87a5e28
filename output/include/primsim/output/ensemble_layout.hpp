// Where a file's replicates sit in the whole ensemble: the sweep grid, the replicates of each
// point, and the block of the ensemble that a shard (or an MPI rank) runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace primsim::output {

// The shard i of n (0 <= i < n) of an ensemble; {0, 1} is the whole run.
struct Shard {
  std::uint32_t index = 0;
  std::uint32_t count = 1;

  [[nodiscard]] bool is_whole_run() const { return count == 1; }
  bool operator==(const Shard&) const = default;
};

// Parses "i/n" as written after --shard. Throws sim::InputError naming `option` when the text
// is not two integers with 0 <= i < n.
Shard parse_shard(const std::string& text, const std::string& option);

// A design over the scenario's priors (primsim explore): how its points were made, so that
// `primsim sensitivity` can rebuild the estimators' view of them.
struct DesignInfo {
  std::string name;  // lhs, sobol, saltelli, morris or grid
  std::uint64_t samples = 0;
  std::uint64_t seed = 0;
  std::uint32_t levels = 0;  // Morris levels
};

// One row of /points: the value of one parameter at one design point.
struct PointRow {
  std::uint32_t point = 0;
  std::uint16_t parameter = 0;  // /meta/parameters
  double value = 0.0;
};

// Every replicate of the ensemble has one ensemble index, point * replicates_per_point +
// replicate: rows are written in that order and shards are contiguous blocks of it, so a merge
// of the shards in order is the single run.
struct EnsembleLayout {
  std::uint32_t replicates_per_point = 1;
  std::vector<std::string> sweep_keys;                 // empty without a sweep
  std::vector<std::vector<std::string>> sweep_values;  // [point][key], as written in the scenario
  Shard shard;
  // A design's parameter values, [point][parameter], typed as the replicates ran them; empty
  // for a run or a sweep. Written as /points.
  std::vector<std::vector<double>> point_parameters;
  DesignInfo design;

  [[nodiscard]] bool has_sweep() const { return !sweep_keys.empty(); }
  [[nodiscard]] std::uint32_t points() const {
    return sweep_values.empty() ? 1 : static_cast<std::uint32_t>(sweep_values.size());
  }
  [[nodiscard]] std::uint64_t ensemble_size() const { return std::uint64_t{points()} * replicates_per_point; }
  // First ensemble index of the shard, and one past its last: an even split, the first shards
  // one shorter when the size does not divide.
  [[nodiscard]] std::uint64_t block_begin() const { return ensemble_size() * shard.index / shard.count; }
  [[nodiscard]] std::uint64_t block_end() const {
    return ensemble_size() * (std::uint64_t{shard.index} + 1) / shard.count;
  }
};

}  // namespace primsim::output

// The entry point `primsim validate` and `primsim run` call: a scenario file, its extends chain
// and the --set overrides become validated ScenarioSpecs, one per sweep grid point.
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "primsim/models/spec/scenario_spec.hpp"
#include "primsim/uq/prior_distribution.hpp"

namespace primsim::scenarios {

// One point of the sweep grid: the key paths and values that define it, and its spec.
struct GridPoint {
  std::vector<std::pair<std::string, std::string>> assignments;  // (key.path, value as written)
  models::spec::ScenarioSpec spec;
};

// How a prior's key holds its value: a drawn number is rounded to a whole count, or to whole
// seconds of a duration, before the scenario reads it.
enum class ParameterUnit { number, integer, duration };

// One entry of the scenario's `priors:` block: a distribution over the numeric key `path`,
// written as --set writes it.
struct Prior {
  std::string path;
  uq::PriorDistribution distribution;
  ParameterUnit unit = ParameterUnit::number;

  // `value` as the key will hold it (rounded for counts and durations; durations in seconds).
  [[nodiscard]] double typed(double value) const;
  // `value` as --set would write it (a duration as 245s).
  [[nodiscard]] std::string text(double value) const;
};

struct ScenarioSource;  // the merged scenario tree, kept to apply parameter values

struct LoadedScenario {
  // The scenario after extends and --set, without sweep values applied.
  models::spec::ScenarioSpec spec;
  // That scenario as YAML with every default filled in, followed by its sweep block; loading
  // this text gives the same specs again. Stored as the output file's root attribute.
  std::string resolved_yaml;
  // The sweep grid in row-major order (the first sweep key varies slowest); exactly one point
  // with no assignments when the scenario has no sweep.
  std::vector<GridPoint> grid;
  // Every scenario file read: the file given, then its extends parents. A command must not write
  // over any of them.
  std::vector<std::filesystem::path> files;
  // The `priors:` block in file order; empty without one. Every prior was checked: its key is a
  // numeric key of the scenario and every value of its support is valid there.
  std::vector<Prior> priors;
  // Remarks on the valid scenario, each `FILE:LINE:COL: key.path: note: text` (a date-only phase
  // end is midnight as that day begins); `validate` prints them.
  std::vector<std::string> notes;

  // The scenario (without sweep values) with prior i's key set to values[i].typed(): what a
  // replicate that drew `values` runs. Throws sim::InputError when a value is not valid there.
  // Safe to call from several threads at once.
  [[nodiscard]] models::spec::ScenarioSpec spec_with(std::span<const double> values) const;

  std::shared_ptr<const ScenarioSource> source;
};

// Reads and validates everything before returning. Throws ScenarioError listing every mistake
// (bad syntax, types, units, ranges, order of dates, shares, references, unknown keys, extends
// cycles, sweep paths) with its file, line and column. `overrides` are `key.path=value` strings,
// applied after the extends chain is merged.
LoadedScenario load_scenario(const std::filesystem::path& file,
                             const std::vector<std::string>& overrides = {});

// The same for a scenario held in memory; `name` stands for the file name in messages and
// `extends` paths are resolved against `directory`.
LoadedScenario load_scenario_text(const std::string& text, const std::string& name,
                                  const std::filesystem::path& directory,
                                  const std::vector<std::string>& overrides = {});

}  // namespace primsim::scenarios

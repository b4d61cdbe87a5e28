// The entry point `primsim validate` and `primsim run` call: a scenario file, its extends chain
// and the --set overrides become validated ScenarioSpecs, one per sweep grid point.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::scenarios {

// One point of the sweep grid: the key paths and values that define it, and its spec.
struct GridPoint {
  std::vector<std::pair<std::string, std::string>> assignments;  // (key.path, value as written)
  models::spec::ScenarioSpec spec;
};

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

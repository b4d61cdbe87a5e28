// The run information, defined once: built by the ensemble library before the first replicate
// starts, written by the HDF5 writer, read back by RunFile.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace primsim::output {

// What a run knows before its first replicate starts; it becomes the file's root attributes
// and the /meta/regions and /meta/parties lookup tables.
struct RunInfo {
  std::string program_version;
  std::string scenario_name;
  std::string scenario_yaml;  // the full resolved scenario
  std::uint64_t seed = 0;
  std::uint32_t replicates = 0;
  std::string command_line;
  std::string start_time;                 // wall clock, ISO 8601 UTC
  std::string epoch;                      // the scenario's epoch, ISO 8601 local date and time
  std::vector<std::string> region_names;  // index = RegionCode
  std::vector<std::string> party_names;   // index = PartyCode
  std::vector<std::string> office_names;  // index = OfficeCode (candidacy.offices)
  // index = WarningRow::selection_stage (selection.stages)
  std::vector<std::string> selection_stage_names;
  std::vector<std::string> selector_group_names;  // index = SelectorRow::group
  std::vector<std::string> parameter_names;       // index = ParameterRow::parameter: key paths
  // Where the replicates' parameters come from: "" (the scenario's values, fixed), "prior"
  // (--draw-priors), "posterior" (--posterior) or "design" (primsim explore). It says what an
  // interval over the replicates means.
  std::string parameter_draws;
};

}  // namespace primsim::output

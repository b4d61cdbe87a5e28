// `primsim compare`: each headline statistic of two runs, both ensemble means, the difference
// B - A and its 90% Welch t confidence interval.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/run_file.hpp"

namespace primsim::output {

struct ComparedStatistic {
  std::string key;
  std::string group;
  std::string label;
  ValueKind kind;
  MeanDifference difference;
  std::size_t replicates_a;
  std::size_t replicates_b;
};

struct RunComparison {
  std::string path_a;
  std::string path_b;
  std::string scenario_a;
  std::string scenario_b;
  std::string party_a;  // the party compared in each file
  std::string party_b;
  bool several_parties = false;  // either file holds more than one party
  std::vector<ComparedStatistic> statistics;
  // The office whose /democracy rows give the yardsticks in each file (list_office()).
  std::string office_a;
  std::string office_b;
};

// Compares party `party` (a name in /meta/parties) of both files, or each file's first party,
// the one its scenario describes in full. Throws OutputFileError when a file has no such party.
RunComparison compare_runs(const RunFile& a, const RunFile& b, const std::optional<std::string>& party = {});

// Throws OutputFileError when the two files have different schema versions, naming both.
void check_same_schema(const std::string& path_a, const std::string& path_b);

std::string comparison_text(const RunComparison& comparison);
// One JSON object; NaN becomes null.
std::string comparison_json(const RunComparison& comparison);

}  // namespace primsim::output

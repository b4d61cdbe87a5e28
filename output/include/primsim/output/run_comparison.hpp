// `primsim compare`: each headline statistic of two runs, both ensemble means, the difference
// B - A and its 90% t confidence interval: paired replicate by replicate when the runs share
// their random numbers (the same seed), Welch's for independent ensembles otherwise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/run_file.hpp"

namespace primsim::output {

enum class ComparisonMethod { paired, welch };

// "paired" or "welch", as in the JSON.
std::string method_name(ComparisonMethod method);

struct ComparedStatistic {
  std::string key;
  std::string group;
  std::string label;
  ValueKind kind;
  MeanDifference difference;
  std::size_t replicates_a;
  std::size_t replicates_b;
  // Welch for a statistic of a paired comparison when fewer than two of its pairs are numbers.
  ComparisonMethod method = ComparisonMethod::welch;
  std::size_t pairs = 0;  // pairs used when paired
  // When paired: the 5th and 95th percentiles of the replicate-by-replicate differences. With
  // parameters drawn from priors or a posterior, this is the what-if's effect as a distribution
  // over parameter uncertainty (and noise), where the interval above is only its mean's.
  EnsembleInterval effect_spread{};
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
  ComparisonMethod method = ComparisonMethod::welch;
  std::string method_note;  // "paired: 8 pairs sharing seed 42 (common random numbers)", ...
  std::size_t pairs = 0;    // replicates present in both files when paired
  std::uint64_t seed_a = 0;
  std::uint64_t seed_b = 0;
  // The sweep point compared in a file that is a sweep (a view from RunFile::at_point()).
  std::optional<std::uint32_t> point_a;
  std::optional<std::uint32_t> point_b;
  std::string assignments_a;  // "key=value, ..." of that point
  std::string assignments_b;
  std::vector<std::pair<std::string, std::string>> sweep_a;  // (key, value) of that point
  std::vector<std::pair<std::string, std::string>> sweep_b;
  std::string intervals_a;  // interval_meaning() of each file
  std::string intervals_b;
  // Both files drew their parameters (priors or posterior) and are paired: the text shows the
  // distribution of the effect beside its mean's interval.
  bool effect_distribution = false;
};

// Compares party `party` (a name in /meta/parties) of both files, or each file's first party,
// the one its scenario describes in full. Pairs replicate r of A with replicate r of B when the
// seeds are equal (unless `unpaired`); otherwise Welch. Throws OutputFileError when a file has
// no such party.
RunComparison compare_runs(const RunFile& a, const RunFile& b, const std::optional<std::string>& party = {},
                           bool unpaired = false);

// Point by point, never pooled: point K of a sweep against point K of the other sweep, or against
// the other file when only one is a sweep (`point`: that point alone). Throws OutputFileError
// when a point is out of range or two sweeps have different numbers of points.
std::vector<RunComparison> compare_points(const RunFile& a, const RunFile& b,
                                          const std::optional<std::uint32_t>& point = {},
                                          const std::optional<std::string>& party = {},
                                          bool unpaired = false);

// Throws OutputFileError when the two files have different schema versions, naming both.
void check_same_schema(const std::string& path_a, const std::string& path_b);

std::string comparison_text(const RunComparison& comparison);
// One JSON object; NaN becomes null.
std::string comparison_json(const RunComparison& comparison);

// Several points: the header once, then each point's table; in JSON, a "points" list.
std::string points_comparison_text(const std::vector<RunComparison>& points);
std::string points_comparison_json(const std::vector<RunComparison>& points);

}  // namespace primsim::output

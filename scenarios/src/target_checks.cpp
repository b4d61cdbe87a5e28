// The calibration and validation blocks (docs/scenario.md, targets). A figure has one role
// (MODELLING.md rule 1): the same statistic and filter may appear once, in one block.
#include "target_checks.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "suggest.hpp"

namespace primsim::scenarios {
namespace {

using namespace models::spec;

class TargetChecker {
 public:
  TargetChecker(const ScenarioSpec& spec, SpecReader& reader) : spec_(spec), reader_(reader) {
    for (const auto& region : spec.territory.regions) regions_.push_back(region.name);
    for (const auto& office : spec.candidacy.offices) offices_.push_back(office.name);
  }

  void run() {
    check_block("calibration", spec_.calibration, true);
    check_block("validation", spec_.validation, false);
  }

 private:
  void check_block(std::string_view block, const std::vector<TargetSpec>& targets, bool calibration) {
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const std::string base = fmt::format("{}[{}]", block, i);
      if (!reader_.ok(base)) continue;
      const TargetSpec& target = targets[i];
      check_filter(base, target);
      check_value(base, target);
      check_sets(base, target, calibration);
      const std::string key = label_of(target);
      if (const auto [it, fresh] = seen_.emplace(key, base); !fresh) {
        reader_.report_at(
            base + ".statistic",
            "a figure with one role, in calibration or in validation and once (MODELLING.md rule 1)",
            fmt::format("{} again, as in {}", key, it->second));
      }
    }
  }

  // `value` names one of `known`, given exactly when the statistic takes this filter.
  void filter_name(const std::string& path, const TargetSpec& target, bool wanted, const std::string& value,
                   const std::vector<std::string_view>& known, std::string_view what) {
    const std::string statistic(name_of(target.statistic));
    if (!wanted) {
      if (!value.empty()) {
        reader_.report_at(path, fmt::format("no {} for the statistic {}", what, statistic),
                          fmt::format("\"{}\"", value));
      }
      return;
    }
    if (value.empty()) {
      reader_.report_at(path, fmt::format("{} for the statistic {}", what, statistic),
                        "nothing (the key is required)");
    } else if (std::find(known.begin(), known.end(), value) == known.end()) {
      reader_.report_at(path, fmt::format("the name of {} ({})", what, fmt::join(known, ", ")),
                        fmt::format("\"{}\"{}", value, suggestion_suffix(value, known)));
    }
  }

  void check_filter(const std::string& base, const TargetSpec& target) {
    const StatisticFilter filter = filter_of(target.statistic);
    filter_name(base + ".region", target, filter == StatisticFilter::region, target.region, regions_,
                "a region in territory.regions");
    filter_name(base + ".office", target, filter == StatisticFilter::office, target.office, offices_,
                "an office in candidacy.offices");
    const std::string statistic(name_of(target.statistic));
    if (filter == StatisticFilter::top && !target.top) {
      reader_.report_at(base + ".top", fmt::format("a list depth for the statistic {}", statistic),
                        "nothing (the key is required)");
    } else if (filter != StatisticFilter::top && target.top) {
      reader_.report_at(base + ".top", fmt::format("no top for the statistic {}", statistic),
                        fmt::format("{}", *target.top));
    }
  }

  void check_value(const std::string& base, const TargetSpec& target) {
    const bool bounded = target.at_least || target.at_most;
    if (!target.published && !bounded) {
      reader_.report_at(base + ".published", "a published value, or at_least and/or at_most",
                        "nothing (the key is required)");
    } else if (target.published && bounded) {
      reader_.report_at(base + (target.at_least ? ".at_least" : ".at_most"),
                        "either published (with a tolerance) or bounds, not both", "both");
    } else if (!target.published && target.tolerance > 0.0) {
      reader_.report_at(base + ".tolerance", "no tolerance without a published value (bounds are the band)",
                        fmt::format("{}", target.tolerance));
    } else if (target.at_least && target.at_most && *target.at_most < *target.at_least) {
      reader_.report_at(base + ".at_most", fmt::format("a bound of at least at_least ({})", *target.at_least),
                        fmt::format("{}", *target.at_most));
    }
  }

  void check_sets(const std::string& base, const TargetSpec& target, bool calibration) {
    const std::string path = base + ".sets";
    if (!calibration) {
      if (!target.sets.empty()) {
        reader_.report_at(path, "no sets: a validation target sets nothing (move it to calibration)",
                          fmt::format("\"{}\"", target.sets));
      }
      return;
    }
    if (target.sets.empty()) {
      reader_.report_at(path, "the key path of the parameter this calibration target sets",
                        "nothing (the key is required)");
      return;
    }
    const bool in_targets = target.sets.starts_with("calibration") || target.sets.starts_with("validation");
    if (!in_targets && reader_.has_key_path(target.sets)) return;
    const std::vector<std::string> paths = reader_.key_paths();
    std::vector<std::string_view> known;
    for (const std::string& p : paths) {
      if (!p.starts_with("calibration") && !p.starts_with("validation")) known.push_back(p);
    }
    reader_.report_at(path, "the key path of a parameter of the scenario, such as turnout.base_logit",
                      fmt::format("\"{}\"{}", target.sets, suggestion_suffix(target.sets, known)));
  }

  const ScenarioSpec& spec_;
  SpecReader& reader_;
  std::vector<std::string_view> regions_;
  std::vector<std::string_view> offices_;
  std::map<std::string, std::string> seen_;  // label -> the first target's path
};

}  // namespace

void check_targets(const ScenarioSpec& spec, SpecReader& reader) { TargetChecker(spec, reader).run(); }

}  // namespace primsim::scenarios

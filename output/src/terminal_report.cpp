// The terminal summary is plain text in fixed columns so that it reads in any terminal and in a
// log file alike.
#include "primsim/output/terminal_report.hpp"

#include <fmt/format.h>

#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/headline.hpp"

namespace primsim::output {

namespace {

// The headline of one party in fixed columns.
std::string party_statistics(const RunFile& run, models::results::PartyCode party) {
  std::string out =
      fmt::format("{:<48} {:>12}   {}\n", "statistic", "mean", "90% ensemble interval (5th-95th percentile)");
  std::string group;
  for (const HeadlineStatistic& stat : headline_statistics(run, party)) {
    if (stat.group != group) {
      if (group == "platform") out += "democracy yardsticks (Rahat)\n";
      group = stat.group;
      out += fmt::format("{}{}\n",
                         group == "participation" || group == "competition" || group == "representation" ||
                                 group == "responsiveness"
                             ? "  "
                             : "",
                         group);
    }
    const EnsembleInterval interval = ensemble_interval(stat.values);
    const std::string range = interval.replicates == 0
                                  ? "n/a"
                                  : fmt::format("[{}, {}]", format_value(interval.low, stat.kind),
                                                format_value(interval.high, stat.kind));
    out += fmt::format("    {:<44} {:>12}   {}\n", stat.label, format_value(interval.mean, stat.kind), range);
  }
  return out;
}

}  // namespace

std::string terminal_report(const RunFile& run) {
  const auto& info = run.info();
  std::string out = fmt::format("primsim results: {}\n", run.path().string());
  out +=
      fmt::format("scenario {}, {} replicates, seed {}, primsim {}, schema version {}\n", info.scenario_name,
                  run.replicate_count(), info.seed, info.program_version, run.schema_version());
  out += fmt::format("run from {} to {}; epoch {}\n\n", info.start_time, run.end_time(), info.epoch);
  const auto& parties = info.party_names;
  for (std::size_t p = 0; p < parties.size(); ++p) {
    const auto party = static_cast<models::results::PartyCode>(p);
    if (parties.size() > 1) {
      const EnsembleInterval share = ensemble_interval(party_vote_shares(run, party));
      out += fmt::format("{}party {} ({} of every party's votes)\n", p > 0 ? "\n" : "", parties[p],
                         format_value(share.mean, ValueKind::fraction));
    }
    out += party_statistics(run, party);
  }
  return out;
}

}  // namespace primsim::output

// Which figures headline a run. The platform's failure share is computed here from /platform
// because it is what users of 2020 remember (login failures in the first hours).
#include "primsim/output/headline.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <span>

#include <fmt/format.h>

namespace primsim::output {

using namespace models::results;

namespace {

template <class Row, class Field>
std::vector<double> per_replicate(const std::vector<Row>& rows, Field field) {
  std::vector<double> values;
  values.reserve(rows.size());
  for (const Row& row : rows) values.push_back(static_cast<double>(row.*field));
  return values;
}

template <class Row>
std::vector<Row> of_party(std::vector<Row> rows, PartyCode party) {
  std::erase_if(rows, [party](const Row& row) { return row.party != party; });
  return rows;
}

std::string with_thousands(double value) {
  const auto whole = static_cast<long long>(std::llround(std::fabs(value)));
  const std::string digits = std::to_string(whole);
  std::string grouped = value < 0 && whole != 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

std::vector<double> party_vote_shares(const RunFile& run, PartyCode party) {
  return per_replicate(of_party(run.summary(), party), &SummaryRow::vote_share);
}

std::vector<HeadlineStatistic> headline_statistics(const RunFile& run, PartyCode party) {
  // One row per replicate and party: these two tables are small next to the per-minute ones.
  const std::vector<SummaryRow> summary = of_party(run.summary(), party);
  const std::vector<DemocracyRow> democracy = of_party(run.democracy(), party);
  std::vector<HeadlineStatistic> stats{
      {"eligible", "run", "members eligible to vote", ValueKind::count,
       per_replicate(summary, &SummaryRow::eligible)},
      {"votes", "run", "votes cast", ValueKind::count, per_replicate(summary, &SummaryRow::votes)},
      {"turnout", "run", "turnout", ValueKind::fraction, per_replicate(summary, &SummaryRow::turnout)},
      {"votes_online", "run", "votes online", ValueKind::count,
       per_replicate(summary, &SummaryRow::votes_online)},
      {"votes_paper", "run", "votes on paper", ValueKind::count,
       per_replicate(summary, &SummaryRow::votes_paper)},
      {"votes_in_person", "run", "votes in person", ValueKind::count,
       per_replicate(summary, &SummaryRow::votes_in_person)},
      {"extension_hours", "run", "voting extended by", ValueKind::hours,
       per_replicate(summary, &SummaryRow::extension_hours)},
      {"applicants", "run", "applicants", ValueKind::count, per_replicate(summary, &SummaryRow::applicants)},
      {"registered", "run", "registered candidates", ValueKind::count,
       per_replicate(summary, &SummaryRow::registered)},
      {"removed", "run", "candidates removed after registration", ValueKind::count,
       per_replicate(summary, &SummaryRow::removed)},
      {"removed_skipped_debates", "run", "removed for skipping debates", ValueKind::count,
       per_replicate(summary, &SummaryRow::removed_skipped_debates)},
      {"withdrawn", "run", "candidates who withdrew", ValueKind::count,
       per_replicate(summary, &SummaryRow::withdrawn)},
      {"complaints_filed", "run", "complaints filed", ValueKind::count,
       per_replicate(summary, &SummaryRow::complaints_filed)},
      {"complaints_upheld", "run", "complaints upheld", ValueKind::count,
       per_replicate(summary, &SummaryRow::complaints_upheld)},
      {"on_ballot", "run", "candidates on the ballot", ValueKind::count,
       per_replicate(summary, &SummaryRow::on_ballot)},
      {"selected", "run", "candidates selected", ValueKind::count,
       per_replicate(summary, &SummaryRow::selected)},
  };

  // /platform has a row per replicate and minute of voting, by far the largest table: it is
  // summed a block at a time, never held whole.
  std::map<std::uint32_t, std::pair<double, double>> platform;  // replicate -> attempts, failures
  run.scan<PlatformRow>([&](std::span<const PlatformRow> rows) {
    for (const PlatformRow& row : rows) {
      if (row.party != party) continue;
      auto& [attempts, failures] = platform[row.replicate];
      attempts += static_cast<double>(row.attempts);
      failures += static_cast<double>(row.failures);
    }
  });
  HeadlineStatistic failures{"platform_failures", "platform", "failed platform logins", ValueKind::count, {}};
  HeadlineStatistic failure_share{
      "platform_failure_share", "platform", "share of logins that failed", ValueKind::fraction, {}};
  for (const SummaryRow& row : summary) {
    const auto found = platform.find(row.replicate);
    const bool has = found != platform.end() && found->second.first > 0;
    failures.values.push_back(has ? found->second.second : 0.0);
    failure_share.values.push_back(has ? found->second.second / found->second.first
                                       : std::numeric_limits<double>::quiet_NaN());
  }
  stats.push_back(std::move(failures));
  stats.push_back(std::move(failure_share));

  const std::vector<HeadlineStatistic> yardsticks{
      {"participation", "participation", "participation (votes / selectorate)", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::participation)},
      {"candidates_per_place", "competition", "candidates per place", ValueKind::ratio,
       per_replicate(democracy, &DemocracyRow::candidates_per_place)},
      {"margin_last_selected", "competition", "margin of the last selected", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::margin_last_selected)},
      {"incumbents_defeated", "competition", "incumbents defeated", ValueKind::count,
       per_replicate(democracy, &DemocracyRow::incumbents_defeated)},
      {"women_share_list", "representation", "women on the list", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::women_share_list)},
      {"women_share_selectorate", "representation", "women in the selectorate", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::women_share_selectorate)},
      {"under35_share_list", "representation", "under 35 on the list", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::under35_share_list)},
      {"under35_share_selectorate", "representation", "under 35 in the selectorate", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::under35_share_selectorate)},
      {"regional_disproportionality", "representation", "regional disproportionality (Loosemore-Hanby)",
       ValueKind::fraction, per_replicate(democracy, &DemocracyRow::regional_disproportionality)},
      {"turnover", "responsiveness", "turnover against the previous list", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::turnover)},
  };
  stats.insert(stats.end(), yardsticks.begin(), yardsticks.end());
  return stats;
}

std::string format_value(double value, ValueKind kind) {
  if (std::isnan(value)) return "n/a";
  switch (kind) {
    case ValueKind::count:
      return with_thousands(value);
    case ValueKind::fraction:
      return fmt::format("{:.1f}%", 100.0 * value);
    case ValueKind::ratio:
      return fmt::format("{:.2f}", value);
    case ValueKind::hours:
      return fmt::format("{:.1f} h", value);
  }
  return fmt::format("{}", value);
}

}  // namespace primsim::output

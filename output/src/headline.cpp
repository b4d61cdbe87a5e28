// Which figures headline a run. The platform's failure share is computed here from /platform
// because it is what users of 2020 remember (login failures in the first hours). /democracy has
// a row per office; the headline keeps the list office's, so that a figure means what it meant
// when the file had one row per replicate, and offices of different sizes are never averaged.
#include "primsim/output/headline.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
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
std::vector<std::uint32_t> per_replicate_number(const std::vector<Row>& rows) {
  std::vector<std::uint32_t> numbers;
  numbers.reserve(rows.size());
  for (const Row& row : rows) numbers.push_back(row.replicate);
  return numbers;
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

OfficeCode list_office(const RunFile& run, PartyCode party) {
  std::optional<OfficeCode> office;
  run.scan<ListRow>([&](std::span<const ListRow> rows) {
    for (const ListRow& row : rows) {
      if (!office && row.party == party) office = row.office;
    }
  });
  return office.value_or(0);
}

std::string office_name(const RunFile& run, OfficeCode office) {
  const auto& names = run.info().office_names;
  return office < names.size() ? names[office] : fmt::format("office {}", office);
}

bool is_office_table_key(std::string_view key) {
  return std::find(office_table_keys.begin(), office_table_keys.end(), key) != office_table_keys.end();
}

std::vector<OfficeRepresentation> representation_by_office(const RunFile& run, PartyCode party) {
  std::map<OfficeCode, std::vector<DemocracyRow>> by_office;
  for (const DemocracyRow& row : of_party(run.democracy(), party)) by_office[row.office].push_back(row);
  const OfficeCode listed = list_office(run, party);
  std::vector<OfficeRepresentation> offices;
  for (const auto& [office, rows] : by_office) {
    // Bound by name: clang 14 (the fuzzing build) cannot capture a structured binding.
    const auto interval = [&office_rows = rows](auto field) {
      return ensemble_interval(per_replicate(office_rows, field));
    };
    offices.push_back({office, office_name(run, office), office == listed, interval(&DemocracyRow::places),
                       interval(&DemocracyRow::places_by_vote), interval(&DemocracyRow::places_leadership),
                       interval(&DemocracyRow::places_empty),
                       interval(&DemocracyRow::regional_disproportionality),
                       interval(&DemocracyRow::regional_disproportionality_vote),
                       interval(&DemocracyRow::regional_disproportionality_proportional),
                       interval(&DemocracyRow::regional_disproportionality_random)});
  }
  return offices;
}

std::vector<double> party_vote_shares(const RunFile& run, PartyCode party) {
  return per_replicate(of_party(run.summary(), party), &SummaryRow::vote_share);
}

namespace {

bool selectorate_is_membership(const RunFile& run) {
  const auto& groups = run.info().selector_group_names;
  return groups.empty() || (groups.size() == 1 && groups.front() == "members");
}

}  // namespace

std::vector<HeadlineStatistic> headline_statistics(const RunFile& run, PartyCode party) {
  // One row per replicate and party: these two tables are small next to the per-minute ones.
  const std::vector<SummaryRow> summary = of_party(run.summary(), party);
  std::vector<DemocracyRow> democracy = of_party(run.democracy(), party);
  const OfficeCode office = list_office(run, party);
  std::erase_if(democracy, [office](const DemocracyRow& row) { return row.office != office; });
  std::vector<HeadlineStatistic> stats{
      // "Selectors" where the selectorate is not the membership alone.
      {"eligible", "run",
       selectorate_is_membership(run) ? "members eligible to vote" : "selectors eligible to vote",
       ValueKind::count, per_replicate(summary, &SummaryRow::eligible)},
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
      {"candidates_per_place_contest", "competition", "candidates per place, mean over contests",
       ValueKind::ratio, per_replicate(democracy, &DemocracyRow::candidates_per_place_contest)},
      {"margin_last_selected", "competition", "margin of the last selected (scaled share)", ValueKind::ratio,
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
      {"regional_disproportionality_vote", "representation", "regional disproportionality, places by vote",
       ValueKind::fraction, per_replicate(democracy, &DemocracyRow::regional_disproportionality_vote)},
      {"regional_disproportionality_proportional", "representation",
       "benchmark: LH of a proportional apportionment", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::regional_disproportionality_proportional)},
      {"regional_disproportionality_random", "representation", "benchmark: LH of random proportional draws",
       ValueKind::fraction, per_replicate(democracy, &DemocracyRow::regional_disproportionality_random)},
      {"places_by_vote", "representation", "places filled by the vote", ValueKind::count,
       per_replicate(democracy, &DemocracyRow::places_by_vote)},
      {"places_leadership", "representation", "places filled by the party centre", ValueKind::count,
       per_replicate(democracy, &DemocracyRow::places_leadership)},
      {"places_empty", "representation", "places left empty", ValueKind::count,
       per_replicate(democracy, &DemocracyRow::places_empty)},
      {"turnover", "responsiveness", "turnover against the previous list", ValueKind::fraction,
       per_replicate(democracy, &DemocracyRow::turnover)},
  };
  const std::size_t from_summary = stats.size();
  stats.insert(stats.end(), yardsticks.begin(), yardsticks.end());
  for (std::size_t i = 0; i < stats.size(); ++i) {
    stats[i].replicates = i < from_summary ? per_replicate_number(summary) : per_replicate_number(democracy);
  }
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

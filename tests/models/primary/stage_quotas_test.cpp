// Quotas where a stage fills places: a contest's winners with separate group rankings, and what
// happens when the candidates cannot meet a quota (relaxed or left empty, never invented).
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/models/primary/contest_tally.hpp"
#include "primsim/models/primary/stage_quotas.hpp"

using namespace primsim;
using namespace primsim::models;

namespace {

std::vector<rules::ListCandidate> pool(const std::vector<bool>& women) {
  std::vector<rules::ListCandidate> ranked;
  for (std::size_t i = 0; i < women.size(); ++i)
    ranked.push_back({static_cast<std::uint32_t>(i), women[i], false, rules::ListRoute::primary});
  return ranked;
}

spec::RuleSpec women_quota(double share, spec::QuotaShortfall shortfall, bool separate = false) {
  spec::RuleSpec rule;
  rule.quotas = {{spec::QuotaGroup::women, share, separate}};
  rule.quota_shortfall = shortfall;
  return rule;
}

}  // namespace

TEST_CASE("a quota the pool can meet brings in the group's best, with no warning", "[models]") {
  WarningLog log;
  const auto ranked = pool({false, false, false, false, false, false, false, true, true, false});
  const auto chosen =
      fill_under_quotas(ranked, 5, women_quota(0.4, spec::QuotaShortfall::relax), {0, 1}, log);
  std::vector<std::uint32_t> ids;
  for (const auto& c : chosen) ids.push_back(c.id);
  CHECK(ids == std::vector<std::uint32_t>{0, 1, 2, 7, 8});
  CHECK(log.rows().empty());
}

TEST_CASE("a quota the pool cannot meet is relaxed or leaves its places empty, with a warning", "[models]") {
  const auto ranked = pool({false, false, false, false, false, false, true, false});
  WarningLog relaxed_log;
  const auto relaxed =
      fill_under_quotas(ranked, 5, women_quota(0.4, spec::QuotaShortfall::relax), {2, 1}, relaxed_log);
  CHECK(relaxed.size() == 5);
  REQUIRE(relaxed_log.rows().size() == 1);
  const auto& warning = relaxed_log.rows().front();
  CHECK(warning.kind == results::WarningKind::quota_unmet);
  CHECK(warning.selection_stage == 2);
  CHECK(warning.office == 1);
  CHECK(warning.expected == 2);
  CHECK(warning.found == 1);

  WarningLog empty_log;
  const auto emptied =
      fill_under_quotas(ranked, 5, women_quota(0.4, spec::QuotaShortfall::leave_empty), {2, 1}, empty_log);
  // One of the two places kept for women stays empty: the lowest-ranked man gives it back.
  std::vector<std::uint32_t> ids;
  for (const auto& c : emptied) ids.push_back(c.id);
  CHECK(ids == std::vector<std::uint32_t>{0, 1, 2, 6});
  REQUIRE(empty_log.rows().size() == 1);
  CHECK(empty_log.rows().front().kind == results::WarningKind::places_empty);
  // The same departure in two contests adds up in one row.
  fill_under_quotas(ranked, 5, women_quota(0.4, spec::QuotaShortfall::leave_empty), {2, 1}, empty_log);
  REQUIRE(empty_log.rows().size() == 1);
  CHECK(empty_log.rows().front().occurrences == 2);
  CHECK(empty_log.rows().front().expected == 4);
}

TEST_CASE("a group with its own ranking fills its quota from that ranking", "[models]") {
  // First preferences put the men 0 and 3 ahead and woman 1 before woman 2; but 2 is above 1 on
  // 84 of the 100 ballots, so the women's own ranking puts 2 first.
  rules::Profile ballots(4);
  const std::vector<rules::CandidateIndex> a{0, 2, 1, 3};
  const std::vector<rules::CandidateIndex> b{3, 2, 1, 0};
  const std::vector<rules::CandidateIndex> c{1, 2, 0, 3};
  const std::vector<rules::CandidateIndex> d{2, 1, 0, 3};
  ballots.add_ranking(a, 40);
  ballots.add_ranking(b, 30);
  ballots.add_ranking(c, 16);
  ballots.add_ranking(d, 14);
  const std::vector<rules::ListCandidate> groups{{0, false, false, rules::ListRoute::primary},
                                                 {1, true, false, rules::ListRoute::primary},
                                                 {2, true, false, rules::ListRoute::primary},
                                                 {3, false, false, rules::ListRoute::primary}};
  spec::RuleSpec rule = women_quota(0.5, spec::QuotaShortfall::relax);
  rule.kind = spec::RuleKind::plurality;
  WarningLog log;
  const auto tie = rules::TieBreak::by_index();
  const ContestCount overall = count_contest(ballots, groups, rule, 2, tie, {0, 0}, log);
  CHECK(overall.winners == 2);
  CHECK(std::vector<rules::CandidateIndex>(overall.order.begin(), overall.order.begin() + 2) ==
        std::vector<rules::CandidateIndex>{0, 1});
  rule.quotas.front().separate_ranking = true;
  const ContestCount separate = count_contest(ballots, groups, rule, 2, tie, {0, 0}, log);
  CHECK(std::vector<rules::CandidateIndex>(separate.order.begin(), separate.order.begin() + 2) ==
        std::vector<rules::CandidateIndex>{0, 2});
  // Votes and shares are the rule's, whatever the quota did.
  CHECK(separate.votes == std::vector<double>{40, 16, 14, 30});
  CHECK(separate.shares[0] == Approx(0.40));
  CHECK(log.rows().empty());
}

TEST_CASE("a profile restricted to some candidates keeps their order and tiers", "[models]") {
  rules::Profile ballots(4);
  ballots.add_tiered_ranking({{3}, {0, 2}, {1}}, 5);
  const std::vector<rules::CandidateIndex> kept{2, 1};
  const rules::Profile restricted = restrict_profile(ballots, kept);
  REQUIRE(restricted.ballot_count() == 1);
  const auto ballot = restricted.ballot(0);
  CHECK(ballot.count == 5);
  CHECK(std::vector<rules::CandidateIndex>(ballot.candidates.begin(), ballot.candidates.end()) ==
        std::vector<rules::CandidateIndex>{0, 1});  // 2 -> 0 before 1 -> 1
  CHECK(ballot.tier_start[1] == 1);
}

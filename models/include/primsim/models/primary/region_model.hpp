// The logical process of one region: its members and candidates, and everything that happens to
// them between the nomination and the count. The candidates' pipeline (CandidatePipeline) and
// the complaints (RegionComplaints) are pieces it owns; the vote and its contests are its own.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "primsim/models/choice/plackett_luce_sampler.hpp"
#include "primsim/models/choice/prepared_weights.hpp"
#include "primsim/models/members/member_table.hpp"
#include "primsim/models/primary/candidate.hpp"
#include "primsim/models/primary/candidate_pipeline.hpp"
#include "primsim/models/primary/complaint.hpp"
#include "primsim/models/primary/contest_tally.hpp"
#include "primsim/models/primary/first_attempt.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/models/primary/region_complaints.hpp"
#include "primsim/models/primary/voter.hpp"
#include "primsim/models/primary/warning_log.hpp"
#include "primsim/models/rules/profile.hpp"
#include "primsim/models/voting/arrival_profile.hpp"
#include "primsim/sim/lp_model.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::models {

// What a region reports about its selectorate and its votes once the run is over. Every
// selector who set out to vote ends in one state: voters_intending = votes + gave_up +
// pending_at_close.
struct RegionVotes {
  std::int64_t eligible = 0;  // selectors (fraudulent entries included)
  std::int64_t eligible_women = 0;
  std::int64_t eligible_under35 = 0;
  std::vector<std::int64_t> votes_by_channel;   // index: ChannelPlan
  std::vector<std::int64_t> votes_by_interval;  // from the voting span's start, output.turnout_interval wide
  std::vector<std::int64_t> eligible_by_group;  // index: PrimaryWorld::selector_groups
  std::vector<std::int64_t> votes_by_group;
  std::int64_t attempts = 0;          // tries through any channel, retries and returns included
  std::int64_t voters_intending = 0;  // selectors who decided to vote
  std::int64_t gave_up = 0;           // ... who stopped trying before their channel closed
  std::int64_t pending_at_close = 0;  // ... still trying when it closed (a retry, a return or a reply due)

  [[nodiscard]] std::int64_t votes() const;
};

class RegionModel final : public sim::LpModel {
 public:
  RegionModel(const PrimaryWorld& world, std::size_t region);

  void init(sim::LpContext& context) override;
  void handle(const sim::Event& event, sim::LpContext& context) override;
  void finish(sim::LpContext& context) override;

  [[nodiscard]] const std::vector<Candidate>& candidates() const { return pipeline_.candidates(); }
  [[nodiscard]] const MemberTable& members() const { return members_; }
  [[nodiscard]] const RegionVotes& votes() const { return votes_; }
  // Every complaint filed in the region, in filing order.
  [[nodiscard]] const std::vector<Complaint>& complaints() const { return complaints_.complaints(); }
  // Per contest with losers: the lead of the last winner over the first loser in scaled shares,
  // and candidates per winner.
  struct ContestMargin {
    results::OfficeCode office = 0;
    double margin = 0.0;
    double candidates_per_place = 0.0;
  };
  [[nodiscard]] const std::vector<ContestMargin>& contest_margins() const { return contest_margins_; }
  [[nodiscard]] const WarningLog& warnings() const { return warnings_; }

 private:
  struct Contest;

  void on_phase_start(std::size_t phase, sim::LpContext& context);
  void open_voting(sim::LpContext& context);
  void form_contests();
  [[nodiscard]] bool is_selector(std::size_t member, sim::SimTime vote_opens);
  void index_candidates_by_ppo();
  [[nodiscard]] Voter voter_of(std::size_t member) const;
  void count_eligible(std::size_t member);
  void schedule_next_first_attempts(sim::LpContext& context);
  // At the last close plus the replies' way back; again after every extension.
  void schedule_tally(sim::LpContext& context);
  [[nodiscard]] std::optional<std::size_t> channel_of(std::size_t member) const;
  [[nodiscard]] double turnout_utility(std::size_t member, std::size_t channel, bool compulsory) const;
  void start_first_attempts(sim::LpContext& context);
  void prepare_choice_weights();
  // Expected closeness of each unit's contests in [0, 1], for the pB term of turnout.
  void estimate_closeness();
  [[nodiscard]] std::size_t winners_of(const Contest& contest) const;
  // A voter's time to vote has come (the first time, or on a later day): it tries, or puts it off.
  // From here on a voter is its slot in voters_, in events as well.
  void arrive(std::uint64_t slot, std::size_t channel, sim::LpContext& context);
  void come_back_tomorrow(std::uint64_t slot, std::size_t channel, sim::LpContext& context);
  void attempt(std::uint64_t slot, std::size_t channel, sim::LpContext& context);
  void retry_or_give_up(std::uint64_t slot, sim::LpContext& context);
  void give_up_for_the_day(std::uint64_t slot, std::size_t channel, sim::LpContext& context);
  void cast_ballot(std::uint64_t slot, std::size_t channel, sim::LpContext& context);
  // Draws every voter's ballots at the count (nothing during the vote changes them).
  void draw_ballots();
  void draw_ballot(const Voter& voter);
  void tally(sim::LpContext& context);
  // The contest's winners go to their office or, for the list office, to the party centre.
  void settle(const Contest& contest, const ContestCount& count, sim::LpContext& context);
  // The unit whose members vote together: the stage's level (ppo, district branch, region).
  [[nodiscard]] std::size_t contest_unit(std::uint16_t branch, std::uint32_t ppo) const;
  [[nodiscard]] sim::SimTime final_close() const;

  const PrimaryWorld& world_;
  std::size_t region_;
  MemberTable members_;
  CandidatePipeline pipeline_;
  static constexpr std::uint64_t kNewDay = std::uint64_t{1} << 32U;
  RegionComplaints complaints_;
  // One contest per (unit of the stage's level, office): its candidates and the ballots cast.
  struct Contest {
    std::uint8_t office = 0;
    std::size_t unit = 0;                   // see contest_unit
    std::vector<std::uint32_t> candidates;  // ballot position i is candidates[i]
    rules::Profile ballots{1};              // resized when the ballot is known
    // Plackett-Luce weights of the candidates for each selector group and kind of voter (index:
    // 4 * group + 2 * dependent + female), before the same-PPO bonus; fixed once the ballot is known.
    std::vector<PreparedWeights> weights;
  };
  // A candidate as one PPO's voters see it: which contest, and where on its ballot.
  struct PpoCandidate {
    std::uint32_t contest = 0;
    std::uint32_t position = 0;
  };
  std::vector<Contest> contests_;
  // How deep a voter of this choice ranks the contest: the ballot depth, or less if the rule
  // reads less (the positions below would be drawn and never counted).
  [[nodiscard]] std::size_t ballot_depth(const spec::ChoiceSpec& choice, const Contest& contest) const;
  std::vector<std::vector<std::size_t>> contests_of_unit_;  // unit -> indices into contests_
  std::vector<rules::CandidateIndex> ballot_;
  std::vector<FirstAttempt> first_attempts_;  // sorted by (time, member)
  std::size_t next_first_attempt_ = 0;
  std::vector<Voter> voters_;  // voters_[s] tries first at first_attempts_[s]: s is the voter's slot
  std::vector<std::uint32_t> same_ppo_;  // ballot positions of the voter's PPO's candidates
  // Every contest's candidates grouped by their PPO: PPO p's are candidates_by_ppo_[start[p],
  // start[p + 1]). A voter's same-PPO candidates are then a few entries read in one place, not a
  // search in each contest.
  std::vector<PpoCandidate> candidates_by_ppo_;
  std::vector<std::uint32_t> candidates_by_ppo_start_;
  std::vector<sim::SimTime> channel_close_;  // per ChannelPlan, extensions applied
  std::vector<ArrivalProfile> arrivals_;     // per ChannelPlan, over its window in this region
  std::vector<double> unit_closeness_;       // per contest unit
  // Online attempts failing whatever the load, per age band, this region's chance included.
  std::vector<double> failure_by_band_;
  RegionVotes votes_;
  std::vector<ContestMargin> contest_margins_;
  WarningLog warnings_;
  sim::RandomStream voting_stream_{sim::StreamKey{}};
  // The rankings have a stream of their own, so that how a ranking is drawn leaves who votes and
  // when as it was.
  sim::RandomStream ballot_stream_{sim::StreamKey{}};
  PlackettLuceSampler sampler_;
  std::vector<std::uint32_t> ranking_;
  // The deepest ballot position the stage's rule reads (see rule_reads_depth); fixed per run.
  std::size_t rule_depth_ = 0;
  std::vector<double> local_factor_by_group_;  // exp(local affinity), per selector group
  bool voting_open_ = false;
  bool tallied_ = false;
};

}  // namespace primsim::models

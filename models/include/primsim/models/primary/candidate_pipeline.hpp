// A region's candidates from application to the ballot: applications over the nomination phase,
// the eligibility decision and registration in the screening phase, the candidate's debate,
// withdrawals and the complaints filed against registered candidates. Owned by the region's LP,
// whose events it handles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <vector>

#include "primsim/models/primary/candidate.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/sim/event.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::sim {
class LpContext;
}

namespace primsim::models {

class CandidatePipeline {
 public:
  CandidatePipeline(const PrimaryWorld& world, std::size_t region);

  void init(sim::LpContext& context);
  void on_phase_start(std::size_t phase, sim::LpContext& context);
  void on_phase_end(std::size_t phase);
  // kApplication, kScreening, kRegistration, kDebate and kWithdrawal; false for any other event.
  // Once voting is open nobody withdraws.
  // kWithdrawal's payload[1] is 0 for the decision (when registrations close: the candidate's
  // time to withdraw, if before the vote) and 1 for the withdrawal itself.
  bool handle(const sim::Event& event, bool voting_open, sim::LpContext& context);

  [[nodiscard]] const std::vector<Candidate>& candidates() const { return candidates_; }
  [[nodiscard]] std::vector<Candidate>& candidates() { return candidates_; }
  // The candidates' stream, which the region's complaint reviews draw from too.
  [[nodiscard]] sim::RandomStream& stream() { return stream_; }
  // Applicants' shares of women and of the young after the quotas' effect on entry
  // (candidacy.entry): the scenario's shares when its quotas are the reference ones.
  [[nodiscard]] double women_share() const { return women_share_; }
  [[nodiscard]] double youth_share() const { return youth_share_; }

 private:
  void schedule_applications(std::size_t phase, sim::LpContext& context);
  void add_candidate(bool outsider, sim::LpContext& context);
  // Whether an applicant stays out of a contest with an incumbent or endorsed applicant in it.
  [[nodiscard]] bool deterred(const Candidate& c);
  [[nodiscard]] double incumbent_probability(std::size_t office) const;
  // One event per candidate and transition, each at its own time.
  void screen(Candidate& c, sim::LpContext& context);
  void register_candidate(Candidate& c, sim::LpContext& context);
  void debate(Candidate& c, sim::LpContext& context);
  void decide_withdrawal(Candidate& c, bool voting_open, sim::LpContext& context);
  void withdraw(Candidate& c, bool voting_open, sim::LpContext& context);
  // The candidate's contest in its region: office and unit of the vote stage's level.
  [[nodiscard]] std::uint64_t contest_key(const Candidate& c) const;
  // What the candidate can expect of the members' vote: the choice model's terms that do not
  // depend on the voter (valence, endorsement, incumbency).
  [[nodiscard]] double prospect(const Candidate& c) const;
  // When registrations close: the end of the screening phase, else of the nomination phase.
  [[nodiscard]] std::optional<sim::SimTime> registrations_close() const;
  void schedule_within(sim::SimTime end, sim::EventType type, const Candidate& c, sim::LpContext& context);
  // When the vote's phase opens: the candidates' pipeline must be over by then.
  [[nodiscard]] std::optional<sim::SimTime> vote_opens() const;

  const PrimaryWorld& world_;
  std::size_t region_;
  std::vector<Candidate> candidates_;
  sim::RandomStream stream_{sim::StreamKey{}};
  // Ends of the screening and debates phases while they are open, for candidates who reach
  // them late.
  std::optional<sim::SimTime> screening_until_;
  std::optional<sim::SimTime> debates_until_;
  bool screening_over_ = false;
  double women_share_ = 0.0;
  double youth_share_ = 0.0;
  // Contests (contest_key) an incumbent or endorsed candidate has applied to.
  std::set<std::uint64_t> guarded_contests_;
};

}  // namespace primsim::models

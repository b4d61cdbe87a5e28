// A region's candidates from application to the ballot: applications over the nomination phase,
// the eligibility decision and registration in the screening phase, the candidate's debate,
// withdrawals and the complaints filed against registered candidates. Owned by the region's LP,
// whose events it handles.
#pragma once

#include <cstddef>
#include <optional>
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
  bool handle(const sim::Event& event, bool voting_open, sim::LpContext& context);

  [[nodiscard]] const std::vector<Candidate>& candidates() const { return candidates_; }
  [[nodiscard]] std::vector<Candidate>& candidates() { return candidates_; }
  // The candidates' stream, which the region's complaint reviews draw from too.
  [[nodiscard]] sim::RandomStream& stream() { return stream_; }

 private:
  void schedule_applications(std::size_t phase, sim::LpContext& context);
  void add_candidate(sim::LpContext& context);
  [[nodiscard]] double incumbent_probability(std::size_t office) const;
  // One event per candidate and transition, each at its own time.
  void screen(Candidate& c, sim::LpContext& context);
  void register_candidate(Candidate& c, sim::LpContext& context);
  void debate(Candidate& c, sim::LpContext& context);
  void withdraw(Candidate& c, bool voting_open, sim::LpContext& context);
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
};

}  // namespace primsim::models

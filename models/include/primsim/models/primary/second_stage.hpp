// The second stage at the party centre: the nominees for the list office that the regions'
// contests send, the conferences that confirm them, and the congress that forms the list from
// them and the leadership's reserved places. Owned by the national LP.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "primsim/models/choice/plackett_luce_sampler.hpp"
#include "primsim/models/primary/contest_merge.hpp"
#include "primsim/models/primary/nominee_message.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/models/primary/stage_quotas.hpp"
#include "primsim/models/primary/warning_log.hpp"
#include "primsim/models/rules/list_formation.hpp"
#include "primsim/models/rules/profile.hpp"
#include "primsim/sim/event.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::sim {
class LpContext;
}

namespace primsim::models {

// A candidate proposed to the party centre for the list, or one of its appointees.
struct Nominee {
  static constexpr std::uint16_t kLeadershipRegion = 0xffff;

  std::uint32_t id = 0;  // index within the region; appointees: their number
  std::uint16_t region = kLeadershipRegion;
  std::uint16_t branch = 0;
  results::Gender gender = results::Gender::female;
  std::uint8_t age = 0;
  results::Route route = results::Route::leadership_quota;
  bool incumbent = false;
  std::uint32_t contest_rank = 0;
  double scaled_share = 0.0;
  std::uint8_t conferences = 0;  // conference stages that confirmed the nominee
  bool dropped = false;          // vetoed or not confirmed by a conference
  bool vetoed = false;           // struck by a conference's or the congress's veto

  [[nodiscard]] bool is_appointee() const { return region == kLeadershipRegion; }
  // Unique within a replicate and party; orders nominees when everything else ties.
  [[nodiscard]] std::uint64_t key() const { return (std::uint64_t{region} << 32U) | id; }
  [[nodiscard]] static Nominee from(const NomineeMessage& message);
};

class SecondStage {
 public:
  SecondStage(const PrimaryWorld& world, const sim::SimTime& online_close);

  void init(sim::LpContext& context);
  // kNominee, kConference and kFormList; false for any other event.
  bool handle(const sim::Event& event, sim::LpContext& context);
  // Voting was extended: the list waits for the new close.
  void schedule_list(sim::LpContext& context);

  // The list in place order (position 1 first); empty until formed. Empty places are not in it.
  [[nodiscard]] const std::vector<Nominee>& list() const { return list_; }
  [[nodiscard]] const std::vector<Nominee>& nominees() const { return nominees_; }
  [[nodiscard]] const WarningLog& warnings() const { return warnings_; }

 private:
  void schedule_conferences(sim::LpContext& context);
  void hold_conference(std::size_t index, std::size_t conference, sim::LpContext& context);
  void allot_nominees(std::size_t index);
  // `candidates` (indices into nominees_) in the order of `stage`'s merge rule.
  [[nodiscard]] std::vector<std::size_t> merged(const spec::StageSpec& stage,
                                                const std::vector<std::size_t>& candidates) const;
  // A conference that votes: its delegates' ballots over `ranked` (ballot position i is ranked[i]).
  [[nodiscard]] rules::Profile delegates_ballots(const spec::StageSpec& stage,
                                                 const std::vector<rules::ListCandidate>& ranked,
                                                 sim::RandomStream& stream);
  [[nodiscard]] sim::SimTime last_nominee_arrival(const sim::LpContext& context) const;
  [[nodiscard]] bool all_conferences_held() const;
  void form_list(sim::LpContext& context);
  // The confirmed nominees in the congress's merge order, less its vetoes (marked vetoed).
  [[nodiscard]] std::vector<Nominee> congress_ranking(const spec::StageSpec& congress,
                                                      sim::RandomStream& stream);
  // Where the standby appointees of each quota group begin among the list's people.
  struct Standby {
    std::size_t women_from = 0;
    std::size_t youth_from = 0;
  };
  // Appointees of each group the congress may name when no candidate of the group is left.
  Standby add_standby(const spec::StageSpec& congress, std::size_t places, sim::RandomStream& stream,
                      std::vector<Nominee>& people, std::vector<rules::ListCandidate>& pool);
  void warn_of_standby(const std::vector<rules::ListCandidate>& list, const Standby& standby,
                       const QuotaSite& site);
  // The stage held in the list's phase (the congress), if any.
  [[nodiscard]] std::optional<std::size_t> list_stage() const;
  // A leadership appointee of the given group; each gets a number of its own.
  [[nodiscard]] Nominee appoint(sim::RandomStream& stream, bool woman, bool young);
  [[nodiscard]] rules::ListCandidate as_list_candidate(std::size_t index, const Nominee& n) const;

  const PrimaryWorld& world_;
  const sim::SimTime& online_close_;
  std::vector<Nominee> nominees_;
  std::vector<Nominee> list_;
  bool list_formed_ = false;
  bool list_waiting_ = false;  // the congress met before the last conference
  // Per conference stage: nominees each conference may confirm (empty until the first meets),
  // conferences still to meet, and those waiting for the previous stage to finish.
  std::vector<std::vector<std::uint64_t>> allotments_;
  std::vector<std::size_t> conferences_pending_;
  std::vector<std::vector<std::size_t>> deferred_;
  PlackettLuceSampler sampler_;  // scratch for delegates' ballots
  std::vector<double> utilities_;
  std::vector<std::uint32_t> ranking_;
  std::uint32_t appointees_ = 0;
  WarningLog warnings_;
};

}  // namespace primsim::models

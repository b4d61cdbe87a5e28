// The national LP: the party centre. It announces the calendar as it runs (suspensions and the
// new schedule included), hosts the online voting platform, decides extensions of voting, holds
// the conferences of the second stage on the primary winners, and forms the party list from
// those they confirm and the leadership's places.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "primsim/models/choice/plackett_luce_sampler.hpp"
#include "primsim/models/primary/complaint_desk.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/rules/list_formation.hpp"
#include "primsim/models/voting/online_platform.hpp"
#include "primsim/sim/lp_model.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::models {

// A candidate proposed to the national LP for the list.
struct Nominee {
  std::uint64_t key = 0;  // region << 32 | candidate id; leadership appointees have region 0xffff
  results::Gender gender = results::Gender::female;
  std::uint8_t age = 0;
  results::Route route = results::Route::self_nominated;
  bool incumbent = false;
  double score = 0.0;  // share of the points in the candidate's contest
  std::uint16_t branch = 0;
  std::uint8_t conferences = 0;  // conference stages that confirmed the nominee
  bool dropped = false;          // vetoed or not confirmed by a conference

  [[nodiscard]] std::uint16_t region() const { return static_cast<std::uint16_t>(key >> 32U); }
};

class NationalModel final : public sim::LpModel {
 public:
  static constexpr sim::RandomPurpose kListPurpose = 10;
  static constexpr sim::RandomPurpose kConferencePurpose = 11;      // keyed by stage and conference
  static constexpr sim::RandomPurpose kConferenceTimePurpose = 12;  // keyed by stage
  static constexpr sim::RandomPurpose kConferenceTiePurpose = 13;   // as kConferencePurpose
  static constexpr std::uint16_t kLeadershipRegion = 0xffff;

  explicit NationalModel(const PrimaryWorld& world);

  void init(sim::LpContext& context) override;
  void handle(const sim::Event& event, sim::LpContext& context) override;
  void finish(sim::LpContext& /*context*/) override {}

  [[nodiscard]] const OnlinePlatform* platform() const { return platform_.get(); }
  [[nodiscard]] double extension_hours() const { return extension_hours_; }
  // The online channel's close as it ended, extensions included.
  [[nodiscard]] sim::SimTime online_close() const { return online_close_; }
  // The list in place order (position 1 first); empty until formed.
  [[nodiscard]] const std::vector<Nominee>& list() const { return list_; }
  [[nodiscard]] const std::vector<Nominee>& nominees() const { return nominees_; }
  [[nodiscard]] const ComplaintDesk& complaint_desk() const { return complaint_desk_; }

 private:
  void announce_at(sim::SimTime when, sim::EventType type, std::uint64_t argument, sim::LpContext& context);
  void broadcast(sim::EventType type, sim::EventPayload payload, sim::LpContext& context);
  void decide_extension(sim::LpContext& context);
  void schedule_list(sim::LpContext& context);
  void form_list(sim::LpContext& context);
  void schedule_conferences(sim::LpContext& context);
  void hold_conference(std::size_t index, std::size_t conference, sim::LpContext& context);
  void allot_nominees(std::size_t index);
  // A conference that votes: its delegates' ranking of `ranked`, tallied by the stage's rule.
  [[nodiscard]] std::vector<rules::ListCandidate> delegates_vote(
      const spec::StageSpec& stage, const std::vector<rules::ListCandidate>& ranked,
      sim::RandomStream& stream, const sim::StreamKey& tie_key);
  [[nodiscard]] sim::SimTime last_nominee_arrival(const sim::LpContext& context) const;
  // A leadership appointee of the given group; each gets a key of its own.
  [[nodiscard]] Nominee appoint(sim::RandomStream& stream, bool woman, bool young);

  const PrimaryWorld& world_;
  std::unique_ptr<OnlinePlatform> platform_;
  sim::SimTime online_close_;
  std::int32_t extensions_ = 0;
  double extension_hours_ = 0.0;
  std::vector<Nominee> nominees_;
  std::vector<Nominee> list_;
  bool list_formed_ = false;
  ComplaintDesk complaint_desk_;
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
};

}  // namespace primsim::models

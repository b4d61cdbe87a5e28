// The national LP: the party centre. It announces the calendar as it runs (suspensions and the
// new schedule included), hosts the online voting platform, decides extensions of voting, and
// forms the party list from the primary winners and the leadership's places.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "primsim/models/primary/complaint_desk.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/models/results/result_rows.hpp"
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

  [[nodiscard]] std::uint16_t region() const { return static_cast<std::uint16_t>(key >> 32U); }
};

class NationalModel final : public sim::LpModel {
 public:
  static constexpr sim::RandomPurpose kListPurpose = 10;
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
  [[nodiscard]] Nominee appoint(sim::RandomStream& stream, bool woman, bool young, double score) const;

  const PrimaryWorld& world_;
  std::unique_ptr<OnlinePlatform> platform_;
  sim::SimTime online_close_;
  std::int32_t extensions_ = 0;
  double extension_hours_ = 0.0;
  std::vector<Nominee> nominees_;
  std::vector<Nominee> list_;
  bool list_formed_ = false;
  ComplaintDesk complaint_desk_;
};

}  // namespace primsim::models

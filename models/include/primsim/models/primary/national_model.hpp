// The national LP: the party centre. It announces the calendar as it runs (suspensions and the
// new schedule included), hosts the online voting platform, decides extensions of voting, and
// holds the second stage (conferences, congress and list: SecondStage) and the complaints desk.
#pragma once

#include <memory>

#include "primsim/models/primary/complaint_desk.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/models/primary/second_stage.hpp"
#include "primsim/models/voting/online_platform.hpp"
#include "primsim/sim/lp_model.hpp"

namespace primsim::models {

class NationalModel final : public sim::LpModel {
 public:
  explicit NationalModel(const PrimaryWorld& world);

  void init(sim::LpContext& context) override;
  void handle(const sim::Event& event, sim::LpContext& context) override;
  void finish(sim::LpContext& /*context*/) override {}

  [[nodiscard]] const OnlinePlatform* platform() const { return platform_.get(); }
  [[nodiscard]] double extension_hours() const { return extension_hours_; }
  // The online channel's close as it ended, extensions included.
  [[nodiscard]] sim::SimTime online_close() const { return online_close_; }
  // The conferences, the congress and the list.
  [[nodiscard]] const SecondStage& second_stage() const { return second_stage_; }
  [[nodiscard]] const ComplaintDesk& complaint_desk() const { return complaint_desk_; }

 private:
  void announce_at(sim::SimTime when, sim::EventType type, std::uint64_t argument, sim::LpContext& context);
  void broadcast(sim::EventType type, sim::EventPayload payload, sim::LpContext& context);
  void decide_extension(sim::LpContext& context);

  const PrimaryWorld& world_;
  std::unique_ptr<OnlinePlatform> platform_;
  sim::SimTime online_close_;
  std::int32_t extensions_ = 0;
  double extension_hours_ = 0.0;
  ComplaintDesk complaint_desk_;
  SecondStage second_stage_;
};

}  // namespace primsim::models

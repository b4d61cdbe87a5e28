// One logical process: a model instance (its state) plus what the engine tracks for it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "primsim/sim/lp_model.hpp"
#include "primsim/sim/strong_id.hpp"

namespace primsim::sim {

class LogicalProcess {
 public:
  LogicalProcess(LpId id, std::string name, std::unique_ptr<LpModel> model)
      : id_(id), name_(std::move(name)), model_(std::move(model)) {}

  [[nodiscard]] LpId id() const { return id_; }
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] LpModel& model() { return *model_; }
  [[nodiscard]] const LpModel& model() const { return *model_; }

  // The origin sequence number of the next event this LP schedules or sends.
  std::uint64_t take_sequence() { return next_sequence_++; }
  void count_committed() { ++committed_events_; }
  [[nodiscard]] std::uint64_t committed_events() const { return committed_events_; }

 private:
  LpId id_;
  std::string name_;
  std::unique_ptr<LpModel> model_;
  std::uint64_t next_sequence_ = 0;
  std::uint64_t committed_events_ = 0;
};

}  // namespace primsim::sim

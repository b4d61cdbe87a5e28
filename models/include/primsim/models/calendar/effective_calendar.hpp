// The calendar as it actually ran: the scenario's phases after every suspension and the new
// schedule announced after it (2020: suspended for COVID-19 in March, new dates announced 4 Jun).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "primsim/models/spec/calendar_spec.hpp"
#include "primsim/models/spec/disruption_spec.hpp"

namespace primsim::models {

class EffectiveCalendar {
 public:
  // A suspension leaves phases that ended before it alone. A phase in the new calendar gets its
  // announced window; any other phase still to come moves by (announced - at), and a phase that
  // was running resumes at the announcement with its end moved by the same amount.
  EffectiveCalendar(const spec::CalendarSpec& calendar, const spec::DisruptionsSpec& disruptions);

  [[nodiscard]] const std::vector<spec::PhaseSpec>& phases() const { return phases_; }
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const;
  // The first phase of this kind in time order, if any.
  [[nodiscard]] std::optional<std::size_t> first_of(spec::PhaseKind kind) const;

 private:
  std::vector<spec::PhaseSpec> phases_;
};

}  // namespace primsim::models

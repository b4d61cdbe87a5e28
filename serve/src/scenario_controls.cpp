// Builds the classroom page's controls from the scenario itself, so that every preset gets the
// controls its own stages, channels and offices call for.
#include "primsim/serve/scenario_controls.hpp"

#include <algorithm>
#include <cstddef>

#include <fmt/format.h>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/models/spec/selection_spec.hpp"
#include "primsim/models/spec/voting_spec.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::serve {

namespace {

namespace spec = models::spec;

std::string number_text(double value) {
  std::string text = fmt::format("{:.4f}", value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string kind_name(ControlKind kind) {
  switch (kind) {
    case ControlKind::choice:
      return "choice";
    case ControlKind::whole_number:
      return "whole_number";
    case ControlKind::share:
      return "share";
  }
  return "choice";
}

}  // namespace

std::vector<Control> scenario_controls(const scenarios::LoadedScenario& loaded) {
  const spec::ScenarioSpec& scenario = loaded.spec;
  std::vector<Control> controls;

  const auto vote =
      std::find_if(scenario.selection.stages.begin(), scenario.selection.stages.end(),
                   [](const spec::StageSpec& stage) { return stage.method == spec::SelectionMethod::vote; });
  if (vote != scenario.selection.stages.end()) {
    const std::string stage = "selection.stages." + vote->name;
    const std::string indexed = fmt::format(
        "selection.stages[{}]", static_cast<std::size_t>(vote - scenario.selection.stages.begin()));
    Control selectorate{.key = stage + ".selectorate.kind",
                        .indexed_key = indexed + ".selectorate.kind",
                        .group = "selectorate",
                        .label = fmt::format("Who selects in {}", vote->name),
                        .help = "From every registered voter (open) to the party leader alone (closed).",
                        .kind = ControlKind::choice,
                        .value = std::string(spec::name_of(vote->selectorate.kind))};
    for (const auto name : spec::kSelectorateKindNames) selectorate.options.emplace_back(name);
    controls.push_back(std::move(selectorate));

    Control rule{
        .key = stage + ".rule.kind",
        .group = "rule",
        .label = fmt::format("Rule that counts the votes of {}", vote->name),
        .help = "How ballots become winners: plurality counts first choices, Borda ranks, STV transfers.",
        .kind = ControlKind::choice,
        .value = std::string(spec::name_of(vote->rule.kind))};
    for (const auto name : spec::kRuleKindNames) {
      if (name != spec::name_of(spec::RuleKind::appointment)) rule.options.emplace_back(name);
    }
    controls.push_back(std::move(rule));
  }

  for (std::size_t s = 0; s < scenario.selection.stages.size(); ++s) {
    const spec::StageSpec& stage = scenario.selection.stages[s];
    for (std::size_t i = 0; i < stage.rule.quotas.size(); ++i) {
      const spec::QuotaSpec& quota = stage.rule.quotas[i];
      const std::string group(spec::name_of(quota.group));
      controls.push_back(Control{
          .key = fmt::format("selection.stages.{}.rule.quotas[{}].min_share", stage.name, i),
          .indexed_key = fmt::format("selection.stages[{}].rule.quotas[{}].min_share", s, i),
          .group = "quotas",
          .label = fmt::format("Quota for {} at {} (least share of places)", group, stage.name),
          .help = "A share such as 0.3: at least this share of the places the stage fills go to the group.",
          .kind = ControlKind::share,
          .value = number_text(quota.min_share),
          .min = 0,
          .max = 1,
          .step = 0.05});
    }
  }

  for (const spec::ChannelSpec& channel : scenario.voting.channels) {
    if (channel.kind != spec::ChannelKind::online) continue;
    controls.push_back(
        Control{.key = fmt::format("voting.channels.{}.capacity", channel.name),
                .group = "platform",
                .label = fmt::format("Capacity of the {} platform (sessions at once)", channel.name),
                .help = "Logins above this many at once fail; voters retry later or give up.",
                .kind = ControlKind::whole_number,
                .value = std::to_string(channel.capacity),
                .min = 1,
                .max = 1e9,
                .step = 1});
  }

  for (const spec::OfficeSpec& office : scenario.candidacy.offices) {
    controls.push_back(
        Control{.key = fmt::format("candidacy.offices.{}.places", office.name),
                .group = "places",
                .label = fmt::format("Places for {}", office.name),
                .help = office.contest_level == spec::TerritorialLevel::national
                            ? "The length of the party list."
                            : "Seats filled by the office's contests, shared among them by members.",
                .kind = ControlKind::whole_number,
                .value = std::to_string(office.places),
                .min = 1,
                .max = 1e6,
                .step = 1});
  }
  return controls;
}

nlohmann::json controls_json(const std::vector<Control>& controls) {
  nlohmann::json out = nlohmann::json::array();
  for (const Control& control : controls) {
    nlohmann::json entry{{"key", control.key},   {"group", control.group},          {"label", control.label},
                         {"help", control.help}, {"kind", kind_name(control.kind)}, {"value", control.value}};
    if (control.kind == ControlKind::choice) {
      entry["options"] = control.options;
    } else {
      entry["min"] = control.min;
      entry["max"] = control.max;
      entry["step"] = control.step;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::vector<std::string> overrides_for(const std::vector<Control>& controls, const nlohmann::json& values) {
  if (!values.is_object()) throw sim::InputError("the request's values: expected an object of key paths");
  for (const auto& [key, value] : values.items()) {
    const bool known =
        std::any_of(controls.begin(), controls.end(), [&](const Control& c) { return c.key == key; });
    if (!known) throw sim::InputError(fmt::format("{}: not a control of this page", key));
    if (!value.is_string()) throw sim::InputError(fmt::format("{}: expected the value as text", key));
  }
  std::vector<std::string> overrides;
  for (const Control& control : controls) {
    const auto found = values.find(control.key);
    if (found == values.end()) continue;
    const std::string text = found->get<std::string>();
    if (text == control.value) continue;
    overrides.push_back(control.key + "=" + text);
  }
  return overrides;
}

}  // namespace primsim::serve

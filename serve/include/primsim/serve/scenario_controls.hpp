// The controls of the classroom page, generated from a loaded scenario: each is one `--set` key
// path with the scenario's current value and what the loader allows there, so that the page
// needs no knowledge of the scenario language.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "primsim/scenarios/scenario_loader.hpp"

namespace primsim::serve {

enum class ControlKind { choice, whole_number, share };

struct Control {
  std::string key{};  // the --set key path, e.g. voting.channels.online.capacity
  // The same path with list items by index, as the loader's messages name them
  // (selection.stages[0].rule.kind); empty when it has no list item.
  std::string indexed_key{};
  std::string group{};  // the fieldset it belongs in: selectorate, rule, quotas, platform, places
  std::string label{};
  std::string help{};  // one sentence a student reads beside the control
  ControlKind kind = ControlKind::choice;
  std::string value{};                 // the scenario's value, as --set would write it
  std::vector<std::string> options{};  // for a choice
  double min = 0;                      // for numbers
  double max = 0;
  double step = 1;
};

// The selectorate and rule of the members' vote (the first `vote` stage), every quota of every
// stage, each online channel's capacity and each office's places.
std::vector<Control> scenario_controls(const scenarios::LoadedScenario& loaded);

nlohmann::json controls_json(const std::vector<Control>& controls);

// The `--set` strings for the values a page sent ({"key.path": "text", ...}), in the controls'
// order, leaving out values equal to the scenario's; a key that is no control is an input error
// (sim::InputError), since the page only sends its own controls.
std::vector<std::string> overrides_for(const std::vector<Control>& controls, const nlohmann::json& values);

}  // namespace primsim::serve

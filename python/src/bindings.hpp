// The parts of primsim._core, each bound by a file of its own and gathered by core_module.cpp.
#pragma once

#include <pybind11/pybind11.h>

namespace primsim::python {

// C++ input errors become primsim.InputError / primsim.ScenarioError, with the CLI's message.
void register_error_translation();
// LoadedScenario and load_scenario.
void bind_scenarios(pybind11::module_& module);
// The counting rules of `primsim tally` and `primsim allocate`.
void bind_rules(pybind11::module_& module);
// One ensemble run into a file, with progress and Ctrl-C.
void bind_run(pybind11::module_& module);

}  // namespace primsim::python

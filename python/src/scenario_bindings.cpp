// A loaded scenario as Python sees it: loaded and validated once, then run as often as wanted.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace py = pybind11;

namespace primsim::python {

void bind_scenarios(py::module_& module) {
  using scenarios::LoadedScenario;
  py::class_<LoadedScenario, std::shared_ptr<LoadedScenario>>(module, "LoadedScenario")
      .def_property_readonly("name", [](const LoadedScenario& s) { return s.spec.name; })
      .def_property_readonly("resolved_yaml", [](const LoadedScenario& s) { return s.resolved_yaml; })
      .def_property_readonly("files",
                             [](const LoadedScenario& s) {
                               std::vector<std::string> files;
                               for (const auto& file : s.files) files.push_back(file.string());
                               return files;
                             })
      .def_property_readonly("notes", [](const LoadedScenario& s) { return s.notes; })
      .def_property_readonly("points", [](const LoadedScenario& s) { return s.grid.size(); })
      .def_property_readonly("parties", [](const LoadedScenario& s) { return s.spec.parties.size(); })
      .def_property_readonly("default_replicates",
                             [](const LoadedScenario& s) { return s.spec.ensemble.replicates; })
      .def_property_readonly("default_seed", [](const LoadedScenario& s) { return s.spec.ensemble.seed; });

  module.def(
      "load_scenario",
      [](const std::string& path, const std::vector<std::string>& overrides) {
        // Loading a large preset takes a moment; other Python threads may run meanwhile.
        py::gil_scoped_release release;
        return std::make_shared<LoadedScenario>(scenarios::load_scenario(path, overrides));
      },
      py::arg("path"), py::arg("overrides") = std::vector<std::string>{},
      "Reads and validates a scenario file with its extends chain and key.path=value overrides.");
}

}  // namespace primsim::python

// primsim._core: the compiled half of `import primsim`. The pure-Python package (python/primsim)
// turns what it returns into DataFrames; every rule and every check stays in the C++ libraries.
#include "bindings.hpp"

PYBIND11_MODULE(_core, module) {
  module.doc() = "primsim's C++ libraries: scenarios, counting rules and ensemble runs";
  primsim::python::register_error_translation();
  primsim::python::bind_scenarios(module);
  primsim::python::bind_rules(module);
  primsim::python::bind_run(module);
}

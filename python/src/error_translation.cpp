// Bad input raises the Python classes of primsim/_errors.py, built from the message the CLI
// prints, so that a notebook user reads the same words and gets the file, line, column and key.
#include <exception>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "primsim/scenarios/scenario_error.hpp"
#include "primsim/sim/input_error.hpp"

namespace py = pybind11;

namespace primsim::python {
namespace {

void raise_python(const char* class_name, const std::string& message, const std::vector<std::string>& lines) {
  const py::object error_class = py::module_::import("primsim._errors").attr(class_name);
  const py::object error = error_class(message, lines);
  PyErr_SetObject(error_class.ptr(), error.ptr());
}

}  // namespace

void register_error_translation() {
  py::register_exception_translator([](std::exception_ptr pending) {
    try {
      if (pending) std::rethrow_exception(pending);
    } catch (const scenarios::ScenarioError& error) {
      raise_python("ScenarioError", error.what(), error.lines());
    } catch (const sim::InputError& error) {
      raise_python("InputError", error.what(), {error.what()});
    }
  });
}

}  // namespace primsim::python

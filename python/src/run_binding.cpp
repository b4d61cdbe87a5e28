// primsim.run's C++ half: one ensemble run into a file, with progress and Ctrl-C. The ensemble
// runs on a thread of its own without the GIL; the calling thread wakes on each finished
// replicate (or every 100 ms), reports progress to Python and checks for signals, since Python
// runs its signal handlers only there. A KeyboardInterrupt stops the run through its stop token,
// waits for the replicates in flight, and is raised once the run has ended.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include <pybind11/stl.h>

#include "bindings.hpp"
#include "primsim/ensemble/ensemble_run.hpp"
#include "primsim/ensemble/local_world.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace py = pybind11;

namespace primsim::python {
namespace {

// What the ensemble's workers tell the calling thread.
struct RunMailbox {
  std::mutex mutex;
  std::condition_variable wake;
  ensemble::Progress latest;
  bool changed = false;
  bool finished = false;
};

const char* status_name(ensemble::RunStatus status) {
  switch (status) {
    case ensemble::RunStatus::completed:
      return "completed";
    case ensemble::RunStatus::already_complete:
      return "already_complete";
    case ensemble::RunStatus::interrupted:
      return "interrupted";
    case ensemble::RunStatus::failed_elsewhere:
      return "failed_elsewhere";
  }
  return "unknown";
}

py::dict run_ensemble(const scenarios::LoadedScenario& loaded, const std::string& output, std::uint64_t seed,
                      std::uint32_t replicates, std::size_t threads, const std::string& command_line,
                      const py::object& progress) {
  ensemble::RunPlan plan = ensemble::plan_run(loaded, seed, replicates, command_line);
  std::stop_source stop;
  RunMailbox mailbox;
  ensemble::RunControl control;
  control.threads = threads;
  control.quiet = true;
  control.handle_signals = false;
  control.stop = stop.get_token();
  control.progress = [&mailbox](const ensemble::Progress& now) {
    {
      const std::lock_guard lock(mailbox.mutex);
      mailbox.latest = now;
      mailbox.changed = true;
    }
    mailbox.wake.notify_one();
  };

  const ensemble::LocalWorld world;
  ensemble::RunOutcome outcome;
  std::exception_ptr failure;
  std::thread worker([&] {
    try {
      outcome = ensemble::run_ensemble(loaded, plan, output, world, control);
    } catch (...) {
      failure = std::current_exception();
    }
    {
      const std::lock_guard lock(mailbox.mutex);
      mailbox.finished = true;
    }
    mailbox.wake.notify_one();
  });

  // A Python exception (KeyboardInterrupt, or one the progress callback raised) stops the run;
  // it is raised after the worker has ended, so that no thread still writes the file.
  std::optional<py::error_already_set> python_error;
  std::exception_ptr host_failure;
  ensemble::Progress shown;
  try {
    for (;;) {
      bool finished = false;
      bool changed = false;
      {
        const py::gil_scoped_release release;
        std::unique_lock lock(mailbox.mutex);
        mailbox.wake.wait_for(lock, std::chrono::milliseconds(100),
                              [&] { return mailbox.finished || mailbox.changed; });
        finished = mailbox.finished;
        changed = mailbox.changed;
        mailbox.changed = false;
        shown = mailbox.latest;
      }
      if (finished) break;
      if (changed && !progress.is_none()) progress(shown.done, shown.total, shown.events);
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
    }
  } catch (py::error_already_set& error) {
    python_error.emplace(std::move(error));
    stop.request_stop();
  } catch (...) {
    host_failure = std::current_exception();
    stop.request_stop();
  }
  {
    const py::gil_scoped_release release;
    worker.join();
  }
  if (python_error) throw std::move(*python_error);
  if (host_failure) std::rethrow_exception(host_failure);
  if (failure) std::rethrow_exception(failure);

  py::dict result;
  result["status"] = status_name(outcome.status);
  result["events"] = outcome.events;
  result["seconds"] = outcome.seconds;
  result["done"] = mailbox.latest.done;
  result["total"] = mailbox.latest.total;
  return result;
}

}  // namespace

void bind_run(py::module_& module) {
  module.def("run_ensemble", &run_ensemble, py::arg("scenario"), py::arg("output"), py::arg("seed"),
             py::arg("replicates"), py::arg("threads"), py::arg("command_line"), py::arg("progress"),
             "Runs the scenario's ensemble into `output` (a path in a folder of the caller's).");
}

}  // namespace primsim::python

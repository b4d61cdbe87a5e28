// The classroom page's JSON API without the HTTP around it: the scenario's controls and the
// unchanged run, students' runs through one queue, their status and results, and Cancel. Every
// reply is a status code and a JSON body, so that tests call it directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/serve/job_queue.hpp"
#include "primsim/serve/scenario_controls.hpp"

namespace primsim::output {
class RunFile;
}

namespace primsim::serve {

struct ClassroomSettings {
  std::filesystem::path scenario{};
  std::uint32_t replicates = 4;
  std::optional<std::uint64_t> seed{};  // the scenario's ensemble.seed unless set
  std::size_t threads = 0;              // 0: every core
  std::size_t keep_finished = 64;       // finished jobs whose results a page may still fetch
};

struct Reply {
  int status = 200;
  nlohmann::json body;
};

class ClassroomApi {
 public:
  // Loads the scenario (sim::InputError, as `primsim run` gives it, when it is bad) and runs it
  // unchanged, the baseline every student's run is compared with, in a private temporary folder.
  explicit ClassroomApi(ClassroomSettings settings);
  ClassroomApi(const ClassroomApi&) = delete;
  ClassroomApi& operator=(const ClassroomApi&) = delete;
  // Cancels the jobs and removes the temporary folder.
  ~ClassroomApi();

  // GET /api/scenario: name, description, replicates, seed, the controls and the baseline's view.
  [[nodiscard]] Reply scenario() const;
  // POST /api/runs with {"values": {"key.path": "text", ...}}: 202 and the job's id, or 400 with
  // the loader's messages, each under the control it concerns, exactly as the CLI prints them.
  Reply submit(const nlohmann::json& request);
  // GET /api/runs/ID: its state, its place in the queue, progress, and when done its results.
  [[nodiscard]] Reply job(std::uint64_t id) const;
  // POST /api/runs/ID/cancel.
  Reply cancel(std::uint64_t id);

  [[nodiscard]] const std::filesystem::path& work_directory() const { return work_directory_; }

 private:
  ClassroomSettings settings_;
  std::uint64_t seed_ = 0;
  std::filesystem::path work_directory_;
  scenarios::LoadedScenario loaded_;
  std::vector<Control> controls_;
  std::unique_ptr<output::RunFile> baseline_;  // read only by the queue's worker once it runs
  nlohmann::json baseline_view_;
  std::uint64_t runs_started_ = 0;   // touched by the queue's worker only
  std::unique_ptr<JobQueue> queue_;  // last: its worker stops before the members above go
};

}  // namespace primsim::serve

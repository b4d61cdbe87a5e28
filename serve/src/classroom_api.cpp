// The classroom API: a student's values become `--set` overrides checked by the scenario loader,
// then a queued job runs them with the baseline's seed and compares the two run by run.
#include "primsim/serve/classroom_api.hpp"

#include <cstdlib>
#include <string>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "primsim/output/run_file.hpp"
#include "primsim/scenarios/scenario_error.hpp"
#include "primsim/serve/replicate_runner.hpp"
#include "primsim/serve/run_view.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::serve {

namespace {

std::filesystem::path make_work_directory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "primsim-serve-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "cannot create a temporary folder for the runs");
  }
  return pattern;
}

std::string quoted(const std::string& text) {
  if (text.find_first_of(" '\"$`\\!*?[](){}<>|&;") == std::string::npos) return text;
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The command a student would type for the same run: the page shows it, and the messages of a
// bad value are this command's.
std::string command_line(const ClassroomSettings& settings, std::uint64_t seed,
                         const std::vector<std::string>& overrides) {
  std::string line = fmt::format("primsim run {} -o run.h5 --replicates {} --seed {}",
                                 quoted(settings.scenario.string()), settings.replicates, seed);
  for (const std::string& set : overrides) line += " --set " + quoted(set);
  return line;
}

// The control a loader message concerns: the N-th override of a `--set:N:COL:` message, else the
// changed control whose key path the message names, else a changed control beside the key it
// names (a delegates selectorate without a size concerns the selectorate's kind).
std::string control_of(const std::string& line, const std::vector<std::string>& overrides,
                       const std::vector<Control>& controls) {
  if (line.rfind("--set:", 0) == 0) {
    const std::size_t number = std::strtoul(line.c_str() + 6, nullptr, 10);
    if (number >= 1 && number <= overrides.size()) {
      const std::string& set = overrides[number - 1];
      return set.substr(0, set.find('='));
    }
  }
  std::vector<const Control*> changed;
  for (const std::string& set : overrides) {
    const std::string key = set.substr(0, set.find('='));
    for (const Control& control : controls) {
      if (control.key == key) changed.push_back(&control);
    }
  }
  const auto names = [&line](const std::string& path, const std::string& after) {
    return !path.empty() && line.find(" " + path + after) != std::string::npos;
  };
  const auto parent = [](const std::string& path) { return path.substr(0, path.rfind('.')); };
  for (const Control* control : changed) {
    if (names(control->key, ":") || names(control->indexed_key, ":")) return control->key;
  }
  for (const Control* control : changed) {
    if (names(parent(control->key), ".") ||
        (!control->indexed_key.empty() && names(parent(control->indexed_key), "."))) {
      return control->key;
    }
  }
  return {};
}

}  // namespace

ClassroomApi::ClassroomApi(ClassroomSettings settings)
    : settings_(std::move(settings)), loaded_(scenarios::load_scenario(settings_.scenario)) {
  if (settings_.replicates < 2) {
    throw sim::InputError(
        fmt::format("--replicates: expected a whole number of at least 2 (an interval needs two "
                    "pairs), found {}",
                    settings_.replicates));
  }
  if (!loaded_.grid.front().assignments.empty() || loaded_.grid.size() > 1) {
    throw sim::InputError(
        fmt::format("{}: a scenario with a sweep: block cannot be served; the page runs one "
                    "scenario at a time",
                    settings_.scenario.string()));
  }
  seed_ = settings_.seed.value_or(loaded_.spec.ensemble.seed);
  controls_ = scenario_controls(loaded_);
  work_directory_ = make_work_directory();
  try {
    const std::filesystem::path baseline = work_directory_ / "unchanged.h5";
    run_replicates(loaded_, seed_, settings_.replicates, settings_.threads, baseline, {}, {},
                   command_line(settings_, seed_, {}));
    baseline_ = std::make_unique<output::RunFile>(output::RunFile::open(baseline));
    baseline_view_ = run_view(*baseline_, loaded_.spec);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove_all(work_directory_, ignored);
    throw;
  }
  queue_ = std::make_unique<JobQueue>(settings_.keep_finished);
}

ClassroomApi::~ClassroomApi() {
  queue_.reset();
  baseline_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(work_directory_, ignored);
}

Reply ClassroomApi::scenario() const {
  return {200,
          {{"name", loaded_.spec.name},
           {"description", loaded_.spec.description},
           {"file", settings_.scenario.string()},
           {"replicates", settings_.replicates},
           {"seed", seed_},
           {"command", command_line(settings_, seed_, {})},
           {"controls", controls_json(controls_)},
           {"unchanged", baseline_view_}}};
}

Reply ClassroomApi::submit(const nlohmann::json& request) {
  std::vector<std::string> overrides;
  try {
    if (!request.is_object() || !request.contains("values")) {
      throw sim::InputError("the request: expected {\"values\": {\"key.path\": \"value\", ...}}");
    }
    overrides = overrides_for(controls_, request.at("values"));
  } catch (const sim::InputError& error) {
    return {400, {{"message", std::string("primsim: ") + error.what()}, {"errors", nlohmann::json::array()}}};
  }
  const std::string command = command_line(settings_, seed_, overrides);
  auto loaded = std::make_shared<scenarios::LoadedScenario>();
  try {
    *loaded = scenarios::load_scenario(settings_.scenario, overrides);
  } catch (const scenarios::ScenarioError& error) {
    nlohmann::json errors = nlohmann::json::array();
    for (const std::string& line : error.lines()) {
      errors.push_back({{"key", control_of(line, overrides, controls_)}, {"message", line}});
    }
    return {400,
            {{"message", std::string("primsim: ") + error.what()}, {"errors", errors}, {"command", command}}};
  } catch (const sim::InputError& error) {
    return {400,
            {{"message", std::string("primsim: ") + error.what()},
             {"errors", nlohmann::json::array()},
             {"command", command}}};
  }

  const std::uint64_t id = queue_->submit(
      [this, loaded, command](std::stop_token stop, const std::function<void(JobProgress)>& progress) {
        // Each job's file has a name of its own, so a cancelled or failed job leaves nothing behind
        // for the next one; the file is gone once read.
        const std::filesystem::path path = work_directory_ / fmt::format("run-{}.h5", ++runs_started_);
        nlohmann::json result;
        try {
          if (!run_replicates(*loaded, seed_, settings_.replicates, settings_.threads, path, stop, progress,
                              command)) {
            std::error_code ignored;
            std::filesystem::remove(path, ignored);
            return result;
          }
          const output::RunFile run = output::RunFile::open(path);
          result = {{"run", run_view(run, loaded->spec)}, {"comparison", comparison_view(*baseline_, run)}};
        } catch (...) {
          std::error_code ignored;
          std::filesystem::remove(path, ignored);
          throw;
        }
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        return result;
      });
  return {202, {{"job", id}, {"command", command}}};
}

Reply ClassroomApi::job(std::uint64_t id) const {
  const auto status = queue_->status(id);
  if (!status)
    return {404, {{"message", fmt::format("no run {} (finished runs are kept for a while only)", id)}}};
  nlohmann::json body{{"job", id},
                      {"state", state_name(status->state)},
                      {"ahead", status->ahead},
                      {"done", status->progress.done},
                      {"total", status->progress.total == 0 ? settings_.replicates : status->progress.total},
                      {"seconds", status->seconds}};
  if (status->state == JobState::failed) body["message"] = "primsim: error: " + status->error;
  if (status->state == JobState::done) body["result"] = status->result;
  return {200, body};
}

Reply ClassroomApi::cancel(std::uint64_t id) {
  if (!queue_->cancel(id)) {
    const auto status = queue_->status(id);
    if (!status) return {404, {{"message", fmt::format("no run {}", id)}}};
    return {409, {{"message", fmt::format("run {} has already ended ({})", id, state_name(status->state))}}};
  }
  return job(id);
}

}  // namespace primsim::serve

// The ensemble library as Python and the classroom server call it: progress reaches the host one
// replicate at a time, a stop request leaves a resumable partial file and no results file, the
// resumed run equals an uninterrupted one, and a contradictory request is refused up front.
#include <atomic>
#include <filesystem>
#include <stop_token>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/ensemble/ensemble_run.hpp"
#include "primsim/ensemble/local_world.hpp"
#include "primsim/output/run_file.hpp"
#include "primsim/output/run_paths.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/input_error.hpp"

namespace {

namespace fs = std::filesystem;
using namespace primsim;

fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("primsim_ensemble_run_" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

scenarios::LoadedScenario small_scenario() {
  return scenarios::load_scenario(PRIMSIM_SMALL_SCENARIO, {"ensemble.replicates=4"});
}

ensemble::RunControl quiet_control() {
  ensemble::RunControl control;
  control.threads = 2;
  control.quiet = true;
  control.handle_signals = false;
  return control;
}

std::vector<models::results::SummaryRow> summary_of(const fs::path& file) {
  return output::RunFile::open(file).summary();
}

// A world of two ranks, seen from rank 1, without MPI.
class TwoRankWorld final : public ensemble::World {
 public:
  [[nodiscard]] int rank() const override { return 1; }
  [[nodiscard]] int size() const override { return 2; }
  [[nodiscard]] bool all(bool mine) const override { return mine; }
  [[nodiscard]] std::uint64_t sum(std::uint64_t mine) const override { return mine; }
};

}  // namespace

TEST_CASE("progress reaches the host once per replicate, in order, up to the whole block", "[ensemble]") {
  const auto loaded = small_scenario();
  const fs::path folder = fresh_folder("progress");
  ensemble::RunPlan plan = ensemble::plan_run(loaded, 11, 4, "test");
  ensemble::RunControl control = quiet_control();
  std::vector<ensemble::Progress> seen;
  control.progress = [&](const ensemble::Progress& progress) { seen.push_back(progress); };
  const ensemble::RunOutcome outcome =
      ensemble::run_ensemble(loaded, plan, folder / "out.h5", ensemble::LocalWorld(), control);
  REQUIRE(outcome.status == ensemble::RunStatus::completed);
  REQUIRE(seen.size() == 5);  // the start, then one per replicate
  for (std::size_t i = 0; i < seen.size(); ++i) {
    CHECK(seen[i].done == i);
    CHECK(seen[i].total == 4);
    CHECK(seen[i].resumed == 0);
  }
  CHECK(seen.back().events == outcome.events);
  CHECK(outcome.events > 0);
  CHECK(output::RunFile::open(folder / "out.h5").replicate_count() == 4);
  CHECK_FALSE(fs::exists(output::partial_path(folder / "out.h5")));
}

TEST_CASE("a stop request saves the finished replicates, and resuming gives the uninterrupted run",
          "[ensemble]") {
  const auto loaded = small_scenario();
  const fs::path folder = fresh_folder("stop");
  const fs::path whole = folder / "whole.h5";
  {
    ensemble::RunPlan plan = ensemble::plan_run(loaded, 11, 4, "test");
    REQUIRE(ensemble::run_ensemble(loaded, plan, whole, ensemble::LocalWorld(), quiet_control()).status ==
            ensemble::RunStatus::completed);
  }

  const fs::path stopped = folder / "stopped.h5";
  std::stop_source stop;
  ensemble::RunControl control = quiet_control();
  control.threads = 1;
  control.stop = stop.get_token();
  control.progress = [&](const ensemble::Progress& progress) {
    if (progress.done == 2) stop.request_stop();
  };
  ensemble::RunPlan plan = ensemble::plan_run(loaded, 11, 4, "test");
  const ensemble::RunOutcome outcome =
      ensemble::run_ensemble(loaded, plan, stopped, ensemble::LocalWorld(), control);
  REQUIRE(outcome.status == ensemble::RunStatus::interrupted);
  CHECK(outcome.saved == 2);
  CHECK(outcome.partial == output::partial_path(stopped));
  CHECK(fs::exists(outcome.partial));
  CHECK_FALSE(fs::exists(stopped));

  ensemble::RunControl resume = quiet_control();
  resume.resume = true;
  std::vector<ensemble::Progress> seen;
  resume.progress = [&](const ensemble::Progress& progress) { seen.push_back(progress); };
  ensemble::RunPlan again = ensemble::plan_run(loaded, 11, 4, "test");
  REQUIRE(ensemble::run_ensemble(loaded, again, stopped, ensemble::LocalWorld(), resume).status ==
          ensemble::RunStatus::completed);
  REQUIRE_FALSE(seen.empty());
  CHECK(seen.front().resumable == 2);
  CHECK(seen.back().done == 4);
  CHECK(seen.back().resumed == 2);
  CHECK(summary_of(stopped) == summary_of(whole));

  ensemble::RunPlan finished = ensemble::plan_run(loaded, 11, 4, "test");
  CHECK(ensemble::run_ensemble(loaded, finished, stopped, ensemble::LocalWorld(), resume).status ==
        ensemble::RunStatus::already_complete);
}

TEST_CASE("an explicit shard under several ranks is refused before any work", "[ensemble]") {
  const auto loaded = small_scenario();
  const fs::path folder = fresh_folder("shard");
  ensemble::RunPlan plan = ensemble::plan_run(loaded, 11, 4, "test");
  ensemble::RunControl control = quiet_control();
  control.shard = output::Shard{0, 2};
  CHECK_THROWS_AS(ensemble::run_ensemble(loaded, plan, folder / "out.h5", TwoRankWorld(), control),
                  sim::InputError);
  CHECK(fs::is_empty(folder));
}

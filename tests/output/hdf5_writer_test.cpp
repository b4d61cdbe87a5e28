// The results file round trip: what the writer is given is what the reader gives back, rows in
// replicate order whatever the publishing order, and nothing at the requested path until the
// run is complete.
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/run_file.hpp"
#include "sample_run.hpp"

namespace fs = std::filesystem;
using primsim::output::Hdf5Writer;
using primsim::output::OutputFileError;
using primsim::output::RunFile;
using namespace primsim::models::results;

namespace {

fs::path fresh_folder(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("primsim_output_test_" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

template <class Row>
void append(std::vector<Row>& all, const std::vector<Row>& rows) {
  all.insert(all.end(), rows.begin(), rows.end());
}

}  // namespace

TEST_CASE("a written run reads back unchanged, in replicate order", "[output]") {
  const fs::path folder = fresh_folder("round_trip");
  const fs::path path = folder / "run.h5";
  primsim::output::RunInfo info = primsim::test::sample_run_info(7, 3);
  info.scenario_yaml = "name: round trip\nregions: [\"Nur-Sultan\", \"Шымкент\"]\n";
  std::vector<ReplicateResults> replicates;
  for (std::uint32_t r = 0; r < 3; ++r) replicates.push_back(primsim::test::sample_replicate(7, r));
  replicates[1].democracy.front().turnover = 0.25;
  replicates[2].democracy.front().turnover = std::numeric_limits<double>::quiet_NaN();  // no previous list
  for (std::uint32_t r : {1U, 2U}) primsim::test::add_sample_warnings(replicates[r]);

  {
    Hdf5Writer writer(path, info);
    for (std::uint32_t r : {2U, 0U, 1U}) writer.publish(replicates[r]);
    REQUIRE(fs::exists(writer.temporary_path()));
    REQUIRE_FALSE(fs::exists(path));
    writer.finish("2026-01-01T00:05:00Z");
    REQUIRE_FALSE(fs::exists(writer.temporary_path()));
  }
  REQUIRE(fs::exists(path));

  const RunFile run = RunFile::open(path);
  CHECK(run.schema_version() == 5);
  CHECK(run.info().program_version == info.program_version);
  CHECK(run.info().scenario_name == info.scenario_name);
  CHECK(run.info().scenario_yaml == info.scenario_yaml);
  CHECK(run.info().seed == 7);
  CHECK(run.info().replicates == 3);
  CHECK(run.info().command_line == info.command_line);
  CHECK(run.info().start_time == info.start_time);
  CHECK(run.info().epoch == info.epoch);
  CHECK(run.info().region_names == info.region_names);
  CHECK(run.info().party_names == info.party_names);
  CHECK(run.info().office_names == info.office_names);
  CHECK(run.info().selection_stage_names == info.selection_stage_names);
  CHECK(run.end_time() == "2026-01-01T00:05:00Z");

  std::vector<SummaryRow> summary;
  std::vector<FunnelRow> funnel;
  std::vector<TurnoutRow> turnout;
  std::vector<PlatformRow> platform;
  std::vector<ListRow> list;
  std::vector<DemocracyRow> democracy;
  std::vector<CandidateRow> candidates;
  std::vector<WarningRow> warnings;
  for (const ReplicateResults& r : replicates) {
    append(summary, r.summary);
    append(funnel, r.funnel);
    append(turnout, r.turnout);
    append(platform, r.platform);
    append(list, r.list);
    append(democracy, r.democracy);
    append(candidates, r.candidates);
    append(warnings, r.warnings);
  }
  CHECK(run.summary() == summary);
  CHECK(run.funnel() == funnel);
  CHECK(run.turnout() == turnout);
  CHECK(run.platform() == platform);
  CHECK(run.list() == list);
  REQUIRE(candidates.size() > 3 * 126);
  CHECK(run.candidates() == candidates);
  REQUIRE(warnings.size() == 3);  // replicate 1: two kinds, replicate 2: one
  CHECK(run.warnings() == warnings);
  // A row per replicate and office; NaN (a yardstick not measured) never equals itself.
  const std::vector<DemocracyRow> read = run.democracy();
  REQUIRE(read.size() == 6);
  for (std::size_t i = 0; i < read.size(); ++i) {
    DemocracyRow expected = democracy[i];
    DemocracyRow actual = read[i];
    CHECK(std::isnan(actual.turnover) == std::isnan(expected.turnover));
    expected.turnover = actual.turnover = 0.0;
    CHECK(actual == expected);
  }
  CHECK(read[2].turnover == 0.25);
  CHECK(read[2].office == 0);
  CHECK(read[3].office == 1);
  CHECK(read[0].places_leadership == 49);
}

TEST_CASE("the writer stamps every row with its replicate", "[output]") {
  const fs::path path = fresh_folder("stamp") / "run.h5";
  ReplicateResults results;
  results.replicate = 4;
  results.summary.push_back({.replicate = 99});
  results.democracy.push_back({.replicate = 99});
  results.funnel.push_back({99, 0, 0, 1, Stage::selected, 12});
  results.list.push_back({99, 0, 0, 1, 5, Gender::female, 40, Route::party_branch, 0});
  results.candidates.push_back(
      {.replicate = 99, .candidate = 5, .outcome = Outcome::listed, .list_position = 1});
  results.warnings.push_back({.replicate = 99, .kind = WarningKind::places_empty, .occurrences = 1});
  Hdf5Writer writer(path, primsim::test::sample_run_info(1, 1));
  writer.publish(results);
  writer.finish("end");
  const RunFile run = RunFile::open(path);
  REQUIRE(run.funnel().size() == 1);
  CHECK(run.funnel()[0].replicate == 4);
  CHECK(run.funnel()[0].stage == Stage::selected);
  CHECK(run.funnel()[0].office == 1);
  CHECK(run.candidates()[0].replicate == 4);
  CHECK(run.candidates()[0].outcome == Outcome::listed);
  CHECK(run.candidates()[0].reason == RemovalReason::none);
  CHECK(run.warnings()[0].replicate == 4);
  CHECK(run.warnings()[0].kind == WarningKind::places_empty);
  CHECK(run.list()[0].replicate == 4);
  CHECK(run.list()[0].route == Route::party_branch);
  CHECK(run.summary()[0].replicate == 4);
  CHECK(run.democracy()[0].replicate == 4);
}

TEST_CASE("an unfinished run leaves no file behind", "[output]") {
  const fs::path folder = fresh_folder("unfinished");
  const fs::path path = folder / "run.h5";
  fs::path temporary;
  {
    Hdf5Writer writer(path, primsim::test::sample_run_info(1, 2));
    writer.publish(primsim::test::sample_replicate(1, 0));
    temporary = writer.temporary_path();
    CHECK(temporary.parent_path() == folder);
  }
  CHECK_FALSE(fs::exists(path));
  CHECK_FALSE(fs::exists(temporary));
  CHECK(fs::is_empty(folder));
}

TEST_CASE("a previous file at the path survives a failed run and is replaced by a finished one", "[output]") {
  const fs::path path = fresh_folder("replace") / "run.h5";
  std::ofstream(path) << "earlier";
  { Hdf5Writer writer(path, primsim::test::sample_run_info(1, 1)); }
  CHECK(fs::file_size(path) == 7);
  Hdf5Writer writer(path, primsim::test::sample_run_info(1, 1));
  writer.publish(primsim::test::sample_replicate(1, 0));
  writer.finish("end");
  CHECK(RunFile::open(path).summary().size() == 1);
}

TEST_CASE("the writer refuses a folder that does not exist", "[output]") {
  const fs::path path = fresh_folder("nofolder") / "missing" / "run.h5";
  REQUIRE_THROWS_AS(Hdf5Writer(path, primsim::test::sample_run_info(1, 1)), OutputFileError);
  REQUIRE_THROWS_WITH(Hdf5Writer(path, primsim::test::sample_run_info(1, 1)),
                      "cannot write results file '" + path.string() + "': folder '" +
                          path.parent_path().string() + "' does not exist");
}

TEST_CASE("many threads publishing through a one-place queue still give replicate order", "[output]") {
  const fs::path path = fresh_folder("threads") / "run.h5";
  constexpr std::uint32_t replicates = 12;
  {
    Hdf5Writer writer(path, primsim::test::sample_run_info(11, replicates), 1);
    std::vector<std::thread> threads;
    for (std::uint32_t t = 0; t < 4; ++t) {
      threads.emplace_back([&writer, t] {
        for (std::uint32_t r = replicates - 1 - t;; r -= 4) {
          ReplicateResults results;
          results.replicate = r;
          results.summary.push_back({.replicate = r});
          results.democracy.push_back({.replicate = r});
          results.funnel.push_back({0, 0, 0, 0, Stage::nominated, 100 + r});
          writer.publish(std::move(results));
          if (r < 4) break;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    writer.finish("end");
  }
  const RunFile run = RunFile::open(path);
  REQUIRE(run.funnel().size() == replicates);
  for (std::uint32_t r = 0; r < replicates; ++r) {
    CHECK(run.summary()[r].replicate == r);
    CHECK(run.funnel()[r].replicate == r);
    CHECK(run.funnel()[r].count == 100 + r);
  }
}

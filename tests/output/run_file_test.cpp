// Reading a results file back: what a user sees when the file given to report or compare is not
// usable, and tables read a block of rows at a time, as the reports do.
#include <filesystem>
#include <fstream>
#include <span>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/run_file.hpp"
#include "sample_run.hpp"

namespace fs = std::filesystem;
using primsim::output::OutputFileError;
using primsim::output::RunFile;

namespace {

fs::path folder_for(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("primsim_run_file_test_" + name);
  fs::remove_all(folder);
  fs::create_directories(folder);
  return folder;
}

fs::path write_run(const fs::path& path, std::uint32_t replicates) {
  primsim::output::Hdf5Writer writer(path, primsim::test::sample_run_info(3, replicates));
  for (std::uint32_t r = 0; r < replicates; ++r) writer.publish(primsim::test::sample_replicate(3, r));
  writer.finish("end");
  return path;
}

}  // namespace

TEST_CASE("a missing file is named", "[output]") {
  const fs::path path = folder_for("missing") / "nothing.h5";
  REQUIRE_THROWS_AS(RunFile::open(path), OutputFileError);
  REQUIRE_THROWS_WITH(RunFile::open(path), "cannot open results file '" + path.string() + "': no such file");
}

TEST_CASE("a file that is not HDF5 is refused", "[output]") {
  const fs::path path = folder_for("text") / "notes.h5";
  std::ofstream(path) << "replicate,turnout\n0,0.84\n";
  REQUIRE_THROWS_WITH(RunFile::open(path),
                      "cannot open results file '" + path.string() + "': not an HDF5 file");
}

TEST_CASE("a truncated results file is refused", "[output]") {
  const fs::path path = write_run(folder_for("truncated") / "run.h5", 2);
  fs::resize_file(path, fs::file_size(path) / 2);
  REQUIRE_THROWS_AS(RunFile::open(path), OutputFileError);
  REQUIRE_THROWS_WITH(RunFile::open(path), Catch::Contains("'" + path.string() + "'") &&
                                               Catch::Contains("the HDF5 file is truncated or damaged"));
}

TEST_CASE("the schema version of a results file can be read alone", "[output]") {
  const fs::path path = write_run(folder_for("version") / "run.h5", 1);
  CHECK(RunFile::read_schema_version(path) == 5);
}

TEST_CASE("a table read in blocks of rows holds what the file holds, in order", "[output]") {
  using primsim::models::results::PlatformRow;
  using primsim::models::results::TurnoutRow;
  const fs::path folder = folder_for("blocks");
  const std::uint32_t replicates = 3;
  const fs::path path = write_run(folder / "run.h5", replicates);
  std::vector<PlatformRow> written;
  std::vector<TurnoutRow> written_turnout;
  for (std::uint32_t r = 0; r < replicates; ++r) {
    const auto results = primsim::test::sample_replicate(3, r);
    written.insert(written.end(), results.platform.begin(), results.platform.end());
    written_turnout.insert(written_turnout.end(), results.turnout.begin(), results.turnout.end());
  }
  const RunFile run = RunFile::open(path);
  CHECK(run.replicate_count() == replicates);
  // 7 rows a block: blocks end in the middle of a replicate, and the last block is short.
  std::vector<PlatformRow> read;
  std::size_t blocks = 0;
  run.scan<PlatformRow>(
      [&](std::span<const PlatformRow> rows) {
        CHECK(rows.size() <= 7);
        read.insert(read.end(), rows.begin(), rows.end());
        ++blocks;
      },
      7);
  REQUIRE(written.size() % 7 != 0);
  CHECK(blocks == written.size() / 7 + 1);
  CHECK(read == written);
  CHECK(run.turnout() == written_turnout);
}

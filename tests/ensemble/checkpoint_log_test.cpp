// The partial file that --resume continues from: records survive a reopen, a record cut short by
// a kill or changed on disk is dropped without losing the others, a partial file of another run
// is refused, and one run at a time holds the file.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <catch2/catch.hpp>

#include "primsim/output/checkpoint_log.hpp"
#include "primsim/output/output_file_error.hpp"
#include "sample_run.hpp"

namespace {

using primsim::output::CheckpointLog;
namespace fs = std::filesystem;

fs::path fresh_path(const std::string& name) {
  const fs::path path = fs::temp_directory_path() / ("primsim_checkpoint_" + name + ".partial");
  fs::remove(path);
  return path;
}

const std::string identity = R"({"scenario":"demo","seed":7,"replicates":4})";

bool same(const primsim::models::results::ReplicateResults& a,
          const primsim::models::results::ReplicateResults& b) {
  return a.replicate == b.replicate && a.summary == b.summary && a.funnel == b.funnel &&
         a.turnout == b.turnout && a.platform == b.platform && a.list == b.list &&
         a.democracy.size() == b.democracy.size() &&
         a.democracy.front().replicate == b.democracy.front().replicate &&
         a.democracy.front().participation == b.democracy.front().participation;
}

}  // namespace

TEST_CASE("a resumed checkpoint gives back every replicate it holds, in any order", "[output][ensemble]") {
  const fs::path path = fresh_path("reopen");
  {
    CheckpointLog log(path, identity, false);
    log.append(primsim::test::sample_replicate(7, 2));
    log.append(primsim::test::sample_replicate(7, 0));
    log.append(primsim::test::sample_replicate(7, 0));  // a second copy is ignored
    REQUIRE(log.size() == 2);
  }
  CheckpointLog log(path, identity, true);
  REQUIRE(log.size() == 2);
  REQUIRE(log.contains(0));
  REQUIRE_FALSE(log.contains(1));
  REQUIRE(same(log.read(2), primsim::test::sample_replicate(7, 2)));
  REQUIRE(same(log.read(0), primsim::test::sample_replicate(7, 0)));
  log.remove();
  REQUIRE_FALSE(fs::exists(path));
}

TEST_CASE("a record cut short by a kill is dropped and the file continues after the last whole one",
          "[output][ensemble]") {
  const fs::path path = fresh_path("torn");
  {
    CheckpointLog log(path, identity, false);
    log.append(primsim::test::sample_replicate(7, 0));
    log.append(primsim::test::sample_replicate(7, 1));
  }
  fs::resize_file(path, fs::file_size(path) - 5);
  {
    CheckpointLog log(path, identity, true);
    REQUIRE(log.size() == 1);
    REQUIRE(log.contains(0));
    log.append(primsim::test::sample_replicate(7, 3));
  }
  CheckpointLog log(path, identity, true);
  REQUIRE(log.size() == 2);
  REQUIRE(same(log.read(3), primsim::test::sample_replicate(7, 3)));
  REQUIRE(same(log.read(0), primsim::test::sample_replicate(7, 0)));
}

TEST_CASE("without --resume an old partial file is started afresh", "[output][ensemble]") {
  const fs::path path = fresh_path("afresh");
  { CheckpointLog(path, identity, false).append(primsim::test::sample_replicate(7, 0)); }
  CheckpointLog log(path, identity, false);
  REQUIRE(log.size() == 0);
}

TEST_CASE("resuming the partial file of another run names what differs", "[output][ensemble]") {
  const fs::path path = fresh_path("other");
  { CheckpointLog(path, identity, false).append(primsim::test::sample_replicate(7, 0)); }
  const std::string other = R"({"scenario":"demo","seed":8,"replicates":4})";
  REQUIRE_THROWS_AS(CheckpointLog(path, other, true), primsim::output::OutputFileError);
  REQUIRE_THROWS_WITH(
      CheckpointLog(path, other, true),
      "cannot resume from '" + path.string() + "': it belongs to another run (its seed is 7, not 8)");
  {
    std::ofstream other_file(path, std::ios::binary | std::ios::trunc);
    other_file << "not a partial file";
  }
  REQUIRE_THROWS_WITH(CheckpointLog(path, identity, true),
                      "cannot resume from '" + path.string() + "': not a primsim partial file");
}

TEST_CASE("a header cut short (a full disk as the file was created) holds nothing and starts afresh",
          "[output][ensemble]") {
  const fs::path path = fresh_path("cut_header");
  { CheckpointLog(path, identity, false).append(primsim::test::sample_replicate(7, 0)); }
  for (const std::uintmax_t size :
       {std::uintmax_t{0}, std::uintmax_t{3}, std::uintmax_t{12}, std::uintmax_t{20}}) {
    fs::resize_file(path, size);
    CheckpointLog log(path, identity, true);
    CHECK(log.size() == 0);
    log.append(primsim::test::sample_replicate(7, 1));
    REQUIRE(log.contains(1));
  }
  CheckpointLog log(path, identity, true);
  REQUIRE(log.size() == 1);
  REQUIRE(same(log.read(1), primsim::test::sample_replicate(7, 1)));
}

TEST_CASE("a record whose index changed on disk is dropped, not filed under another replicate",
          "[output][ensemble]") {
  // Layout (checkpoint_log.cpp): 8-byte magic, 8-byte identity length, the identity, then each
  // record's 4-byte magic and 4-byte index.
  const fs::path path = fresh_path("index");
  std::uintmax_t second_record = 0;
  {
    CheckpointLog log(path, identity, false);
    log.append(primsim::test::sample_replicate(7, 0));
    second_record = fs::file_size(path);
    log.append(primsim::test::sample_replicate(7, 1));
  }
  {
    std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
    file.seekp(static_cast<std::streamoff>(second_record + 4));
    file.put('\x03');  // replicate 1's record now claims to be replicate 3
  }
  CheckpointLog log(path, identity, true);
  CHECK_FALSE(log.contains(3));
  CHECK_FALSE(log.contains(1));
  REQUIRE(log.size() == 1);
  REQUIRE(same(log.read(0), primsim::test::sample_replicate(7, 0)));
}

TEST_CASE("a second writer of the same partial file is refused and leaves the first's records",
          "[output][ensemble]") {
  const fs::path path = fresh_path("lock");
  const fs::path results = path.parent_path() / path.stem();
  CheckpointLog first(path, identity, false);
  first.append(primsim::test::sample_replicate(7, 0));
  const std::string busy = "another primsim run is writing '" + results.string() + "' (partial file '" +
                           path.string() + "'); wait for it to end or write to another file";
  REQUIRE_THROWS_AS(CheckpointLog(path, identity, false), primsim::output::OutputFileError);
  REQUIRE_THROWS_WITH(CheckpointLog(path, identity, false), busy);
  REQUIRE_THROWS_WITH(CheckpointLog(path, identity, true), busy);
  first.append(primsim::test::sample_replicate(7, 1));
  REQUIRE(first.size() == 2);
  REQUIRE(same(first.read(0), primsim::test::sample_replicate(7, 0)));
  first.remove();
  CheckpointLog next(path, identity, true);
  CHECK(next.size() == 0);
}

TEST_CASE("a partial file of another results layout is refused, naming the schema versions",
          "[output][ensemble]") {
  // The identity primsim run writes names the schema version: rows of schema 2 have other shapes.
  const fs::path path = fresh_path("schema");
  const std::string older = R"({"program_version":"0.1.0","schema_version":2,"seed":7})";
  const std::string current = R"({"program_version":"0.1.0","schema_version":4,"seed":7})";
  { CheckpointLog(path, older, false).append(primsim::test::sample_replicate(7, 0)); }
  REQUIRE_THROWS_WITH(CheckpointLog(path, current, true),
                      "cannot resume from '" + path.string() +
                          "': it belongs to another run (its schema_version is 2, not 4)");
  CheckpointLog afresh(path, current, false);
  CHECK(afresh.size() == 0);
}

TEST_CASE("every table of a replicate survives the partial file", "[output][ensemble]") {
  const fs::path path = fresh_path("tables");
  primsim::models::results::ReplicateResults results = primsim::test::sample_replicate(7, 1);
  primsim::test::add_sample_warnings(results);
  { CheckpointLog(path, identity, false).append(results); }
  const primsim::models::results::ReplicateResults read = CheckpointLog(path, identity, true).read(1);
  REQUIRE(same(read, results));
  CHECK(read.candidates == results.candidates);
  CHECK(read.warnings == results.warnings);
  CHECK(read.democracy.size() == results.democracy.size());
}

TEST_CASE("a refused partial file keeps no descriptor open", "[output][ensemble]") {
  // Found by the partial-file fuzz target: the constructor threw after opening the file, so no
  // destructor closed it, and a process refusing files in a loop ran out of descriptors.
  const fs::path path = fresh_path("descriptor");
  { CheckpointLog log(path, identity, false); }
  const auto open_descriptors = [] {
    return std::distance(fs::directory_iterator("/proc/self/fd"), fs::directory_iterator{});
  };
  const auto before = open_descriptors();
  for (int i = 0; i < 10; ++i) {
    REQUIRE_THROWS_AS(CheckpointLog(path, R"({"scenario":"other"})", true), primsim::output::OutputFileError);
  }
  CHECK(open_descriptors() == before);
}

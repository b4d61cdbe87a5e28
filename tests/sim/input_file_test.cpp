// What every reader of a user's file relies on: a FIFO, a device or a folder is refused without
// blocking, a file over its kind's limit is refused from its size, and text that is not UTF-8 or
// holds a NUL is found at its first bad byte.
#include "primsim/sim/input_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>

namespace {

namespace fs = std::filesystem;
using primsim::sim::find_text_defect;
using primsim::sim::InputFileError;
using primsim::sim::InputKind;
using primsim::sim::read_input_file;

fs::path scratch(const std::string& name) {
  const fs::path folder = fs::temp_directory_path() / ("primsim-input-file-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  return folder / name;
}

}  // namespace

TEST_CASE("a FIFO is refused without waiting for a writer", "[sim]") {
  const fs::path fifo = scratch("fifo");
  fs::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // With no writer, a plain open for reading would block this test for ever.
  REQUIRE_THROWS_WITH(
      read_input_file(fifo, primsim::sim::kScenarioInput),
      fifo.string() + ": expected a regular file as the scenario file, found a FIFO (named pipe)");
  REQUIRE_THROWS_AS(primsim::sim::check_input_file(fifo, primsim::sim::kResultsInput), InputFileError);
  fs::remove(fifo);
}

TEST_CASE("devices and folders are refused by what they are", "[sim]") {
  REQUIRE_THROWS_WITH(
      read_input_file("/dev/zero", primsim::sim::kPreflibInput),
      "/dev/zero: expected a regular file as the PrefLib ballot file, found a character device");
  const fs::path folder = scratch("folder");
  fs::create_directories(folder);
  REQUIRE_THROWS_WITH(
      primsim::sim::check_input_file(folder, primsim::sim::kPartyVotesInput),
      folder.string() + ": expected a regular file as the party votes CSV file, found a folder");
}

TEST_CASE("a file over its kind's limit is refused from its size, the limit named", "[sim]") {
  const fs::path big = scratch("big.yaml");
  {
    std::ofstream out(big);
    out << std::string(2000, 'x');
  }
  constexpr InputKind tiny{"test", 1000};
  REQUIRE_THROWS_WITH(read_input_file(big, tiny), big.string() +
                                                      " is 2000 bytes; primsim reads at most 1000 bytes "
                                                      "for a test file");
  constexpr InputKind roomy{"test", 4000};
  CHECK(read_input_file(big, roomy).size() == 2000);
  fs::remove(big);
}

TEST_CASE("the first NUL or byte that is not UTF-8 is found", "[sim]") {
  CHECK_FALSE(find_text_defect("plain ASCII\n"));
  CHECK_FALSE(
      find_text_defect("K\xc3\xb6kshetau \xd0\x90\xd1\x81\xd1\x82\xd0\xb0\xd0\xbd\xd0\xb0 \xf0\x9f\x97\xb3"));
  const auto nul = find_text_defect(std::string_view("ab\0c", 4));
  REQUIRE(nul);
  CHECK(nul->offset == 2);
  CHECK(nul->what == "a NUL byte");
  const auto latin1 = find_text_defect("K\xf6k");
  REQUIRE(latin1);
  CHECK(latin1->offset == 1);
  CHECK(latin1->what == "the byte 0xf6, which is not UTF-8");
  // Overlong "/", a UTF-16 surrogate, a code point above U+10FFFF and a sequence cut short.
  for (const std::string_view bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\xe2\x82"}) {
    INFO(bad);
    CHECK(find_text_defect(bad));
  }
}

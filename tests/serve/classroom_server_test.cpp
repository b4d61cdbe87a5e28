// The classroom server's socket: 127.0.0.1 only, and a port already in use is refused rather
// than shared with the server that has it.
#include "primsim/serve/classroom_server.hpp"

#include <stdexcept>
#include <string>

#include <catch2/catch.hpp>

using primsim::serve::ClassroomApi;
using primsim::serve::ClassroomServer;
using primsim::serve::ClassroomSettings;

TEST_CASE("a second server on a port in use is refused", "[serve]") {
  ClassroomApi api(
      ClassroomSettings{.scenario = std::string(PRIMSIM_SOURCE_DIR) + "/tests/serve/classroom.yaml",
                        .replicates = 2,
                        .threads = 2});
  ClassroomServer first(api);
  const int port = first.bind(0);
  REQUIRE(port > 0);
  ClassroomServer second(api);
  REQUIRE_THROWS_WITH(second.bind(port),
                      "cannot listen on 127.0.0.1:" + std::to_string(port) + " (is the port in use?)");
}

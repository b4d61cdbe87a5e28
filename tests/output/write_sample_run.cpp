// Writes a complete results file from the synthetic ensemble through the real writer, with
// replicates published from two threads out of order, as an ensemble run would. The file stands
// in for a `primsim run` output in the Python and Chromium checks.
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "primsim/output/hdf5_writer.hpp"
#include "sample_run.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: write_sample_run OUT.h5 [REPLICATES]\n";
    return 2;
  }
  const auto replicates = static_cast<std::uint32_t>(argc == 3 ? std::stoul(argv[2]) : 8);
  const std::uint64_t seed = 2020;
  primsim::output::Hdf5Writer writer(argv[1], primsim::test::sample_run_info(seed, replicates));
  // Odd replicates from one thread, even ones from another, each in descending order.
  auto publish = [&writer, replicates, seed](std::uint32_t parity) {
    for (std::uint32_t r = replicates; r-- > 0;) {
      if (r % 2 == parity) writer.publish(primsim::test::sample_replicate(seed, r));
    }
  };
  std::thread odd(publish, 1U);
  publish(0U);
  odd.join();
  writer.finish("2026-01-01T00:01:00Z");
  std::cout << "wrote " << argv[1] << " (" << replicates << " replicates)\n";
  return 0;
}

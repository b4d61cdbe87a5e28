// libFuzzer entry point for the PrefLib reader: any bytes must end in a profile or a PreflibError,
// never a crash, a hang or a sanitizer report. The first byte picks the file extension, which
// decides the order kind when the file has no DATA TYPE line.
#include <array>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "primsim/models/rules/preflib_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr std::array<const char*, 4> extensions{"soc", "soi", "toc", "toi"};
  std::istringstream in(std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  try {
    const auto profile = primsim::models::rules::parse_preflib(in, "fuzz", extensions[data[0] % 4]);
    // One name per candidate: the tally prints them by index.
    if (profile.candidate_names().size() != profile.candidate_count()) __builtin_trap();
  } catch (const primsim::sim::InputError&) {
  }
  return 0;
}

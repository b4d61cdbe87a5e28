// libFuzzer entry point for the scenario loader: any bytes must end in a spec or a ScenarioError,
// never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "primsim/scenarios/scenario_error.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    // Relative extends resolve against a folder that does not exist, so the fuzzer exercises the
    // missing-parent path instead of reading the machine's files.
    const auto loaded = primsim::scenarios::load_scenario_text(text, "fuzz.yaml", "/nonexistent/primsim-fuzz",
                                                               {"ensemble.seed=7"});
    // The resolved text must load again.
    primsim::scenarios::load_scenario_text(loaded.resolved_yaml, "resolved.yaml",
                                           "/nonexistent/primsim-fuzz");
  } catch (const primsim::scenarios::ScenarioError&) {
  }
  return 0;
}

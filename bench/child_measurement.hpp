// Runs this benchmark program again in a child process with extra arguments and reads the one
// JSON line it prints: each measured configuration then has a peak memory of its own.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace primsim::bench {

// `arguments` are quoted for the shell; throws std::runtime_error if the child cannot start or
// fails.
nlohmann::ordered_json run_self_as_child(const std::vector<std::string>& arguments);

}  // namespace primsim::bench

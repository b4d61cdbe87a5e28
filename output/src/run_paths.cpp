// The file names of a run beside its results file.
#include "primsim/output/run_paths.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace primsim::output {

std::filesystem::path partial_path(const std::filesystem::path& output) {
  return std::filesystem::path(output.string() + ".partial");
}

std::string temporary_prefix(const std::filesystem::path& output) {
  return "." + output.filename().string() + ".tmp-";
}

std::filesystem::path temporary_path(const std::filesystem::path& output) {
  return folder_of(output) / (temporary_prefix(output) + std::to_string(::getpid()));
}

std::filesystem::path rank_path(const std::filesystem::path& output, int rank, int ranks) {
  return folder_of(output) / fmt::format(".{}.rank-{}-of-{}", output.filename().string(), rank, ranks);
}

std::filesystem::path folder_of(const std::filesystem::path& output) {
  return output.has_parent_path() ? output.parent_path() : std::filesystem::path(".");
}

}  // namespace primsim::output

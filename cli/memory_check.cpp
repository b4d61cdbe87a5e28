// Where the memory limit comes from and how a refusal reads.
#include "memory_check.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <string>

#include <fmt/format.h>

#include "primsim/models/primary/memory_estimate.hpp"
#include "primsim/sim/input_error.hpp"

namespace primsim::cli {
namespace {

// A cgroup limit file holds a byte count or "max" (v2); v1 writes a huge number for no limit.
std::optional<double> cgroup_limit(const char* path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") return std::nullopt;
  try {
    const double bytes = std::stod(text);
    return bytes > 0 && bytes < 0x1p62 ? std::optional<double>(bytes) : std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string gib(double bytes) {
  if (bytes >= 0x1p40) return fmt::format("{:.1f} TiB", bytes / 0x1p40);
  if (bytes >= 0x1p30) return fmt::format("{:.1f} GiB", bytes / 0x1p30);
  return fmt::format("{:.0f} MiB", bytes / 0x1p20);
}

}  // namespace

MemoryLimit machine_memory_limit() {
  MemoryLimit limit;
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  limit.bytes =
      pages > 0 && page_size > 0 ? static_cast<double>(pages) * static_cast<double>(page_size) : 0x1p62;
  limit.source = "physical memory";
  const auto lower = [&limit](double bytes, const char* source) {
    if (bytes < limit.bytes) {
      limit.bytes = bytes;
      limit.source = source;
    }
  };
  rlimit address_space{};
  if (::getrlimit(RLIMIT_AS, &address_space) == 0 && address_space.rlim_cur != RLIM_INFINITY) {
    lower(static_cast<double>(address_space.rlim_cur), "RLIMIT_AS (ulimit -v)");
  }
  if (const auto v2 = cgroup_limit("/sys/fs/cgroup/memory.max")) lower(*v2, "the cgroup's memory.max");
  if (const auto v1 = cgroup_limit("/sys/fs/cgroup/memory/memory.limit_in_bytes")) {
    lower(*v1, "the cgroup's memory.limit_in_bytes");
  }
  return limit;
}

void check_memory(const scenarios::LoadedScenario& loaded, const std::string& file, std::size_t concurrent) {
  models::MemoryEstimate largest;
  for (const scenarios::GridPoint& point : loaded.grid) {
    const models::MemoryEstimate estimate = models::estimate_replicate_memory(point.spec);
    if (estimate.bytes > largest.bytes) largest = estimate;
  }
  const MemoryLimit limit = machine_memory_limit();
  const double one = largest.bytes;
  const double needed = one * static_cast<double>(std::max<std::size_t>(concurrent, 1));
  if (needed <= limit.bytes) return;
  const std::string what = fmt::format(
      "{}: expected a scenario whose replicate fits in memory, found one of {:.3g} persons (members, "
      "other selectors, every party) that needs about {} at about {:.0f} bytes each",
      file, largest.persons, gib(one), models::replicate_bytes_per_person());
  if (one <= limit.bytes) {
    const auto fits = static_cast<std::size_t>(limit.bytes / one);
    throw sim::InputError(
        fmt::format("{} per replicate, {} for the {} replicates run at once, more than the {} "
                    "of {}: use --threads {} or fewer",
                    what, gib(needed), concurrent, gib(limit.bytes), limit.source, fits));
  }
  throw sim::InputError(fmt::format("{}, more than the {} of {}", what, gib(limit.bytes), limit.source));
}

}  // namespace primsim::cli

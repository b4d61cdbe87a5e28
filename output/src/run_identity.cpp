// Comparing run identities: the partial file's header and the results file's run_identity
// attribute against the run that asks to resume.
#include "primsim/output/run_identity.hpp"

#include <hdf5.h>

#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "primsim/output/output_file_error.hpp"

namespace primsim::output {

std::string identity_digest(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

std::string describe_identity_difference(const std::string& found, const std::string& wanted) {
  const auto old_run = nlohmann::json::parse(found, nullptr, false);
  const auto new_run = nlohmann::json::parse(wanted, nullptr, false);
  if (old_run.is_discarded() || !old_run.is_object()) return "its header is damaged";
  for (const auto& [key, value] : new_run.items()) {
    if (old_run.contains(key) && old_run[key] == value) continue;
    const std::string was = old_run.contains(key) ? old_run[key].dump() : "nothing";
    // Digests and long texts say nothing to a reader: naming the key is what helps.
    if (key.ends_with("_digest")) return fmt::format("its {} differs", key.substr(0, key.size() - 7));
    if (was.size() > 60 || value.dump().size() > 60) return fmt::format("its {} differs", key);
    return fmt::format("its {} is {}, not {}", key, was, value.dump());
  }
  return "its header differs";
}

void check_finished_run(const std::filesystem::path& file, const std::string& identity, const Shard& shard) {
  silence_hdf5_errors();
  const std::string name = file.string();
  const auto refuse = [&](const std::string& why) {
    throw OutputFileError(fmt::format(
        "cannot resume: '{}' is there and complete, but {}; run without --resume to replace it", name, why));
  };
  if (H5Fis_hdf5(name.c_str()) <= 0) refuse("it is not an HDF5 file");
  const hid_t id = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) refuse("it is truncated or damaged");
  const Hdf5Handle handle(id, H5Fclose, "open " + name);
  const std::optional<std::string> found = read_string_attribute(handle.get(), kRunIdentityAttribute);
  if (!found) refuse("it records no run identity (written by an earlier primsim) to check against this run");
  if (*found != identity)
    refuse(fmt::format("it is another run's ({})", describe_identity_difference(*found, identity)));
  const Shard written{
      static_cast<std::uint32_t>(read_uint64_attribute(handle.get(), "shard_index").value_or(0)),
      static_cast<std::uint32_t>(read_uint64_attribute(handle.get(), "shard_count").value_or(1))};
  if (written != shard) {
    refuse(fmt::format("it is shard {}/{} of the run, not {}/{}", written.index, written.count, shard.index,
                       shard.count));
  }
}

}  // namespace primsim::output

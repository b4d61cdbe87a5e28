// A run's identity: the JSON object of everything that makes its results differ (scenario,
// seed, replicates, points, where the parameters come from, schema version). The partial file
// and the finished results file both carry it, and --resume continues neither for another run.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "primsim/output/ensemble_layout.hpp"

namespace primsim::output {

// The results file's root attribute that holds the identity.
inline constexpr const char* kRunIdentityAttribute = "run_identity";

// A short digest of `bytes` (64-bit FNV-1a in hex) for an identity's long values, such as the
// resolved scenario: it tells runs apart, it does not defend against forgery.
std::string identity_digest(std::string_view bytes);

// "its seed is 5, not 6": the first key of `wanted` whose value `found` does not share.
std::string describe_identity_difference(const std::string& found, const std::string& wanted);

// Before --resume accepts a finished results file as the run's result: throws OutputFileError
// naming what differs when `file` was written by another run (its identity, or its shard when it
// is one) or carries no identity to check.
void check_finished_run(const std::filesystem::path& file, const std::string& identity, const Shard& shard);

}  // namespace primsim::output

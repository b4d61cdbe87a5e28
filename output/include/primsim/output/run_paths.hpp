// The names a run gives its files beside OUT.h5, defined once: the partial file --resume reads,
// the temporary file renamed into place when complete, and the rank files an MPI run merges.
#pragma once

#include <filesystem>
#include <string>

namespace primsim::output {

// OUT.h5.partial: the finished replicates of a run in progress or interrupted.
std::filesystem::path partial_path(const std::filesystem::path& output);

// .OUT.h5.tmp-PID in OUT.h5's folder: where this process writes OUT.h5 before the rename.
std::filesystem::path temporary_path(const std::filesystem::path& output);

// ".OUT.h5.tmp-": what every process's temporary for OUT.h5 starts with (followed by its PID).
std::string temporary_prefix(const std::filesystem::path& output);

// .OUT.h5.rank-R-of-N in OUT.h5's folder: the block rank R of an N-rank MPI run writes.
std::filesystem::path rank_path(const std::filesystem::path& output, int rank, int ranks);

// OUT.h5's folder, "." for a bare file name.
std::filesystem::path folder_of(const std::filesystem::path& output);

}  // namespace primsim::output

// Joining the shard files of one ensemble (primsim run --shard i/n, or the ranks of an MPI run)
// into the file a single process would have written.
#pragma once

#include <filesystem>
#include <vector>

namespace primsim::output {

enum class MergeKind {
  copy,              // the rows are copied: the result stands alone
  virtual_datasets,  // HDF5 virtual datasets refer to the shards' rows, which must stay in place
};

// Joins every shard, in shard order, into `output` (written under a temporary name and renamed
// when complete). Throws OutputFileError before writing anything when a file is not a shard,
// shards of different runs or splits are mixed, a shard is given twice or one is missing.
void merge_shards(const std::filesystem::path& output, const std::vector<std::filesystem::path>& shards,
                  MergeKind kind = MergeKind::copy);

}  // namespace primsim::output

// The results file of a run: one HDF5 file, written by one thread that owns it, fed finished
// replicates through a bounded queue, and renamed to the requested path only when complete.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "primsim/output/ensemble_layout.hpp"
#include "primsim/output/result_sink.hpp"
#include "primsim/output/run_info.hpp"

namespace primsim::output {

class CheckpointLog;

struct WriterOptions {
  // Without a sweep or shards, the replicate column is the published index itself.
  EnsembleLayout layout;
  // When set, each replicate is appended to it (and synced) as it reaches the writer, before it
  // waits for its turn in the file.
  CheckpointLog* checkpoint = nullptr;
  std::size_t queue_capacity = 4;
  // The run's identity (run_identity.hpp), written as the root attribute run_identity so that
  // --resume can tell whether a finished file is this run's; none when empty.
  std::string identity;
};

class Hdf5Writer final : public ResultSink {
 public:
  // Creates the file under a temporary name in the folder of `path` and writes the root
  // attributes and /meta. Throws OutputFileError when the folder does not exist. At most
  // queue_capacity replicates wait to be written; publish() blocks beyond that.
  Hdf5Writer(std::filesystem::path path, RunInfo info, std::size_t queue_capacity = 4);
  // An ensemble: results.replicate is the ensemble index (EnsembleLayout), rows are written from
  // the first index of the shard on, and a sweep adds the point column and /meta/sweep.
  Hdf5Writer(std::filesystem::path path, RunInfo info, WriterOptions options);
  // Without a successful finish(), removes the temporary file: `path` is never touched.
  ~Hdf5Writer() override;

  // Thread-safe. Rows are written in replicate order whatever the order of the calls, so the
  // file does not depend on how many threads ran the replicates. The `replicate` column of every
  // row is set from results.replicate.
  void publish(models::results::ReplicateResults results) override;
  // Writes the end time, closes the file and puts it in place as `path` durably (synced, renamed,
  // the folder synced: durable_file.hpp). Rethrows any error of the writer thread or of those
  // steps, a failed close included, and then leaves no temporary file behind.
  void finish(const std::string& end_time) override;
  // For an interrupted run: hands what is queued to the checkpoint, then removes the temporary
  // file. `path` is not touched.
  void abandon();

  [[nodiscard]] const std::filesystem::path& path() const;
  [[nodiscard]] const std::filesystem::path& temporary_path() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace primsim::output

// The results file of a run: one HDF5 file, written by one thread that owns it, fed finished
// replicates through a bounded queue, and renamed to the requested path only when complete.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

#include "primsim/models/results/result_sink.hpp"

namespace primsim::output {

class Hdf5Writer final : public models::results::ResultSink {
 public:
  // Creates the file under a temporary name in the folder of `path` and writes the root
  // attributes and /meta. Throws OutputFileError when the folder does not exist. At most
  // queue_capacity replicates wait to be written; publish() blocks beyond that.
  Hdf5Writer(std::filesystem::path path, models::results::RunInfo info, std::size_t queue_capacity = 4);
  // Without a successful finish(), removes the temporary file: `path` is never touched.
  ~Hdf5Writer() override;

  // Thread-safe. Rows are written in replicate order whatever the order of the calls, so the
  // file does not depend on how many threads ran the replicates. The `replicate` column of every
  // row is set from results.replicate.
  void publish(models::results::ReplicateResults results) override;
  // Writes the end time, closes the file and renames it to `path`. Rethrows any error of the
  // writer thread (and then leaves no file behind).
  void finish(const std::string& end_time) override;

  [[nodiscard]] const std::filesystem::path& path() const;
  [[nodiscard]] const std::filesystem::path& temporary_path() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace primsim::output

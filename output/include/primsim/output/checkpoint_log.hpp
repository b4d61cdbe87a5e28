// The partial file of a run (OUT.h5.partial): every finished replicate is appended and synced to
// disk as it arrives, so a run killed at any instant can be resumed with --resume. A record cut
// short by the kill fails its checksum and is dropped; the replicate simply runs again. The file
// is locked (flock) for as long as the log is open, so one run at a time writes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "primsim/models/results/result_rows.hpp"

namespace primsim::output {

class CheckpointLog {
 public:
  // With `resume` and an existing file written for the same `identity` (a JSON object naming
  // the run: scenario, seed, replicates, ...), keeps its complete records; otherwise starts the
  // file afresh (as it does a header cut short, which holds no record). Throws OutputFileError
  // when another process holds the file's lock, or when the file to resume belongs to another
  // run or is not a partial file, naming the first key that differs.
  CheckpointLog(std::filesystem::path path, std::string identity, bool resume);
  CheckpointLog(const CheckpointLog&) = delete;
  CheckpointLog& operator=(const CheckpointLog&) = delete;
  ~CheckpointLog();

  // Thread-safe.
  [[nodiscard]] bool contains(std::uint32_t index) const;
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] models::results::ReplicateResults read(std::uint32_t index) const;
  // Durable on return. Appending an index the log holds already does nothing.
  void append(const models::results::ReplicateResults& results);
  // Deletes the file, then releases its lock: call once the results file is complete and durable.
  void remove();

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  void open_locked();
  void start_afresh();
  // False when the header was cut short; the file then holds nothing to resume.
  bool load(const std::string& identity);

  std::filesystem::path path_;
  std::string identity_;
  int fd_ = -1;
  mutable std::mutex mutex_;
  std::map<std::uint32_t, std::pair<std::uint64_t, std::uint64_t>> records_;  // index -> (offset, size)
  std::uint64_t end_ = 0;
};

}  // namespace primsim::output

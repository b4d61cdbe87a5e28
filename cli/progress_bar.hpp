// The progress line of `primsim run` on a terminal: replicates done, events per second and the
// time left, redrawn on stderr a few times a second by its own thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "primsim/ensemble/ensemble_run.hpp"

namespace primsim::cli {

class ProgressBar {
 public:
  // Draws nothing unless `enabled`.
  explicit ProgressBar(bool enabled);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  // Erases the line.
  ~ProgressBar();

  // Thread-safe: the ensemble library's count so far. Replicates read back from the partial file
  // do not count towards the rate or the time left.
  void update(const ensemble::Progress& progress);

 private:
  void draw();

  std::atomic<std::uint64_t> total_{0};
  std::atomic<std::uint64_t> done_{0};
  std::atomic<std::uint64_t> to_simulate_{0};
  std::atomic<std::uint64_t> simulated_{0};
  std::atomic<std::uint64_t> events_{0};
  std::chrono::steady_clock::time_point start_;
  bool enabled_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace primsim::cli

// The progress line of `primsim run` on a terminal: replicates done, events per second and the
// time left, redrawn on stderr a few times a second by its own thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace primsim::cli {

class ProgressBar {
 public:
  // `done` replicates of `total` are already in (a resumed run); they do not count towards the
  // rate. Draws nothing unless `enabled`.
  ProgressBar(std::uint64_t total, std::uint64_t done, bool enabled);
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;
  // Erases the line.
  ~ProgressBar();

  // Thread-safe: one replicate finished after `events` events.
  void add(std::uint64_t events);
  // Thread-safe: one replicate taken from the partial file.
  void add_resumed();

 private:
  void draw();

  std::uint64_t total_;
  std::atomic<std::uint64_t> done_;
  std::atomic<std::uint64_t> resumed_;
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

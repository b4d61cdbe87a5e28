// Rates count only replicates simulated by this process, so a resumed run's ETA is not fooled by
// the replicates it read back from the partial file.
#include "progress_bar.hpp"

#include <cstdio>
#include <string>

#include <fmt/format.h>

namespace primsim::cli {

namespace {

constexpr int bar_width = 24;

std::string clock_text(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

ProgressBar::ProgressBar(bool enabled) : start_(std::chrono::steady_clock::now()), enabled_(enabled) {
  if (!enabled_) return;
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      draw();
      wake_.wait_for(lock, std::chrono::milliseconds(250));
    }
  });
}

ProgressBar::~ProgressBar() {
  if (!enabled_) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  // The final count, then a clean line for whatever is printed next.
  draw();
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

void ProgressBar::update(const ensemble::Progress& progress) {
  total_ = progress.total;
  done_ = progress.done;
  to_simulate_ = progress.total - progress.resumable;
  simulated_ = progress.done - progress.resumed;
  events_ = progress.events;
}

void ProgressBar::draw() {
  const std::uint64_t total = total_.load();
  if (total == 0) return;  // before the run has said how many replicates it holds
  const std::uint64_t done = done_.load();
  const std::uint64_t simulated = simulated_.load();
  const std::uint64_t to_simulate = to_simulate_.load();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double fraction = total == 0 ? 1.0 : static_cast<double>(done) / static_cast<double>(total);
  const int filled = static_cast<int>(fraction * bar_width);
  std::string eta = "--:--";
  if (simulated > 0 && seconds > 0) {
    const double per_replicate = seconds / static_cast<double>(simulated);
    eta = clock_text(per_replicate *
                     static_cast<double>(to_simulate > simulated ? to_simulate - simulated : 0));
  }
  const double rate = seconds > 0 ? static_cast<double>(events_.load()) / seconds : 0.0;
  const std::string line =
      fmt::format("\r[{}{}] {}/{} replicates  {:.3g} events/s  ETA {}\033[K",
                  std::string(static_cast<std::size_t>(filled), '#'),
                  std::string(static_cast<std::size_t>(bar_width - filled), '.'), done, total, rate, eta);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace primsim::cli

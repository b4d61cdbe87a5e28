// A FIFO of classroom runs with one worker thread; each job has its own stop_source for Cancel.
#include "primsim/serve/job_queue.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <utility>

namespace primsim::serve {

std::string state_name(JobState state) {
  switch (state) {
    case JobState::queued:
      return "queued";
    case JobState::running:
      return "running";
    case JobState::done:
      return "done";
    case JobState::cancelled:
      return "cancelled";
    case JobState::failed:
      return "failed";
  }
  return "failed";
}

JobQueue::JobQueue(std::size_t keep_finished)
    : keep_finished_(keep_finished),
      worker_([this](const std::stop_token& shutdown) { run_jobs(shutdown); }) {}

JobQueue::~JobQueue() {
  {
    std::lock_guard lock(mutex_);
    for (auto& [id, job] : jobs_) job.stop.request_stop();
  }
  worker_.request_stop();
  changed_.notify_all();
  worker_.join();
}

std::uint64_t JobQueue::submit(JobWork work) {
  std::lock_guard lock(mutex_);
  const std::uint64_t id = next_id_++;
  Job job;
  job.status.id = id;
  job.work = std::move(work);
  jobs_.emplace(id, std::move(job));
  queue_.push_back(id);
  changed_.notify_all();
  return id;
}

bool JobQueue::cancel(std::uint64_t id) {
  std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return false;
  Job& job = found->second;
  if (job.status.state == JobState::queued) {
    queue_.erase(std::find(queue_.begin(), queue_.end(), id));
    job.status.state = JobState::cancelled;
    job.work = nullptr;
    finished_.push_back(id);
    forget_old_jobs();
    changed_.notify_all();
    return true;
  }
  if (job.status.state == JobState::running) {
    job.stop.request_stop();
    return true;
  }
  return false;
}

std::optional<JobStatus> JobQueue::status(std::uint64_t id) const {
  std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  JobStatus status = found->second.status;
  if (status.state == JobState::queued) {
    status.ahead = static_cast<std::size_t>(std::find(queue_.begin(), queue_.end(), id) - queue_.begin()) +
                   (running_ ? 1 : 0);
  }
  return status;
}

std::optional<JobStatus> JobQueue::wait(std::uint64_t id) const {
  std::unique_lock lock(mutex_);
  const auto finished = [&] {
    const auto found = jobs_.find(id);
    return found == jobs_.end() || (found->second.status.state != JobState::queued &&
                                    found->second.status.state != JobState::running);
  };
  changed_.wait(lock, finished);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) return std::nullopt;
  return found->second.status;
}

void JobQueue::run_jobs(const std::stop_token& shutdown) {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return shutdown.stop_requested() || !queue_.empty(); });
    if (shutdown.stop_requested()) return;
    const std::uint64_t id = queue_.front();
    queue_.pop_front();
    Job& job = jobs_.at(id);
    job.status.state = JobState::running;
    running_ = id;
    JobWork work = std::move(job.work);
    const std::stop_token stop = job.stop.get_token();
    lock.unlock();

    const auto started = std::chrono::steady_clock::now();
    const auto progress = [this, id](JobProgress done) {
      std::lock_guard progress_lock(mutex_);
      jobs_.at(id).status.progress = done;
    };
    nlohmann::json result;
    std::string error;
    bool failed = false;
    try {
      result = work(stop, progress);
    } catch (const std::exception& caught) {
      failed = true;
      error = caught.what();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    lock.lock();
    JobStatus& status = jobs_.at(id).status;
    status.seconds = seconds;
    if (stop.stop_requested()) {
      status.state = JobState::cancelled;
    } else if (failed) {
      status.state = JobState::failed;
      status.error = std::move(error);
    } else {
      status.state = JobState::done;
      status.result = std::move(result);
    }
    running_.reset();
    finished_.push_back(id);
    forget_old_jobs();
    changed_.notify_all();
  }
}

void JobQueue::forget_old_jobs() {
  while (finished_.size() > keep_finished_) {
    jobs_.erase(finished_.front());
    finished_.pop_front();
  }
}

}  // namespace primsim::serve

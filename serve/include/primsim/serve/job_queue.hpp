// The classroom server's run queue: students' runs wait in one first-in, first-out line and a
// single worker thread runs them one at a time, since one run already uses every core.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace primsim::serve {

enum class JobState { queued, running, done, cancelled, failed };

// "queued", "running", ... as the JSON API spells them.
std::string state_name(JobState state);

// What a job reports while it runs: replicates done of the total.
struct JobProgress {
  std::uint64_t done = 0;
  std::uint64_t total = 0;
};

// The work of one job: runs until done or until `stop` is requested, reporting through
// `progress`; returns the results to hand to the page, or throws (the job fails with the message).
using JobWork =
    std::function<nlohmann::json(std::stop_token stop, const std::function<void(JobProgress)>& progress)>;

struct JobStatus {
  std::uint64_t id = 0;
  JobState state = JobState::queued;
  std::size_t ahead = 0;  // jobs queued or running before this one
  JobProgress progress;
  double seconds = 0;  // from start to end of the run, once it ended
  std::string error;   // when failed
  nlohmann::json result;
};

class JobQueue {
 public:
  // Finished jobs are kept for `keep_finished` more submissions, so that a page polling late
  // still finds its result while the memory stays bounded.
  explicit JobQueue(std::size_t keep_finished = 64);
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;
  // Cancels every job and joins the worker.
  ~JobQueue();

  // Queues `work` behind every job already queued and returns its id (ids start at 1).
  std::uint64_t submit(JobWork work);
  // A queued job is dropped at once; a running one is asked to stop and ends as cancelled when
  // its work returns. False for an unknown or finished job.
  bool cancel(std::uint64_t id);
  [[nodiscard]] std::optional<JobStatus> status(std::uint64_t id) const;
  // Blocks until the job has finished (tests); nullopt for an unknown id.
  std::optional<JobStatus> wait(std::uint64_t id) const;

 private:
  struct Job {
    JobStatus status;
    JobWork work;
    std::stop_source stop;
  };

  void run_jobs(const std::stop_token& shutdown);
  void forget_old_jobs();

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::map<std::uint64_t, Job> jobs_;
  std::deque<std::uint64_t> queue_;
  std::deque<std::uint64_t> finished_;
  std::size_t keep_finished_;
  std::uint64_t next_id_ = 1;
  std::optional<std::uint64_t> running_;
  std::jthread worker_;  // last: it starts after, and is joined before, the members above go
};

}  // namespace primsim::serve

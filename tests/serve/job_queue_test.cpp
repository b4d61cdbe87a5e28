// The classroom's run queue: first in, first out, one run at a time, each job's place in the
// line, and Cancel for a queued and for a running job.
#include "primsim/serve/job_queue.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include <catch2/catch.hpp>

using primsim::serve::JobProgress;
using primsim::serve::JobQueue;
using primsim::serve::JobState;

namespace {

// Work that reports progress, then that it started, then waits for `release` or for a stop. The
// progress comes first so that a test woken by `started` always sees it.
auto blocking_work(std::promise<void>& started, std::shared_future<void> release, int answer) {
  return [&started, release, answer](std::stop_token stop, const std::function<void(JobProgress)>& progress) {
    progress({1, 2});
    started.set_value();
    while (!stop.stop_requested() &&
           release.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
    }
    return nlohmann::json{{"answer", answer}};
  };
}

void wait_until_running(const JobQueue& queue, std::uint64_t id) {
  for (int i = 0; i < 5000 && queue.status(id)->state != JobState::running; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace

TEST_CASE("jobs run one at a time in the order they came, each told its place in the line", "[serve]") {
  JobQueue queue;
  std::promise<void> first_started, second_started, third_started;
  std::promise<void> release;
  const std::shared_future<void> released = release.get_future().share();
  const auto first = queue.submit(blocking_work(first_started, released, 1));
  const auto second = queue.submit(blocking_work(second_started, released, 2));
  const auto third = queue.submit(blocking_work(third_started, released, 3));
  first_started.get_future().wait();
  wait_until_running(queue, first);

  CHECK(queue.status(first)->state == JobState::running);
  CHECK(queue.status(first)->progress.done == 1);
  CHECK(queue.status(second)->state == JobState::queued);
  CHECK(queue.status(second)->ahead == 1);
  CHECK(queue.status(third)->ahead == 2);

  release.set_value();
  const auto done = queue.wait(third);
  REQUIRE(done);
  CHECK(done->state == JobState::done);
  CHECK(done->result.at("answer") == 3);
  CHECK(queue.status(first)->result.at("answer") == 1);
  CHECK(queue.status(second)->state == JobState::done);
}

TEST_CASE("Cancel drops a queued job and stops a running one through its stop token", "[serve]") {
  JobQueue queue;
  std::promise<void> first_started, second_started;
  std::promise<void> never;
  const std::shared_future<void> unreleased = never.get_future().share();
  const auto running = queue.submit(blocking_work(first_started, unreleased, 1));
  const auto waiting = queue.submit(blocking_work(second_started, unreleased, 2));
  first_started.get_future().wait();

  REQUIRE(queue.cancel(waiting));
  CHECK(queue.status(waiting)->state == JobState::cancelled);
  REQUIRE(queue.cancel(running));
  const auto stopped = queue.wait(running);
  REQUIRE(stopped);
  CHECK(stopped->state == JobState::cancelled);
  CHECK(stopped->result.is_null());
  CHECK_FALSE(queue.cancel(running));
  CHECK_FALSE(queue.cancel(999));
}

TEST_CASE("a job whose work throws fails with the message", "[serve]") {
  JobQueue queue;
  const auto id =
      queue.submit([](std::stop_token, const std::function<void(JobProgress)>&) -> nlohmann::json {
        throw std::runtime_error("cannot write the results file");
      });
  const auto status = queue.wait(id);
  REQUIRE(status);
  CHECK(status->state == JobState::failed);
  CHECK(status->error == "cannot write the results file");
}

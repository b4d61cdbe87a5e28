// primsim-voting-day: members generated per second and bytes per member, then members processed
// per second over a whole replicate of a 1,000,000-member scenario (nomination to list), on the
// sequential executor in both orders of work and on the parallel one. Prints one JSON line per
// measurement.
#include <chrono>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/sequential_executor.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace primsim;
  std::string scenario_path = "bench/scenarios/voting_day_1m.yaml";
  std::size_t threads = 2;
  CLI::App app{"members per second on a voting day"};
  app.add_option("--scenario", scenario_path, "scenario to run");
  app.add_option("--threads", threads, "threads of the parallel executor");
  CLI11_PARSE(app, argc, argv);

  const auto loaded = scenarios::load_scenario(scenario_path);
  const models::spec::ScenarioSpec& scenario = loaded.spec;

  {
    const auto members = models::apportion_members(scenario);
    models::MemberTable table;
    const auto start = std::chrono::steady_clock::now();
    const models::MemberGenerator generator(scenario.membership, sim::SimTime{86400});
    for (std::size_t r = 0; r < members.size(); ++r) {
      sim::RandomStream stream(sim::StreamKey{1, 0, r, 1});
      generator.generate(static_cast<std::uint16_t>(r), scenario.territory.regions[r], members[r], stream,
                         table);
    }
    const double seconds = seconds_since(start);
    nlohmann::ordered_json line;
    line["measure"] = "member_generation";
    line["members"] = table.size();
    line["seconds"] = seconds;
    line["members_per_second"] = static_cast<double>(table.size()) / seconds;
    line["bytes_per_member"] = table.bytes_per_member();
    std::cout << line.dump() << '\n';
  }

  // The sequential executor in both of its orders of work, then the parallel one.
  enum class Run { lookahead_windows, global_queue, parallel };
  for (const Run run : {Run::lookahead_windows, Run::global_queue, Run::parallel}) {
    models::PrimaryReplicate replicate(scenario, 1, 0);
    std::unique_ptr<sim::Executor> executor;
    std::size_t executor_threads = 0;
    switch (run) {
      case Run::lookahead_windows:
        executor = std::make_unique<sim::SequentialExecutor>();
        break;
      case Run::global_queue:
        executor = std::make_unique<sim::SequentialExecutor>(sim::SequentialExecutor::Order::global_queue);
        break;
      case Run::parallel:
        executor_threads = threads;
        executor = std::make_unique<sim::ParallelExecutor>(threads);
        break;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto results = replicate.run(*executor);
    const double seconds = seconds_since(start);
    nlohmann::ordered_json line;
    line["measure"] = "replicate";
    line["executor"] = executor->name();
    if (run != Run::parallel)
      line["order"] = run == Run::global_queue ? "one global queue" : "lookahead windows";
    line["threads"] = executor_threads;
    line["members"] = replicate.world().total_members();
    line["votes"] = results.summary.front().votes;
    line["events"] = replicate.events();
    line["seconds"] = seconds;
    line["members_per_second"] = static_cast<double>(replicate.world().total_members()) / seconds;
    line["events_per_second"] = static_cast<double>(replicate.events()) / seconds;
    std::cout << line.dump() << '\n';
  }
  return 0;
}

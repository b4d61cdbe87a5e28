// `primsim serve SCENARIO.yaml [--port P]`: the classroom page on 127.0.0.1, where students
// change the scenario's rules with controls, run a few replicates and compare with the unchanged
// scenario. Ctrl-C (or SIGTERM, SIGHUP) stops it and removes its temporary files.
#include <pthread.h>

#include <csignal>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "command.hpp"
#include "primsim/serve/classroom_api.hpp"
#include "primsim/serve/classroom_server.hpp"

namespace primsim::cli {

Command add_serve_command(CLI::App& parent) {
  struct Options {
    std::string scenario;
    int port = 8080;
    std::uint32_t replicates = 4;
    std::optional<std::uint64_t> seed;
    std::size_t threads = 0;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("serve", "serve the classroom page of a scenario on 127.0.0.1");
  app->add_option("SCENARIO.yaml", options->scenario, "the scenario students start from")->required();
  app->add_option("--port", options->port, "the port on 127.0.0.1 (0: any free port, printed)")
      ->check(CLI::Range(0, 65535));
  app->add_option("--replicates", options->replicates, "replicates of each run (default 4)")
      ->check(CLI::Range(2, 1000));
  app->add_option("--seed", options->seed, "the seed of every run (default: the scenario's)");
  app->add_option("--threads", options->threads, "threads of each run (default: every core)");

  return {app, [options] {
            // The signals go to one thread that stops the server; every other thread, the runs'
            // included, inherits the blocked mask, so no handler runs inside a simulation.
            sigset_t signals;
            sigemptyset(&signals);
            sigaddset(&signals, SIGINT);
            sigaddset(&signals, SIGTERM);
            sigaddset(&signals, SIGHUP);
            pthread_sigmask(SIG_BLOCK, &signals, nullptr);

            std::cerr << "primsim serve: running " << options->scenario << " unchanged ("
                      << options->replicates << " replicates)\n";
            serve::ClassroomApi api(serve::ClassroomSettings{.scenario = options->scenario,
                                                             .replicates = options->replicates,
                                                             .seed = options->seed,
                                                             .threads = options->threads});
            serve::ClassroomServer server(api);
            const int port = server.bind(options->port);
            std::cout << "primsim serve: the classroom page is at http://127.0.0.1:" << port
                      << "/ (Ctrl-C stops it)" << std::endl;
            std::thread waiter([&] {
              int signal = 0;
              sigwait(&signals, &signal);
              server.stop();
            });
            server.serve();
            pthread_kill(waiter.native_handle(), SIGTERM);
            waiter.join();
            return 0;
          }};
}

}  // namespace primsim::cli

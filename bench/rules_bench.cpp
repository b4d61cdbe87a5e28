// primsim-rules-bench: ballots tallied per second by Borda and STV on a large profile of
// Plackett-Luce rankings (default 1,000,000 ballots of 20 candidates), each ballot its own entry
// as the simulator produces them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <numeric>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "primsim/models/rules/borda.hpp"
#include "primsim/models/rules/single_transferable_vote.hpp"
#include "primsim/sim/random_stream.hpp"

namespace {

using primsim::models::rules::CandidateIndex;
using primsim::models::rules::Profile;

// Plackett-Luce draws by the Gumbel trick: sorting log-worth plus Gumbel noise gives a ranking
// with exactly the Plackett-Luce distribution.
Profile make_profile(std::size_t ballots, std::size_t candidates, std::size_t depth, std::uint64_t seed) {
  primsim::sim::RandomStream stream({seed, 0, 0, 1});
  std::vector<double> log_worth(candidates);
  for (std::size_t c = 0; c < candidates; ++c) log_worth[c] = -0.15 * static_cast<double>(c);
  Profile profile(candidates);
  profile.reserve(ballots, ballots * depth);
  std::vector<double> key(candidates);
  std::vector<CandidateIndex> order(candidates);
  for (std::size_t b = 0; b < ballots; ++b) {
    for (std::size_t c = 0; c < candidates; ++c) {
      key[c] = log_worth[c] - std::log(-std::log(stream.uniform_positive()));
    }
    std::iota(order.begin(), order.end(), CandidateIndex{0});
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(depth), order.end(),
                      [&](CandidateIndex x, CandidateIndex y) { return key[x] > key[y]; });
    profile.add_ranking(std::span<const CandidateIndex>(order.data(), depth));
  }
  return profile;
}

template <typename F>
double best_seconds(int repeats, F&& run) {
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t ballots = 1'000'000;
  std::size_t candidates = 20;
  std::size_t depth = 20;
  std::size_t seats = 5;
  int repeats = 3;
  std::uint64_t seed = 1;
  CLI::App app{"Borda and STV throughput on a large ballot profile"};
  app.add_option("--ballots", ballots, "ballots (each its own entry)")->check(CLI::PositiveNumber);
  app.add_option("--candidates", candidates, "candidates")->check(CLI::Range(2, 65535));
  app.add_option("--depth", depth, "candidates ranked per ballot (truncation below)")
      ->check(CLI::PositiveNumber);
  app.add_option("--seats", seats, "STV seats")->check(CLI::PositiveNumber);
  app.add_option("--repeats", repeats, "timed runs; the fastest is reported")->check(CLI::PositiveNumber);
  app.add_option("--seed", seed, "seed of the ballot stream");
  CLI11_PARSE(app, argc, argv);
  depth = std::min(depth, candidates);

  const auto build_start = std::chrono::steady_clock::now();
  const Profile profile = make_profile(ballots, candidates, depth, seed);
  const double build = std::chrono::duration<double>(std::chrono::steady_clock::now() - build_start).count();
  const auto tie_break = primsim::models::rules::TieBreak::by_index();

  CandidateIndex borda_winner = 0;
  const double borda_seconds = best_seconds(
      repeats, [&] { borda_winner = primsim::models::rules::borda(profile, 1, tie_break).winner(); });
  std::size_t elected = 0;
  const double stv_seconds = best_seconds(repeats, [&] {
    const auto result = primsim::models::rules::single_transferable_vote(profile, seats, tie_break);
    elected = static_cast<std::size_t>(std::count(result.elected.begin(), result.elected.end(), true));
  });
  std::cout << fmt::format("profile: {} ballots x {} candidates (ranked {}), built in {:.2f} s\n", ballots,
                           candidates, depth, build);
  std::cout << fmt::format("borda: {:.3f} s, {:.3g} ballots/s (winner {})\n", borda_seconds,
                           static_cast<double>(ballots) / borda_seconds, borda_winner + 1);
  std::cout << fmt::format("stv ({} seats, WIGM): {:.3f} s, {:.3g} ballots/s ({} elected)\n", seats,
                           stv_seconds, static_cast<double>(ballots) / stv_seconds, elected);
  return 0;
}

// `primsim tally` and `primsim allocate` for Python: the same readers, range checks, rules and
// tie breaks as the CLI, on a file or on ballots and votes that Python hands over.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "primsim/models/rules/count_limits.hpp"
#include "primsim/models/rules/party_votes_reader.hpp"
#include "primsim/models/rules/preflib_reader.hpp"
#include "primsim/models/rules/seat_allocation.hpp"
#include "primsim/models/rules/voting_rule.hpp"
#include "primsim/scenarios/range_wording.hpp"
#include "primsim/sim/input_error.hpp"

namespace py = pybind11;

namespace primsim::python {
namespace {

using models::rules::CandidateIndex;

// The purposes of the CLI's lots (cli/tally_command.cpp, cli/allocate_command.cpp), so that a
// lot with the same seed breaks ties as `primsim tally --tie-break lot --seed S` does.
constexpr std::uint64_t kTallyLotPurpose = 0x7461'6c6c'79;     // "tally"
constexpr std::uint64_t kAllocateLotPurpose = 0x616c'6c6f'63;  // "alloc"

// The CLI's integer_in and number_in checks, with the argument's Python name.
void check_whole(const char* name, std::int64_t value, std::int64_t least, std::uint64_t most) {
  if (value >= least && (value < 0 || static_cast<std::uint64_t>(value) <= most)) return;
  throw sim::InputError(fmt::format("{}: expected {}, found \"{}\"", name,
                                    scenarios::whole_number_wording(least, most), value));
}

void check_share(const char* name, double value) {
  if (value >= 0.0 && value <= 1.0) return;
  throw sim::InputError(fmt::format("{}: expected {}, found \"{}\"{}", name,
                                    scenarios::number_wording(0, 1, false, false), value,
                                    scenarios::share_hint(1.0, value)));
}

models::rules::TieBreak make_tie_break(const std::string& kind, std::uint64_t seed, std::uint64_t purpose) {
  if (kind == "lot") return models::rules::TieBreak::by_lot({seed, 0, 0, purpose});
  if (kind == "index") return models::rules::TieBreak::by_index();
  throw sim::InputError(fmt::format("tie_break: expected index or lot, found \"{}\"", kind));
}

// Ballots as Python gives them: per ballot its tiers of candidate indices, best first.
using Tiers = std::vector<std::vector<std::int64_t>>;

models::rules::Profile profile_from_ballots(const std::vector<std::string>& names,
                                            const std::vector<Tiers>& ballots,
                                            const std::vector<std::int64_t>& counts) {
  using models::rules::kMaxVoters;
  if (names.empty() || names.size() > std::numeric_limits<CandidateIndex>::max()) {
    throw sim::InputError(fmt::format("candidates: expected from 1 to {} candidates, found {}",
                                      scenarios::grouped(std::numeric_limits<CandidateIndex>::max()),
                                      names.size()));
  }
  models::rules::Profile profile(names.size());
  profile.set_candidate_names(names);
  std::uint64_t voters = 0;
  std::vector<char> seen(names.size());
  for (std::size_t b = 0; b < ballots.size(); ++b) {
    const std::int64_t count = counts.empty() ? 1 : counts[b];
    if (count < 1 || static_cast<std::uint64_t>(count) > kMaxVoters ||
        (voters += static_cast<std::uint64_t>(count)) > kMaxVoters) {
      throw sim::InputError(fmt::format(
          "ballot {}: count: expected a whole number of at least 1, and at most {} voters in all, found {}",
          b + 1, scenarios::grouped(kMaxVoters), count));
    }
    std::fill(seen.begin(), seen.end(), 0);
    std::vector<std::vector<CandidateIndex>> tiers;
    for (const auto& tier : ballots[b]) {
      if (tier.empty()) continue;
      auto& indices = tiers.emplace_back();
      for (const std::int64_t c : tier) {
        if (c < 0 || static_cast<std::size_t>(c) >= names.size()) {
          throw sim::InputError(
              fmt::format("ballot {}: expected candidates 0 to {}, found {}", b + 1, names.size() - 1, c));
        }
        if (seen[static_cast<std::size_t>(c)]++ != 0) {
          throw sim::InputError(
              fmt::format("ballot {}: expected each candidate at most once, found '{}' again", b + 1,
                          names[static_cast<std::size_t>(c)]));
        }
        indices.push_back(static_cast<CandidateIndex>(c));
      }
    }
    // An empty ballot counts as it does in a PrefLib file: its voters rank no one.
    profile.add_tiered_ranking(tiers, static_cast<std::uint64_t>(count));
  }
  return profile;
}

py::dict tally_profile(const models::rules::Profile& profile, const std::string& rule_name,
                       std::int64_t winners, const std::string& tie_break, std::uint64_t seed,
                       const std::string& source) {
  using namespace models::rules;
  check_whole("winners", winners, 1, std::numeric_limits<std::uint32_t>::max());
  const VotingRule rule = parse_voting_rule(rule_name);
  if (static_cast<std::uint64_t>(winners) > profile.candidate_count()) {
    throw sim::InputError(fmt::format("winners: expected at most the {} candidates in {}, found {}",
                                      profile.candidate_count(), source, winners));
  }
  const TieBreak breaker = make_tie_break(tie_break, seed, kTallyLotPurpose);
  TallyResult result;
  {
    py::gil_scoped_release release;
    result = tally(profile, rule, static_cast<std::size_t>(winners), breaker);
  }
  py::list ties;
  for (const TieNote& tie : result.ties) {
    ties.append(
        py::make_tuple(tie.round, std::vector<std::size_t>(tie.tied.begin(), tie.tied.end()), tie.score));
  }
  py::dict out;
  out["names"] = profile.candidate_names();
  out["scores"] = result.scores;
  out["order"] = std::vector<std::size_t>(result.order.begin(), result.order.end());
  out["ranks"] = result.ranks;
  out["elected"] = std::vector<bool>(result.elected.begin(), result.elected.end());
  out["multi_winner"] = is_multi_winner(rule) || winners > 1;
  out["ties"] = ties;
  return out;
}

py::dict allocate_votes(const models::rules::PartyVotes& parties, const std::string& method,
                        std::int64_t seats, double threshold, std::optional<std::int64_t> threshold_base,
                        std::optional<double> first_divisor, const std::string& tie_break,
                        std::uint64_t seed) {
  using namespace models::rules;
  check_whole("seats", seats, 1, kMaxSeats);
  check_share("threshold", threshold);
  if (threshold_base) check_whole("threshold_base", *threshold_base, 1, kMaxVotes);
  AllocationOptions options;
  options.method = parse_allocation_method(method);
  options.seats = static_cast<std::uint64_t>(seats);
  options.threshold = threshold;
  if (threshold_base) options.threshold_base = static_cast<std::uint64_t>(*threshold_base);
  options.first_divisor = first_divisor;
  options.tie_break = make_tie_break(tie_break, seed, kAllocateLotPurpose);
  const Allocation result = allocate_seats(parties.votes, options);
  py::list ties;
  for (const SeatTie& tie : result.ties) ties.append(py::make_tuple(tie.seat, tie.parties, tie.votes));
  py::dict out;
  out["parties"] = parties.parties;
  out["votes"] = parties.votes;
  out["seats"] = result.seats;
  out["qualified"] = std::vector<bool>(result.qualified.begin(), result.qualified.end());
  out["base"] = result.base;
  out["ties"] = ties;
  return out;
}

}  // namespace

void bind_rules(py::module_& module) {
  module.def(
      "tally_file",
      [](const std::string& path, const std::string& rule, std::int64_t winners, const std::string& tie_break,
         std::uint64_t seed) {
        return tally_profile(models::rules::read_preflib(path), rule, winners, tie_break, seed, path);
      },
      py::arg("path"), py::arg("rule"), py::arg("winners"), py::arg("tie_break"), py::arg("seed"));
  module.def(
      "tally_ballots",
      [](const std::vector<std::string>& names, const std::vector<Tiers>& ballots,
         const std::vector<std::int64_t>& counts, const std::string& rule, std::int64_t winners,
         const std::string& tie_break, std::uint64_t seed) {
        return tally_profile(profile_from_ballots(names, ballots, counts), rule, winners, tie_break, seed,
                             "the ballots");
      },
      py::arg("names"), py::arg("ballots"), py::arg("counts"), py::arg("rule"), py::arg("winners"),
      py::arg("tie_break"), py::arg("seed"));
  module.def(
      "allocate_file",
      [](const std::string& path, const std::string& method, std::int64_t seats, double threshold,
         std::optional<std::int64_t> threshold_base, std::optional<double> first_divisor,
         const std::string& tie_break, std::uint64_t seed) {
        return allocate_votes(models::rules::read_party_votes(path), method, seats, threshold, threshold_base,
                              first_divisor, tie_break, seed);
      },
      py::arg("path"), py::arg("method"), py::arg("seats"), py::arg("threshold"), py::arg("threshold_base"),
      py::arg("first_divisor"), py::arg("tie_break"), py::arg("seed"));
  module.def(
      "allocate_votes",
      [](const std::vector<std::string>& parties, const std::vector<std::uint64_t>& votes,
         const std::string& method, std::int64_t seats, double threshold,
         std::optional<std::int64_t> threshold_base, std::optional<double> first_divisor,
         const std::string& tie_break, std::uint64_t seed) {
        models::rules::PartyVotes given{parties, votes};
        return allocate_votes(given, method, seats, threshold, threshold_base, first_divisor, tie_break,
                              seed);
      },
      py::arg("parties"), py::arg("votes"), py::arg("method"), py::arg("seats"), py::arg("threshold"),
      py::arg("threshold_base"), py::arg("first_divisor"), py::arg("tie_break"), py::arg("seed"));
}

}  // namespace primsim::python

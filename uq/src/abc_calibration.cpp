// Rejection ABC, ABC-SMC (Beaumont et al. 2009 with an adaptive tolerance) and history matching by
// direct simulation, all driving the caller's batch simulator and drawing only from keyed Philox streams.
#include "primsim/uq/abc_calibration.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>

#include "abc_kernel.hpp"
#include "primsim/sim/name_spelling.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::uq {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::array<std::string_view, 3> kMethodNames = {"abc-smc", "rejection", "history-matching"};

// Stream purposes: a prior draw and a proposal of the same (generation, index) must not share numbers.
constexpr sim::RandomPurpose kPriorDrawPurpose = 0xABC0'0001;
constexpr sim::RandomPurpose kProposalPurpose = 0xABC0'0002;

// A proposal loop that finds nothing inside the prior's support for this many attempts per wanted
// particle is stuck (a population collapsed on a boundary), and would otherwise never end.
constexpr std::size_t kMaxAttemptsPerParticle = 1000;

// History matching's set has stopped shrinking when its spread (the geometric mean over parameters
// of the ratio of SDs, this wave's over the last) fell by less than this.
constexpr double kShrinkRatio = 0.95;

constexpr std::string_view kBudgetSpent = "budget spent";
constexpr std::string_view kLowAcceptance = "acceptance below min_acceptance";
constexpr std::string_view kMaxGenerations = "max_generations reached";
constexpr std::string_view kToleranceStuck = "tolerance cannot shrink";
constexpr std::string_view kOutsideSupport = "proposals outside the prior support";
constexpr std::string_view kStoppedShrinking = "non-implausible set stopped shrinking";
constexpr std::string_view kNoneKept = "no non-implausible point";

double target_term(const AbcTarget& target, double statistic) {
  if (std::isnan(statistic)) return kInfinity;
  switch (target.bound) {
    case TargetBound::equal:
      return (statistic - target.published) / target.scale;
    case TargetBound::at_least:
      return std::max(0.0, target.published - statistic) / target.scale;
    case TargetBound::at_most:
      return std::max(0.0, statistic - target.published) / target.scale;
  }
  return kInfinity;
}

void check_statistics_size(const std::vector<AbcTarget>& targets, const std::vector<double>& statistics) {
  if (statistics.size() != targets.size()) {
    throw std::invalid_argument(
        fmt::format("{} statistics given for {} ABC targets", statistics.size(), targets.size()));
  }
}

void validate(const std::vector<PriorDistribution>& priors, const std::vector<AbcTarget>& targets,
              const BatchSimulator& simulate, const AbcSettings& settings) {
  if (priors.empty()) throw std::invalid_argument("ABC calibration needs at least one prior");
  if (targets.empty()) throw std::invalid_argument("ABC calibration needs at least one target");
  if (!simulate) throw std::invalid_argument("ABC calibration needs a simulator");
  for (const AbcTarget& target : targets) {
    if (!(target.scale > 0.0) || !std::isfinite(target.scale)) {
      throw std::invalid_argument(fmt::format("ABC target '{}' has scale {}; it must be a finite number > 0",
                                              target.statistic, target.scale));
    }
    if (!std::isfinite(target.published)) {
      throw std::invalid_argument(
          fmt::format("ABC target '{}' has a published value that is not finite", target.statistic));
    }
  }
  if (settings.particles < 2) {
    throw std::invalid_argument(fmt::format("ABC needs at least 2 particles, got {}", settings.particles));
  }
  if (settings.budget < settings.particles) {
    throw std::invalid_argument(
        fmt::format("the ABC budget ({} simulations) is smaller than one population ({})", settings.budget,
                    settings.particles));
  }
  if (!(settings.quantile > 0.0 && settings.quantile < 1.0)) {
    throw std::invalid_argument(
        fmt::format("the ABC tolerance quantile must lie in (0, 1), got {}", settings.quantile));
  }
  if (settings.max_generations < 1) throw std::invalid_argument("ABC needs max_generations of at least 1");
  if (!(settings.min_acceptance >= 0.0 && settings.min_acceptance < 1.0)) {
    throw std::invalid_argument(
        fmt::format("the ABC min_acceptance must lie in [0, 1), got {}", settings.min_acceptance));
  }
  if (!(settings.implausibility_cut > 0.0)) {
    throw std::invalid_argument(
        fmt::format("the implausibility cut must be > 0, got {}", settings.implausibility_cut));
  }
}

double effective_sample_size(const std::vector<AbcParticle>& particles) {
  double sum_squared = 0.0;
  for (const AbcParticle& particle : particles) sum_squared += particle.weight * particle.weight;
  return sum_squared > 0.0 ? 1.0 / sum_squared : 0.0;
}

void set_equal_weights(std::vector<AbcParticle>& particles) {
  for (AbcParticle& particle : particles) particle.weight = 1.0 / static_cast<double>(particles.size());
}

std::vector<std::vector<double>> parameters_of(const std::vector<AbcParticle>& particles) {
  std::vector<std::vector<double>> points;
  points.reserve(particles.size());
  for (const AbcParticle& particle : particles) points.push_back(particle.parameters);
  return points;
}

std::vector<double> weights_of(const std::vector<AbcParticle>& particles) {
  std::vector<double> weights;
  weights.reserve(particles.size());
  for (const AbcParticle& particle : particles) weights.push_back(particle.weight);
  return weights;
}

// The smallest distance below which a share `quantile` of the weight lies.
double weighted_quantile(const std::vector<AbcParticle>& particles, double quantile) {
  std::vector<std::size_t> order(particles.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return particles[a].distance < particles[b].distance;
  });
  double cumulative = 0.0;
  for (const std::size_t index : order) {
    cumulative += particles[index].weight;
    if (cumulative >= quantile) return particles[index].distance;
  }
  return particles[order.back()].distance;
}

// The batches, the budget and the streams of one calibration.
class Calibration {
 public:
  Calibration(const std::vector<PriorDistribution>& priors, const std::vector<AbcTarget>& targets,
              const BatchSimulator& simulate, const AbcSettings& settings)
      : priors_(priors), targets_(targets), simulate_(simulate), settings_(settings) {}

  AbcResult run() {
    result_.method = settings_.method;
    switch (settings_.method) {
      case AbcMethod::rejection:
        run_rejection();
        break;
      case AbcMethod::abc_smc:
        run_smc();
        break;
      case AbcMethod::history_matching:
        run_history_matching();
        break;
    }
    result_.simulations = simulations_;
    return std::move(result_);
  }

 private:
  // A proposal: its parameters, or nothing when it fell where the prior has no mass.
  using Proposer = std::function<std::optional<std::vector<double>>(std::uint64_t attempt)>;

  struct Filled {
    std::vector<AbcParticle> accepted;
    std::size_t simulated = 0;
    std::string_view failure;  // empty when the population was filled
  };

  [[nodiscard]] std::size_t remaining() const { return settings_.budget - simulations_; }

  std::vector<std::vector<double>> simulate(const std::vector<std::vector<double>>& sets) {
    auto statistics = simulate_(sets, simulations_);
    simulations_ += sets.size();
    if (statistics.size() != sets.size()) {
      throw std::runtime_error(fmt::format("the ABC simulator returned {} results for {} parameter sets",
                                           statistics.size(), sets.size()));
    }
    for (const auto& row : statistics) {
      if (row.size() != targets_.size()) {
        throw std::runtime_error(fmt::format("the ABC simulator returned {} statistics for {} targets",
                                             row.size(), targets_.size()));
      }
    }
    return statistics;
  }

  [[nodiscard]] double log_prior(const std::vector<double>& parameters) const {
    double sum = 0.0;
    for (std::size_t k = 0; k < priors_.size(); ++k) sum += std::log(priors_[k].density(parameters[k]));
    return sum;
  }

  [[nodiscard]] std::vector<double> draw_from_prior(std::uint64_t generation, std::uint64_t index) const {
    sim::RandomStream stream({settings_.seed, generation, index, kPriorDrawPurpose});
    std::vector<double> parameters(priors_.size());
    for (std::size_t k = 0; k < priors_.size(); ++k) parameters[k] = priors_[k].quantile(stream.uniform());
    return parameters;
  }

  // Resamples the population by weight and perturbs the pick; `cumulative` holds the running sums of
  // the weights, so a pick is one uniform and a binary search.
  [[nodiscard]] std::optional<std::vector<double>> propose(const std::vector<AbcParticle>& population,
                                                           const std::vector<double>& cumulative,
                                                           const detail::AbcKernel& kernel,
                                                           std::uint64_t generation,
                                                           std::uint64_t attempt) const {
    sim::RandomStream stream({settings_.seed, generation, attempt, kProposalPurpose});
    const double u = stream.uniform() * cumulative.back();
    const auto pick = std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin();
    const auto origin = std::min(static_cast<std::size_t>(pick), population.size() - 1);
    auto moved = kernel.perturb(population[origin].parameters, stream);
    if (!std::isfinite(log_prior(moved))) return std::nullopt;
    return moved;
  }

  // Simulates batches of proposals until `wanted` are accepted, the budget runs out, or (when
  // `max_simulated` is reached first) the acceptance rate is certainly below min_acceptance.
  // Batches are of `particles` proposals that the prior allows, so the caller can run one in
  // parallel; acceptances are taken in proposal order, so the caller's order cannot matter.
  template <typename Accept>
  Filled fill(const Proposer& proposer, const Accept& accept, std::size_t wanted, std::size_t max_simulated) {
    Filled filled;
    std::uint64_t attempt = 0;
    std::uint64_t failed_attempts = 0;
    while (filled.accepted.size() < wanted) {
      if (remaining() == 0) {
        filled.failure = kBudgetSpent;
        return filled;
      }
      if (filled.simulated >= max_simulated) {
        filled.failure = kLowAcceptance;
        return filled;
      }
      const std::size_t batch_size = std::min(settings_.particles, remaining());
      std::vector<std::vector<double>> batch;
      batch.reserve(batch_size);
      while (batch.size() < batch_size) {
        auto proposal = proposer(attempt++);
        if (proposal) {
          batch.push_back(std::move(*proposal));
        } else if (++failed_attempts > kMaxAttemptsPerParticle * wanted) {
          filled.failure = kOutsideSupport;
          return filled;
        }
      }
      auto statistics = simulate(batch);
      filled.simulated += batch.size();
      for (std::size_t i = 0; i < batch.size() && filled.accepted.size() < wanted; ++i) {
        const double distance = abc_distance(targets_, statistics[i]);
        if (accept(distance)) {
          filled.accepted.push_back({std::move(batch[i]), std::move(statistics[i]), distance, 0.0});
        }
      }
    }
    return filled;
  }

  void record(std::size_t index, double epsilon, std::size_t simulated,
              const std::vector<AbcParticle>& accepted, bool complete) {
    const double rate =
        simulated > 0 ? static_cast<double>(accepted.size()) / static_cast<double>(simulated) : 0.0;
    result_.generations.push_back({index, epsilon, simulated, accepted.size(), rate,
                                   complete ? effective_sample_size(accepted) : 0.0, complete});
  }

  void run_rejection() {
    // Every simulation is kept until the end, since any of them may be among the best.
    std::vector<AbcParticle> all;
    all.reserve(settings_.budget);
    while (remaining() > 0) {
      const std::size_t batch_size = std::min(settings_.particles, remaining());
      std::vector<std::vector<double>> batch;
      batch.reserve(batch_size);
      for (std::size_t i = 0; i < batch_size; ++i) batch.push_back(draw_from_prior(0, simulations_ + i));
      auto statistics = simulate(batch);
      for (std::size_t i = 0; i < batch_size; ++i) {
        const double distance = abc_distance(targets_, statistics[i]);
        all.push_back({std::move(batch[i]), std::move(statistics[i]), distance, 0.0});
      }
    }
    // Sorted by distance, ties by simulation index, so the kept set is the same for any run of the seed.
    std::stable_sort(all.begin(), all.end(),
                     [](const AbcParticle& a, const AbcParticle& b) { return a.distance < b.distance; });
    std::vector<AbcParticle> kept;
    for (AbcParticle& particle : all) {
      if (kept.size() == settings_.particles || !std::isfinite(particle.distance)) break;
      kept.push_back(std::move(particle));
    }
    set_equal_weights(kept);
    const double epsilon = kept.empty() ? kInfinity : kept.back().distance;
    record(0, epsilon, simulations_, kept, true);
    result_.posterior = std::move(kept);
    result_.stop_reason = kBudgetSpent;
  }

  // Beaumont et al. (2009)'s population Monte Carlo ABC; the tolerance of each generation is a quantile
  // of the last population's distances (Del Moral et al. 2012, Drovandi and Pettitt 2011) instead of a
  // schedule the caller would have to guess.
  void run_smc() {
    const std::size_t particles = settings_.particles;
    // A generation that has simulated this many without filling its population accepts fewer than
    // min_acceptance of its proposals.
    const std::size_t max_simulated =
        settings_.min_acceptance > 0.0
            ? static_cast<std::size_t>(std::ceil(static_cast<double>(particles) / settings_.min_acceptance))
            : std::numeric_limits<std::size_t>::max();

    // Generation 0 samples the prior and keeps every simulation that produced its statistics.
    Filled first = fill(
        [&](std::uint64_t attempt) -> std::optional<std::vector<double>> {
          return draw_from_prior(0, attempt);
        },
        [](double distance) { return std::isfinite(distance); }, particles,
        std::numeric_limits<std::size_t>::max());
    if (!first.failure.empty()) {
      record(0, kInfinity, first.simulated, first.accepted, false);
      result_.stop_reason = first.failure;
      return;
    }
    std::vector<AbcParticle> population = std::move(first.accepted);
    set_equal_weights(population);
    double epsilon = 0.0;
    for (const AbcParticle& particle : population) epsilon = std::max(epsilon, particle.distance);
    record(0, epsilon, first.simulated, population, true);

    for (std::size_t generation = 1;; ++generation) {
      const AbcGeneration& last = result_.generations.back();
      if (last.acceptance_rate < settings_.min_acceptance) {
        result_.stop_reason = kLowAcceptance;
        break;
      }
      if (generation >= settings_.max_generations) {
        result_.stop_reason = kMaxGenerations;
        break;
      }
      if (remaining() == 0) {
        result_.stop_reason = kBudgetSpent;
        break;
      }
      // Ties among discrete distances can put the quantile at the current tolerance; the next distinct
      // distance below it then keeps the tolerance falling, and when there is none (every particle at
      // the smallest distance) no later generation could sample a narrower posterior.
      double next = weighted_quantile(population, settings_.quantile);
      if (!(next < epsilon)) {
        double below = -kInfinity;
        for (const AbcParticle& particle : population) {
          if (particle.distance < epsilon) below = std::max(below, particle.distance);
        }
        if (below == -kInfinity) {
          result_.stop_reason = kToleranceStuck;
          break;
        }
        next = below;
      }
      epsilon = next;

      const detail::AbcKernel kernel(priors_, parameters_of(population), weights_of(population));
      std::vector<double> cumulative(population.size());
      double running = 0.0;
      for (std::size_t i = 0; i < population.size(); ++i) cumulative[i] = running += population[i].weight;
      Filled filled = fill(
          [&](std::uint64_t attempt) { return propose(population, cumulative, kernel, generation, attempt); },
          [&](double distance) { return distance <= epsilon; }, particles, max_simulated);
      if (!filled.failure.empty()) {
        record(generation, epsilon, filled.simulated, filled.accepted, false);
        result_.stop_reason = filled.failure;
        break;
      }
      set_importance_weights(filled.accepted, population, kernel);
      population = std::move(filled.accepted);
      record(generation, epsilon, filled.simulated, population, true);
    }
    result_.posterior = std::move(population);
  }

  // w_i proportional to prior(theta_i) / sum_j w_j K(theta_i | theta_j): the accepted particles were
  // proposed from the kernel mixture, so this turns them into a sample of prior times acceptance.
  // In logs, since a far particle's kernel terms can all underflow.
  void set_importance_weights(std::vector<AbcParticle>& accepted, const std::vector<AbcParticle>& previous,
                              const detail::AbcKernel& kernel) const {
    std::vector<double> log_weights(accepted.size());
    std::vector<double> terms(previous.size());
    for (std::size_t i = 0; i < accepted.size(); ++i) {
      double largest = -kInfinity;
      for (std::size_t j = 0; j < previous.size(); ++j) {
        terms[j] =
            std::log(previous[j].weight) + kernel.log_density(accepted[i].parameters, previous[j].parameters);
        largest = std::max(largest, terms[j]);
      }
      if (largest == -kInfinity) {
        // No previous particle could have proposed it; it cannot carry weight.
        log_weights[i] = -kInfinity;
        continue;
      }
      double sum = 0.0;
      for (const double term : terms) sum += std::exp(term - largest);
      log_weights[i] = log_prior(accepted[i].parameters) - (largest + std::log(sum));
    }
    const double largest = *std::max_element(log_weights.begin(), log_weights.end());
    double total = 0.0;
    for (std::size_t i = 0; i < accepted.size(); ++i)
      total += accepted[i].weight = std::exp(log_weights[i] - largest);
    for (AbcParticle& particle : accepted) particle.weight /= total;
  }

  // History matching by direct simulation. Its usual form (Craig et al. 1997, Vernon et al. 2010) fits a
  // Gaussian-process emulator to each wave's runs and rules out, from the emulator alone, all of the space
  // whose implausibility exceeds the cut, so each wave refines the emulator and the set shrinks. Here every
  // point is simulated once instead, and its implausibility is computed from that one run: nothing is
  // predicted between points, so the waves do not sharpen a model of the space; they concentrate the
  // sampling in the non-implausible set, to get `particles` points of it when it is a small part of the
  // prior. A target's scale has to carry the simulator's run-to-run SD as well as the observation's, since
  // a single run is noisy where an emulator mean would not be; a point kept once could fail in another run.
  // The result is a set with equal weights, not a posterior: it says which parameters are not ruled out.
  void run_history_matching() {
    const std::size_t particles = settings_.particles;
    const double cut = settings_.implausibility_cut;
    const auto wave_of = [&](std::size_t wave, const Proposer& proposer) {
      std::vector<AbcParticle> kept;
      std::vector<std::vector<double>> batch;
      batch.reserve(particles);
      std::uint64_t attempt = 0;
      std::uint64_t failed_attempts = 0;
      while (batch.size() < particles) {
        auto proposal = proposer(attempt++);
        if (proposal) {
          batch.push_back(std::move(*proposal));
        } else if (++failed_attempts > kMaxAttemptsPerParticle * particles) {
          return std::optional<std::vector<AbcParticle>>{};
        }
      }
      auto statistics = simulate(batch);
      for (std::size_t i = 0; i < particles; ++i) {
        const double implausibility = abc_implausibility(targets_, statistics[i]);
        if (implausibility < cut)
          kept.push_back({std::move(batch[i]), std::move(statistics[i]), implausibility, 0.0});
      }
      set_equal_weights(kept);
      record(wave, cut, particles, kept, true);
      return std::optional<std::vector<AbcParticle>>{std::move(kept)};
    };

    auto first = wave_of(0, [&](std::uint64_t attempt) -> std::optional<std::vector<double>> {
      return draw_from_prior(0, attempt);
    });
    if (!first) {
      result_.stop_reason = kOutsideSupport;
      return;
    }
    if (first->empty()) {
      result_.stop_reason = kNoneKept;
      return;
    }
    std::vector<AbcParticle> kept = std::move(*first);
    for (std::size_t wave = 1;; ++wave) {
      if (wave >= settings_.max_generations) {
        result_.stop_reason = kMaxGenerations;
        break;
      }
      // Only whole waves: a short last wave would leave a smaller set than the one before it.
      if (remaining() < particles) {
        result_.stop_reason = kBudgetSpent;
        break;
      }
      const detail::AbcKernel kernel(priors_, parameters_of(kept), weights_of(kept));
      std::vector<double> cumulative(kept.size());
      for (std::size_t i = 0; i < kept.size(); ++i) cumulative[i] = static_cast<double>(i + 1);
      auto next = wave_of(
          wave, [&](std::uint64_t attempt) { return propose(kept, cumulative, kernel, wave, attempt); });
      if (!next) {
        result_.stop_reason = kOutsideSupport;
        break;
      }
      if (next->empty()) {
        result_.stop_reason = kNoneKept;
        break;
      }
      const double ratio = spread_ratio(kept, *next);
      kept = std::move(*next);
      if (ratio > kShrinkRatio) {
        result_.stop_reason = kStoppedShrinking;
        break;
      }
    }
    result_.posterior = std::move(kept);
  }

  // The geometric mean over parameters of SD(after) / SD(before), over the parameters that vary in both.
  [[nodiscard]] double spread_ratio(const std::vector<AbcParticle>& before,
                                    const std::vector<AbcParticle>& after) const {
    if (before.size() < 2 || after.size() < 2) return 0.0;
    const auto covariance_before = detail::weighted_covariance_of(parameters_of(before), weights_of(before));
    const auto covariance_after = detail::weighted_covariance_of(parameters_of(after), weights_of(after));
    double log_sum = 0.0;
    std::size_t counted = 0;
    for (std::size_t k = 0; k < priors_.size(); ++k) {
      if (covariance_before[k][k] > 0.0 && covariance_after[k][k] > 0.0) {
        log_sum += 0.5 * std::log(covariance_after[k][k] / covariance_before[k][k]);
        ++counted;
      }
    }
    return counted == 0 ? 1.0 : std::exp(log_sum / static_cast<double>(counted));
  }

  const std::vector<PriorDistribution>& priors_;
  const std::vector<AbcTarget>& targets_;
  const BatchSimulator& simulate_;
  const AbcSettings& settings_;
  std::size_t simulations_ = 0;
  AbcResult result_;
};

void check_posterior(const AbcResult& result) {
  if (result.posterior.empty())
    throw std::invalid_argument("the ABC posterior is empty: no population completed");
}

}  // namespace

std::string_view abc_method_name(AbcMethod method) {
  return kMethodNames.at(static_cast<std::size_t>(method));
}

std::optional<AbcMethod> parse_abc_method(std::string_view name) {
  for (std::size_t i = 0; i < kMethodNames.size(); ++i) {
    if (sim::same_name(name, kMethodNames[i])) return static_cast<AbcMethod>(i);
  }
  return std::nullopt;
}

double abc_distance(const std::vector<AbcTarget>& targets, const std::vector<double>& statistics) {
  check_statistics_size(targets, statistics);
  double sum = 0.0;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const double term = target_term(targets[k], statistics[k]);
    sum += term * term;
  }
  return std::sqrt(sum);
}

double abc_implausibility(const std::vector<AbcTarget>& targets, const std::vector<double>& statistics) {
  check_statistics_size(targets, statistics);
  double largest = 0.0;
  for (std::size_t k = 0; k < targets.size(); ++k) {
    largest = std::max(largest, std::abs(target_term(targets[k], statistics[k])));
  }
  return largest;
}

AbcResult calibrate(const std::vector<PriorDistribution>& priors, const std::vector<AbcTarget>& targets,
                    const BatchSimulator& simulate, const AbcSettings& settings) {
  validate(priors, targets, simulate, settings);
  return Calibration(priors, targets, simulate, settings).run();
}

std::vector<double> weighted_mean(const AbcResult& result) {
  check_posterior(result);
  std::vector<double> mean(result.posterior.front().parameters.size(), 0.0);
  for (const AbcParticle& particle : result.posterior) {
    for (std::size_t k = 0; k < mean.size(); ++k) mean[k] += particle.weight * particle.parameters[k];
  }
  return mean;
}

std::vector<std::vector<double>> weighted_covariance(const AbcResult& result) {
  check_posterior(result);
  return detail::weighted_covariance_of(parameters_of(result.posterior), weights_of(result.posterior));
}

double weighted_correlation(const AbcResult& result, std::size_t i, std::size_t j) {
  const auto covariance = weighted_covariance(result);
  if (i >= covariance.size() || j >= covariance.size()) {
    throw std::out_of_range(
        fmt::format("parameter {} or {} is out of range for {} parameters", i, j, covariance.size()));
  }
  return covariance[i][j] / std::sqrt(covariance[i][i] * covariance[j][j]);
}

}  // namespace primsim::uq

// The `priors:` block: distribution names and parameters checked like every other key, and each
// prior's support checked against the key it varies, so a draw can never make a bad scenario.
#include "prior_reader.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "key_path.hpp"
#include "primsim/sim/name_spelling.hpp"
#include "time_format.hpp"

namespace primsim::scenarios {
namespace {

constexpr std::size_t kMaxPriors = 1000;
// An unbounded prior is checked at these quantiles: a draw beyond them has odds below 1e-9.
constexpr double kTailMass = 1e-9;

std::optional<double> parse_real(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool is_whole_number(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// What the printed value says: a duration, or a number that may still be a count.
std::optional<ParameterUnit> unit_of(const SourceNode& value) {
  if (!value.is_scalar()) return std::nullopt;
  if (is_whole_number(value.scalar)) return ParameterUnit::integer;
  if (parse_real(value.scalar)) return ParameterUnit::number;
  if (parse_duration(value.scalar)) return ParameterUnit::duration;
  return std::nullopt;
}

std::string_view unit_name(ParameterUnit unit) {
  switch (unit) {
    case ParameterUnit::integer:
      return "a count";
    case ParameterUnit::duration:
      return "a duration";
    case ParameterUnit::number:
      break;
  }
  return "a number";
}

struct DistributionShape {
  uq::DistributionKind kind;
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};

const std::array<DistributionShape, 8>& shapes() {
  using K = uq::DistributionKind;
  static const std::array<DistributionShape, 8> kShapes{{
      {K::uniform, {"low", "high"}, {}},
      {K::normal, {"mean", "sd"}, {}},
      {K::truncated_normal, {"mean", "sd", "low", "high"}, {}},
      {K::beta, {"alpha", "beta"}, {"low", "high"}},
      {K::gamma, {"shape", "scale"}, {}},
      {K::lognormal, {"meanlog", "sdlog"}, {}},
      {K::log_uniform, {"low", "high"}, {}},
      {K::discrete, {"values"}, {"weights"}},
  }};
  return kShapes;
}

std::string names_of_distributions() {
  std::vector<std::string_view> names;
  for (const DistributionShape& shape : shapes()) names.push_back(uq::distribution_name(shape.kind));
  return fmt::format("{}", fmt::join(names, ", "));
}

class PriorEntryReader {
 public:
  PriorEntryReader(const SourceNode::Entry& entry, ParameterUnit unit, Diagnostics& diagnostics)
      : entry_(entry), key_("priors." + entry.key), unit_(unit), diagnostics_(diagnostics) {}

  std::optional<uq::PriorDistribution> read() {
    const SourceNode& node = entry_.value;
    if (!node.is_map()) {
      diagnostics_.add(node.location, key_, "a distribution such as {distribution: uniform, low: 1, high: 2}",
                       node.describe());
      return std::nullopt;
    }
    const SourceNode::Entry* name = node.find("distribution");
    if (name == nullptr || !name->value.is_scalar()) {
      diagnostics_.add(name == nullptr ? node.location : name->value.location, key_ + ".distribution",
                       fmt::format("one of {}", names_of_distributions()),
                       name == nullptr ? std::string("no distribution") : name->value.describe());
      return std::nullopt;
    }
    const DistributionShape* shape = nullptr;
    for (const DistributionShape& candidate : shapes()) {
      if (sim::same_name(name->value.scalar, uq::distribution_name(candidate.kind))) shape = &candidate;
    }
    if (shape == nullptr) {
      diagnostics_.add(name->value.location, key_ + ".distribution",
                       fmt::format("one of {}", names_of_distributions()), name->value.describe());
      return std::nullopt;
    }
    bool complete = true;
    bool unknown_parameter = false;
    for (const SourceNode::Entry& parameter : node.entries) {
      if (parameter.key == "distribution") continue;
      const auto in = [&](const std::vector<std::string_view>& list) {
        return std::find(list.begin(), list.end(), parameter.key) != list.end();
      };
      if (!in(shape->required) && !in(shape->optional)) {
        std::vector<std::string_view> allowed = shape->required;
        allowed.insert(allowed.end(), shape->optional.begin(), shape->optional.end());
        diagnostics_.add(parameter.key_location, key_ + "." + parameter.key,
                         fmt::format("a parameter of the {} distribution ({})", name->value.scalar,
                                     fmt::join(allowed, ", ")),
                         fmt::format("\"{}\"", parameter.key));
        unknown_parameter = true;
      }
    }
    for (const std::string_view required : shape->required) {
      if (node.find(required) == nullptr) {
        diagnostics_.add(node.location, fmt::format("{}.{}", key_, required),
                         fmt::format("the {} distribution's {}", name->value.scalar, required), "nothing");
        complete = false;
      }
    }
    if (!complete) return std::nullopt;
    // The known parameters are checked too, so that every mistake shows at once.
    std::optional<uq::PriorDistribution> built = build(shape->kind, node);
    if (unknown_parameter) return std::nullopt;
    return built;
  }

 private:
  // A parameter in the key's unit: a duration key's parameters may be durations (4min) or seconds.
  std::optional<double> real(const SourceNode& node, std::string_view parameter) {
    const SourceNode::Entry* entry = node.find(parameter);
    if (entry == nullptr) return std::nullopt;
    if (entry->value.is_scalar()) {
      if (const auto value = parse_real(entry->value.scalar)) return value;
      if (unit_ == ParameterUnit::duration) {
        if (const auto seconds = parse_duration(entry->value.scalar)) return static_cast<double>(*seconds);
      }
    }
    diagnostics_.add(entry->value.location, fmt::format("{}.{}", key_, parameter),
                     unit_ == ParameterUnit::duration ? "a number of seconds or a duration such as 4min"
                                                      : "a finite number",
                     entry->value.describe());
    failed_ = true;
    return std::nullopt;
  }

  std::vector<double> reals(const SourceNode& node, std::string_view parameter) {
    const SourceNode::Entry* entry = node.find(parameter);
    if (entry == nullptr) return {};
    if (!entry->value.is_sequence() || entry->value.items.empty()) {
      diagnostics_.add(entry->value.location, fmt::format("{}.{}", key_, parameter),
                       "a non-empty list of numbers", entry->value.describe());
      failed_ = true;
      return {};
    }
    std::vector<double> values;
    for (const SourceNode& item : entry->value.items) {
      std::optional<double> value;
      if (item.is_scalar()) {
        value = parse_real(item.scalar);
        if (!value && unit_ == ParameterUnit::duration) {
          if (const auto seconds = parse_duration(item.scalar)) value = static_cast<double>(*seconds);
        }
      }
      if (!value) {
        diagnostics_.add(item.location, fmt::format("{}.{}", key_, parameter), "a finite number",
                         item.describe());
        failed_ = true;
        continue;
      }
      values.push_back(*value);
    }
    return values;
  }

  // Reports at the parameter `parameter` that it must satisfy `expected`.
  void refuse(const SourceNode& node, std::string_view parameter, std::string_view expected, double found) {
    const SourceNode::Entry* entry = node.find(parameter);
    diagnostics_.add(entry != nullptr ? entry->value.location : node.location,
                     fmt::format("{}.{}", key_, parameter), expected, fmt::format("{}", found));
    failed_ = true;
  }

  std::optional<uq::PriorDistribution> build(uq::DistributionKind kind, const SourceNode& node) {
    using K = uq::DistributionKind;
    using P = uq::PriorDistribution;
    const auto positive = [&](std::string_view parameter) {
      const std::optional<double> value = real(node, parameter);
      if (value && *value <= 0) refuse(node, parameter, "a number above 0", *value);
      return value.value_or(1.0);
    };
    const auto bounds = [&](double default_low, double default_high, bool positive_low) {
      const std::optional<double> low = real(node, "low");
      const std::optional<double> high = real(node, "high");
      const double lo = low.value_or(default_low);
      const double hi = high.value_or(default_high);
      if (positive_low && lo <= 0)
        refuse(node, "low", "a number above 0 (the log of the bound is taken)", lo);
      if ((low || high) && !(hi > lo)) refuse(node, "high", fmt::format("a number above low ({})", lo), hi);
      return std::pair{lo, hi};
    };
    std::optional<P> prior;
    switch (kind) {
      case K::uniform: {
        const auto [lo, hi] = bounds(0, 1, false);
        prior = P::uniform(lo, hi);
        break;
      }
      case K::log_uniform: {
        const auto [lo, hi] = bounds(1, 2, true);
        prior = P::log_uniform(lo, hi);
        break;
      }
      case K::normal: {
        const double mean = real(node, "mean").value_or(0);
        prior = P::normal(mean, positive("sd"));
        break;
      }
      case K::truncated_normal: {
        const double mean = real(node, "mean").value_or(0);
        const double sd = positive("sd");
        const auto [lo, hi] = bounds(0, 1, false);
        prior = P::truncated_normal(mean, sd, lo, hi);
        break;
      }
      case K::beta: {
        const double alpha = positive("alpha");
        const double beta = positive("beta");
        const auto [lo, hi] = bounds(0, 1, false);
        prior = P::beta(alpha, beta, lo, hi);
        break;
      }
      case K::gamma: {
        const double shape = positive("shape");
        prior = P::gamma(shape, positive("scale"));
        break;
      }
      case K::lognormal: {
        const double meanlog = real(node, "meanlog").value_or(0);
        prior = P::lognormal(meanlog, positive("sdlog"));
        break;
      }
      case K::discrete: {
        std::vector<double> values = reals(node, "values");
        std::vector<double> weights = reals(node, "weights");
        if (!weights.empty() && weights.size() != values.size()) {
          diagnostics_.add(node.find("weights")->value.location, key_ + ".weights",
                           fmt::format("a weight for each of the {} values", values.size()),
                           fmt::format("{} weights", weights.size()));
          failed_ = true;
        }
        double total = 0;
        for (const double w : weights) {
          if (w < 0) refuse(node, "weights", "weights of at least 0", w);
          total += w;
        }
        if (!weights.empty() && total <= 0) refuse(node, "weights", "weights that sum to more than 0", total);
        if (failed_ || values.empty()) return std::nullopt;
        prior = P::discrete(std::move(values), std::move(weights));
        break;
      }
    }
    if (failed_) return std::nullopt;
    return prior;
  }

  const SourceNode::Entry& entry_;
  std::string key_;
  ParameterUnit unit_;
  Diagnostics& diagnostics_;
  bool failed_ = false;
};

// The values the key must accept: the ends of the support, or the 1e-9 quantiles of an
// unbounded side; every value of a discrete prior.
std::vector<double> values_to_check(const uq::PriorDistribution& distribution) {
  if (distribution.is_discrete()) return distribution.values();
  const double low = std::isfinite(distribution.support_low()) ? distribution.support_low()
                                                               : distribution.quantile(kTailMass);
  const double high = std::isfinite(distribution.support_high()) ? distribution.support_high()
                                                                 : distribution.quantile(1 - kTailMass);
  return {low, high};
}

}  // namespace

void set_scalar(SourceNode& root, const std::string& path, const std::string& text) {
  SourceNode value;
  value.kind = SourceNode::Kind::scalar;
  value.scalar = text;
  Diagnostics ignored;
  set_key_path(root, path, std::move(value), {}, ignored);
}

std::vector<Prior> read_priors(const SourceNode& priors, const SourceNode& scenario,
                               const SourceNode& resolved, const VariantCheck& reads_cleanly,
                               Diagnostics& diagnostics) {
  if (priors.is_null()) return {};
  if (!priors.is_map()) {
    diagnostics.add(priors.location, "priors", "a map from key paths to distributions", priors.describe());
    return {};
  }
  if (priors.entries.size() > kMaxPriors) {
    diagnostics.add(priors.location, "priors", fmt::format("at most {} priors", kMaxPriors),
                    fmt::format("{}", priors.entries.size()));
    return {};
  }
  std::vector<Prior> result;
  for (const SourceNode::Entry& entry : priors.entries) {
    const std::string key = "priors." + entry.key;
    ParameterUnit unit = ParameterUnit::number;
    const SourceNode* current = find_key_path(resolved, entry.key);
    if (current == nullptr) current = find_key_path(scenario, entry.key);
    if (current != nullptr) {
      const std::optional<ParameterUnit> found = unit_of(*current);
      if (!found) {
        diagnostics.add(entry.key_location, key, "the key path of a number, a count or a duration",
                        fmt::format("{} there", current->describe()));
        continue;
      }
      unit = *found;
      if (unit == ParameterUnit::integer) {
        // Written as a whole number, a number key (1.0 prints as 1) accepts a fraction; a count
        // refuses every one.
        const double value = parse_real(current->scalar).value_or(0);
        for (const double probe : {value + 0.5, value - 0.5, 0.5}) {
          SourceNode variant = scenario;
          set_scalar(variant, entry.key, fmt::format("{}", probe));
          std::string ignored;
          if (reads_cleanly(variant, ignored)) {
            unit = ParameterUnit::number;
            break;
          }
        }
      }
    }
    PriorEntryReader reader(entry, unit, diagnostics);
    std::optional<uq::PriorDistribution> distribution = reader.read();
    if (!distribution) continue;
    Prior prior{entry.key, std::move(*distribution), unit};
    bool valid = true;
    std::vector<double> checked;
    try {
      checked = values_to_check(prior.distribution);
      for (const double value : checked) {
        if (!std::isfinite(value)) throw std::domain_error("an infinite quantile");
      }
    } catch (const std::exception&) {
      // Boost.Math refuses parameters whose quantiles overflow (an sd of 1e300).
      diagnostics.add(entry.value.location, key, "a distribution with finite quantiles",
                      prior.distribution.describe());
      continue;
    }
    for (std::size_t c = 0; c < checked.size(); ++c) {
      const double value = checked[c];
      SourceNode variant = scenario;
      set_scalar(variant, prior.path, prior.text(value));
      std::string complaint;
      if (!reads_cleanly(variant, complaint)) {
        valid = false;
        if (current == nullptr) {
          const std::size_t hint = complaint.find(" (did you mean");
          diagnostics.add(entry.key_location, key,
                          "the key path of a number, a count or a duration of the scenario",
                          fmt::format("\"{}\", which the scenario does not have{}", entry.key,
                                      hint == std::string::npos ? std::string() : complaint.substr(hint)));
          break;
        }
        const bool tail =
            !prior.distribution.is_discrete() &&
            !std::isfinite(c == 0 ? prior.distribution.support_low() : prior.distribution.support_high());
        diagnostics.add(
            entry.value.location, key,
            fmt::format("a distribution whose every value {} accepts ({})", entry.key, unit_name(unit)),
            fmt::format("{}, where the scenario says: {}{}", prior.text(value), complaint,
                        tail ? " (an unbounded prior is checked at its 1e-9 quantile; a truncated_normal "
                               "or a bounded distribution keeps it inside)"
                             : ""));
        break;
      }
    }
    if (valid) result.push_back(std::move(prior));
  }
  return result;
}

std::string priors_yaml(const std::vector<Prior>& priors) {
  if (priors.empty()) return {};
  std::string text = "priors:\n";
  for (const Prior& prior : priors)
    text += fmt::format("  {}: {}\n", prior.path, prior.distribution.describe());
  return text;
}

double Prior::typed(double value) const { return unit == ParameterUnit::number ? value : std::round(value); }

std::string Prior::text(double value) const {
  switch (unit) {
    case ParameterUnit::integer:
      return fmt::format("{}", std::llround(value));
    case ParameterUnit::duration:
      return fmt::format("{}s", std::llround(value));
    case ParameterUnit::number:
      break;
  }
  return fmt::format("{}", value);
}

}  // namespace primsim::scenarios

// The posterior in words, numbers and SVG histograms: weighted quantiles and correlations (the
// ridge two parameters trade along shows as a strong correlation), and each target's check.
#include "primsim/output/posterior_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "primsim/output/svg_chart.hpp"

namespace primsim::output {
namespace {

double weighted_quantile(const Posterior& posterior, std::size_t parameter, double q) {
  std::vector<std::size_t> order(posterior.samples.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return posterior.samples[a][parameter] < posterior.samples[b][parameter];
  });
  double cumulative = 0;
  for (const std::size_t i : order) {
    cumulative += posterior.weights[i];
    if (cumulative >= q) return posterior.samples[i][parameter];
  }
  return posterior.samples[order.back()][parameter];
}

double weighted_mean(const Posterior& posterior, std::size_t parameter) {
  double sum = 0;
  for (std::size_t s = 0; s < posterior.samples.size(); ++s)
    sum += posterior.weights[s] * posterior.samples[s][parameter];
  return sum;
}

std::string number(double value) {
  if (!std::isfinite(value)) return "n/a";
  return fmt::format("{:.4g}", value);
}

std::string band(const PredictiveCheck& check) {
  switch (check.bound) {
    case 1:
      return fmt::format("at least {}", number(check.published));
    case 2:
      return fmt::format("at most {}", number(check.published));
    default:
      return fmt::format("{} ± {}", number(check.published), number(check.tolerance));
  }
}

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::vector<ParameterSummary> summarise_parameters(const Posterior& posterior) {
  std::vector<ParameterSummary> summaries;
  for (std::size_t p = 0; p < posterior.parameter_names.size(); ++p) {
    const double mean = weighted_mean(posterior, p);
    double variance = 0;
    for (std::size_t s = 0; s < posterior.samples.size(); ++s) {
      const double d = posterior.samples[s][p] - mean;
      variance += posterior.weights[s] * d * d;
    }
    summaries.push_back({posterior.parameter_names[p], mean, std::sqrt(variance),
                         weighted_quantile(posterior, p, 0.05), weighted_quantile(posterior, p, 0.5),
                         weighted_quantile(posterior, p, 0.95)});
  }
  return summaries;
}

double posterior_correlation(const Posterior& posterior, std::size_t i, std::size_t j) {
  const double mi = weighted_mean(posterior, i);
  const double mj = weighted_mean(posterior, j);
  double cov = 0, vi = 0, vj = 0;
  for (std::size_t s = 0; s < posterior.samples.size(); ++s) {
    const double di = posterior.samples[s][i] - mi;
    const double dj = posterior.samples[s][j] - mj;
    cov += posterior.weights[s] * di * dj;
    vi += posterior.weights[s] * di * di;
    vj += posterior.weights[s] * dj * dj;
  }
  return vi > 0 && vj > 0 ? cov / std::sqrt(vi * vj) : std::nan("");
}

std::string posterior_text(const Posterior& posterior) {
  std::string text = fmt::format(
      "posterior of {} by {}: {} samples from {} simulations (budget {}), seed {}, {:.0f} s; stopped: {}\n",
      posterior.scenario_name, posterior.method, posterior.samples.size(), posterior.simulations,
      posterior.budget, posterior.seed, posterior.wall_seconds, posterior.stop_reason);
  text += fmt::format("fitted to: {}\n", fmt::join(posterior.statistic_names, ", "));
  text += "\ngeneration  tolerance  simulated  accepted  acceptance  effective sample\n";
  for (const PosteriorGeneration& g : posterior.generations) {
    text += fmt::format("{:>10}  {:>9}  {:>9}  {:>8}  {:>9.1f}%  {:>16.0f}{}\n", g.generation,
                        number(g.epsilon), g.simulated, g.accepted, 100 * g.acceptance_rate,
                        g.effective_sample_size, g.complete != 0 ? "" : "  (cut short)");
  }
  std::size_t width = 9;
  for (const std::string& name : posterior.parameter_names) width = std::max(width, name.size());
  text += fmt::format("\n{:<{}}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}\n", "parameter", width, "mean", "sd",
                      "5%", "median", "95%");
  for (const ParameterSummary& p : summarise_parameters(posterior)) {
    text += fmt::format("{:<{}}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}\n", p.name, width, number(p.mean),
                        number(p.sd), number(p.q05), number(p.median), number(p.q95));
  }
  if (posterior.parameter_names.size() > 1) {
    text += "\ncorrelations (a strong one is a ridge: the targets fix a combination, not each parameter)\n";
    for (std::size_t i = 0; i < posterior.parameter_names.size(); ++i) {
      for (std::size_t j = i + 1; j < posterior.parameter_names.size(); ++j) {
        text += fmt::format("  {} ~ {}: {:+.2f}\n", posterior.parameter_names[i],
                            posterior.parameter_names[j], posterior_correlation(posterior, i, j));
      }
    }
  }
  if (!posterior.checks.empty()) {
    text +=
        "\npredictive checks (the model run over the posterior; intervals: parameter uncertainty and Monte "
        "Carlo noise, 5th to 95th percentile of replicates)\n";
    for (const PredictiveCheck& check : posterior.checks) {
      text += fmt::format("  {:<11} {:<6} {:<44} {:<18} {:>10} [{}, {}]  {}\n",
                          check.role == 0 ? "calibration" : "validation", check.fitted != 0 ? "fitted" : "",
                          posterior.check_names.at(check.check), band(check), number(check.mean),
                          number(check.low), number(check.high), check.inside != 0 ? "inside" : "MISS");
    }
  }
  return text;
}

std::string posterior_json(const Posterior& posterior) {
  nlohmann::ordered_json json;
  json["scenario"] = posterior.scenario_name;
  json["method"] = posterior.method;
  json["seed"] = posterior.seed;
  json["budget"] = posterior.budget;
  json["simulations"] = posterior.simulations;
  json["wall_seconds"] = posterior.wall_seconds;
  json["stop_reason"] = posterior.stop_reason;
  json["fitted"] = posterior.statistic_names;
  nlohmann::ordered_json generations = nlohmann::ordered_json::array();
  for (const PosteriorGeneration& g : posterior.generations) {
    generations.push_back({{"generation", g.generation},
                           {"epsilon", number_or_null(g.epsilon)},
                           {"simulated", g.simulated},
                           {"accepted", g.accepted},
                           {"acceptance_rate", g.acceptance_rate},
                           {"effective_sample_size", g.effective_sample_size},
                           {"complete", g.complete != 0}});
  }
  json["generations"] = generations;
  nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
  for (const ParameterSummary& p : summarise_parameters(posterior)) {
    parameters.push_back({{"parameter", p.name},
                          {"mean", p.mean},
                          {"sd", p.sd},
                          {"q05", p.q05},
                          {"median", p.median},
                          {"q95", p.q95}});
  }
  json["parameters"] = parameters;
  nlohmann::ordered_json correlations = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < posterior.parameter_names.size(); ++i) {
    for (std::size_t j = i + 1; j < posterior.parameter_names.size(); ++j) {
      correlations.push_back({{"a", posterior.parameter_names[i]},
                              {"b", posterior.parameter_names[j]},
                              {"correlation", number_or_null(posterior_correlation(posterior, i, j))}});
    }
  }
  json["correlations"] = correlations;
  nlohmann::ordered_json checks = nlohmann::ordered_json::array();
  for (const PredictiveCheck& check : posterior.checks) {
    checks.push_back({{"target", posterior.check_names.at(check.check)},
                      {"role", check.role == 0 ? "calibration" : "validation"},
                      {"fitted", check.fitted != 0},
                      {"band", band(check)},
                      {"mean", number_or_null(check.mean)},
                      {"low", number_or_null(check.low)},
                      {"high", number_or_null(check.high)},
                      {"inside", check.inside != 0}});
  }
  json["checks"] = checks;
  return json.dump() + "\n";
}

std::string posterior_html(const Posterior& posterior) {
  std::string body;
  const std::vector<ParameterSummary> summaries = summarise_parameters(posterior);
  for (std::size_t p = 0; p < posterior.parameter_names.size(); ++p) {
    double low = summaries[p].q05;
    double high = summaries[p].q95;
    for (const auto& sample : posterior.samples) {
      low = std::min(low, sample[p]);
      high = std::max(high, sample[p]);
    }
    if (!(high > low)) high = low + 1;
    constexpr int kBins = 30;
    std::vector<double> mass(kBins, 0.0);
    for (std::size_t s = 0; s < posterior.samples.size(); ++s) {
      const auto bin =
          std::clamp(static_cast<int>((posterior.samples[s][p] - low) / (high - low) * kBins), 0, kBins - 1);
      mass[static_cast<std::size_t>(bin)] += posterior.weights[s];
    }
    const double top = *std::max_element(mass.begin(), mass.end());
    SvgChart chart(fmt::format("posterior-{}", p), "Posterior of " + posterior.parameter_names[p], 760, 300);
    chart.set_x_axis(low, high, posterior.parameter_names[p]);
    chart.set_y_axis(0, top > 0 ? top * 1.1 : 1, "posterior weight", "percent");
    std::string bars;
    for (int b = 0; b < kBins; ++b) {
      const double x0 = chart.x_pixel(low + (high - low) * b / kBins);
      const double x1 = chart.x_pixel(low + (high - low) * (b + 1) / kBins);
      const double y = chart.y_pixel(mass[static_cast<std::size_t>(b)]);
      bars += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="#1f4e79"/>)",
                          x0, y, std::max(0.0, x1 - x0 - 1), std::max(0.0, chart.bottom() - y));
    }
    chart.add_markup(bars);
    body += chart.render(true);
  }
  std::string rows;
  for (const PredictiveCheck& check : posterior.checks) {
    rows += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} [{}, {}]</td><td>{}</td></tr>\n",
        check.role == 0 ? "calibration" : "validation", check.fitted != 0 ? "fitted" : "",
        html_escape(posterior.check_names.at(check.check)), html_escape(band(check)), number(check.mean),
        number(check.low), number(check.high), check.inside != 0 ? "inside" : "<strong>MISS</strong>");
  }
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>primsim posterior: "
      "{0}</title>\n"
      "<style>body{{font-family:sans-serif;max-width:820px;margin:1em auto}}table{{border-collapse:collapse}}"
      "td,th{{border:1px solid #ccc;padding:2px 6px}}</style>\n</head>\n<body>\n<h1>Posterior of {0}</h1>\n"
      "<p>{1}: {2} samples from {3} simulations; stopped: {4}. Intervals below: parameter uncertainty (the "
      "posterior) and Monte Carlo noise.</p>\n<pre>{5}</pre>\n{6}\n<h2>Predictive checks</h2>\n<table>\n"
      "<tr><th>role</th><th></th><th>target</th><th>published</th><th>model over the "
      "posterior</th><th></th></tr>\n"
      "{7}</table>\n</body>\n</html>\n",
      html_escape(posterior.scenario_name), html_escape(posterior.method), posterior.samples.size(),
      posterior.simulations, html_escape(posterior.stop_reason), html_escape(posterior_text(posterior)), body,
      rows);
}

}  // namespace primsim::output

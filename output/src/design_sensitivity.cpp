// Sensitivity indices of a design file: the design is rebuilt from its name, size and seed (it
// is deterministic), checked against /points, and fed with the per-point means of a statistic.
#include "primsim/output/design_sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "primsim/output/headline.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/svg_chart.hpp"
#include "primsim/uq/design.hpp"
#include "primsim/uq/sensitivity.hpp"

namespace primsim::output {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

nlohmann::ordered_json number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

// The index a ranking and a tornado bar use: total for Sobol, mu* for Morris.
std::string_view main_index(const DesignSensitivity& sensitivity) {
  return sensitivity.design == "morris" ? "mu_star" : "total";
}
std::string_view second_index(const DesignSensitivity& sensitivity) {
  return sensitivity.design == "morris" ? "sigma" : "first";
}

const SensitivityIndex* find_index(const DesignSensitivity& sensitivity, const std::string& statistic,
                                   const std::string& parameter, std::string_view index) {
  for (const SensitivityIndex& row : sensitivity.indices) {
    if (row.statistic == statistic && row.parameter == parameter && row.index == index) return &row;
  }
  return nullptr;
}

// Parameters of one statistic, most influential first (NaN last).
std::vector<std::string> ranked_parameters(const DesignSensitivity& sensitivity,
                                           const std::string& statistic) {
  std::vector<std::string> parameters = sensitivity.parameters;
  const auto key = [&](const std::string& parameter) {
    const SensitivityIndex* row = find_index(sensitivity, statistic, parameter, main_index(sensitivity));
    return row != nullptr && std::isfinite(row->estimate) ? row->estimate : -kNaN;
  };
  std::stable_sort(parameters.begin(), parameters.end(), [&](const std::string& a, const std::string& b) {
    const double ka = key(a);
    const double kb = key(b);
    if (std::isnan(ka)) return false;
    if (std::isnan(kb)) return true;
    return ka > kb;
  });
  return parameters;
}

std::string format_estimate(double value) {
  return std::isfinite(value) ? fmt::format("{:.3f}", value) : "n/a";
}

}  // namespace

const std::vector<std::string>& default_sensitivity_statistics() {
  static const std::vector<std::string> kKeys{
      "turnout",          "platform_failure_share", "extension_hours",
      "women_share_list", "under35_share_list",     "regional_disproportionality",
      "places_by_vote",   "places_leadership"};
  return kKeys;
}

bool has_sensitivity_design(const RunFile& run) {
  const std::optional<DesignInfo> info = run.design();
  return info && (info->name == "morris" || info->name == "saltelli");
}

DesignSensitivity design_sensitivity(const RunFile& run, const std::vector<std::string>& statistics,
                                     std::size_t bootstrap) {
  const std::optional<DesignInfo> info = run.design();
  const std::string path = run.path().string();
  if (!info) {
    throw OutputFileError(fmt::format(
        "'{}' is not a design: sensitivity reads the file of primsim explore --design morris or saltelli",
        path));
  }
  const std::optional<uq::DesignKind> kind = uq::parse_design(info->name);
  if (!kind || (*kind != uq::DesignKind::morris && *kind != uq::DesignKind::saltelli)) {
    throw OutputFileError(fmt::format(
        "'{}' holds a {} design; Morris and Sobol indices need explore --design morris or --design saltelli",
        path, info->name));
  }
  const std::size_t parameters = run.info().parameter_names.size();
  const uq::Design design =
      uq::make_design(*kind, parameters, info->samples, info->seed, info->levels == 0 ? 4 : info->levels);
  const std::uint32_t replicates = run.info().replicates;
  const std::uint64_t total = run.replicate_count();
  if (replicates == 0 || total % replicates != 0 || total / replicates != design.points.size()) {
    throw OutputFileError(
        fmt::format("'{}' holds {} replicates, not the {} points x {} replicates of its design", path, total,
                    design.points.size(), replicates));
  }
  const std::vector<PointRow> points = run.points();
  for (const PointRow& row : points) {
    if (row.point >= design.points.size() || row.parameter >= parameters) {
      throw OutputFileError(fmt::format("'{}': /points does not match its design", path));
    }
  }

  DesignSensitivity result;
  result.design = info->name;
  result.points = design.points.size();
  result.replicates = replicates;
  result.bootstrap = bootstrap;
  result.parameters = run.info().parameter_names;
  const std::vector<HeadlineStatistic> headline = headline_statistics(run, 0);
  std::vector<std::string> known;
  for (const HeadlineStatistic& statistic : headline) known.push_back(statistic.key);
  for (const std::string& key : statistics) {
    const auto it = std::find_if(headline.begin(), headline.end(),
                                 [&](const HeadlineStatistic& statistic) { return statistic.key == key; });
    if (it == headline.end()) {
      throw OutputFileError(fmt::format("--statistic: expected a headline statistic ({}), found \"{}\"",
                                        fmt::join(known, ", "), key));
    }
    // A point's output is the mean of its replicates (common random numbers across points).
    std::vector<double> outputs(design.points.size(), 0.0);
    for (std::size_t point = 0; point < design.points.size(); ++point) {
      double sum = 0;
      std::size_t count = 0;
      for (std::uint32_t r = 0; r < replicates; ++r) {
        const double value = it->values.at(point * replicates + r);
        if (std::isnan(value)) continue;
        sum += value;
        ++count;
      }
      outputs[point] = count > 0 ? sum / static_cast<double>(count) : kNaN;
    }
    result.statistics.push_back(key);
    result.statistic_labels.push_back(it->label);
    double mean = 0;
    std::size_t defined = 0;
    for (const double value : outputs) {
      if (std::isnan(value)) continue;
      mean += value;
      ++defined;
    }
    mean = defined > 0 ? mean / static_cast<double>(defined) : kNaN;
    double variance = 0;
    for (const double value : outputs) {
      if (!std::isnan(value)) variance += (value - mean) * (value - mean);
    }
    result.output_variance.push_back(defined > 1 ? variance / static_cast<double>(defined - 1) : kNaN);
    const std::uint64_t seed = info->seed ^ std::hash<std::string>{}(key);
    const auto add = [&](std::string_view method, std::string_view index,
                         const std::vector<uq::IndexEstimate>& rows) {
      for (std::size_t p = 0; p < parameters; ++p) {
        result.indices.push_back({key, result.parameters[p], std::string(method), std::string(index),
                                  rows[p].estimate, rows[p].low, rows[p].high});
      }
    };
    if (*kind == uq::DesignKind::morris) {
      const uq::MorrisIndices indices = uq::morris_indices(design, outputs, bootstrap, seed);
      add("morris", "mu_star", indices.mu_star);
      add("morris", "mu", indices.mu);
      add("morris", "sigma", indices.sigma);
      result.rows_used.push_back(indices.trajectories_used);
    } else {
      const uq::SobolIndices indices = uq::sobol_indices(design, outputs, bootstrap, seed);
      add("sobol", "first", indices.first);
      add("sobol", "total", indices.total);
      result.rows_used.push_back(indices.base_rows_used);
    }
  }
  return result;
}

std::string sensitivity_text(const DesignSensitivity& sensitivity) {
  const bool morris = sensitivity.design == "morris";
  std::string text = fmt::format(
      "{} design: {} points x {} replicates (a point's output is the mean of its replicates); intervals: {} "
      "bootstrap resamples, 95%\n",
      sensitivity.design, sensitivity.points, sensitivity.replicates, sensitivity.bootstrap);
  text += morris ? "Morris: mu* = mean |elementary effect| (influence), sigma = spread (interaction or "
                   "non-linearity), per unit of the prior's quantile range\n"
                 : "Sobol: first-order (Saltelli 2010) = share of variance due to the parameter alone; total "
                   "(Jansen 1999) = including its interactions\n";
  for (std::size_t s = 0; s < sensitivity.statistics.size(); ++s) {
    const std::string& statistic = sensitivity.statistics[s];
    const std::size_t rows = sensitivity.rows_used.at(s);
    text += fmt::format("\n{} ({}; {} {} with every output defined)\n", sensitivity.statistic_labels[s],
                        statistic, rows, morris ? "trajectories" : "base rows");
    if (sensitivity.output_variance.at(s) == 0.0) {
      text += "  constant over the design: no parameter moves it\n";
      continue;
    }
    if (!morris) {
      double first = 0;
      double total = 0;
      for (const SensitivityIndex& row : sensitivity.indices) {
        if (row.statistic != statistic || !std::isfinite(row.estimate)) continue;
        if (row.index == "first") first += row.estimate;
        if (row.index == "total") total = std::max(total, row.estimate);
      }
      if (first < 0.2 && total > 0.5) {
        text += "  the parameters explain little of it: the first-order indices sum to " +
                fmt::format("{:.2f}", first) +
                "; its variance is mostly Monte Carlo noise, which the total indices count as interaction "
                "(explore --replicates R averages it out)\n";
      }
    }
    const std::vector<std::string_view> columns =
        morris ? std::vector<std::string_view>{"mu_star", "mu", "sigma"}
               : std::vector<std::string_view>{"total", "first"};
    std::size_t width = 9;
    for (const std::string& parameter : sensitivity.parameters) width = std::max(width, parameter.size());
    text += fmt::format("  {:<{}}", "parameter", width);
    for (const std::string_view column : columns) text += fmt::format("  {:>24}", column);
    text += "\n";
    for (const std::string& parameter : ranked_parameters(sensitivity, statistic)) {
      text += fmt::format("  {:<{}}", parameter, width);
      for (const std::string_view column : columns) {
        const SensitivityIndex* row = find_index(sensitivity, statistic, parameter, column);
        const std::string cell = row == nullptr
                                     ? "n/a"
                                     : fmt::format("{} [{}, {}]", format_estimate(row->estimate),
                                                   format_estimate(row->low), format_estimate(row->high));
        text += fmt::format("  {:>24}", cell);
      }
      text += "\n";
    }
  }
  return text;
}

std::string sensitivity_json(const DesignSensitivity& sensitivity) {
  nlohmann::ordered_json json;
  json["design"] = sensitivity.design;
  json["points"] = sensitivity.points;
  json["replicates"] = sensitivity.replicates;
  json["bootstrap"] = sensitivity.bootstrap;
  json["confidence"] = 0.95;
  nlohmann::ordered_json indices = nlohmann::ordered_json::array();
  for (const SensitivityIndex& row : sensitivity.indices) {
    indices.push_back({{"statistic", row.statistic},
                       {"parameter", row.parameter},
                       {"method", row.method},
                       {"index", row.index},
                       {"estimate", number_or_null(row.estimate)},
                       {"low", number_or_null(row.low)},
                       {"high", number_or_null(row.high)}});
  }
  json["indices"] = indices;
  return json.dump() + "\n";
}

std::string tornado_charts_html(const DesignSensitivity& sensitivity) {
  const bool morris = sensitivity.design == "morris";
  // Hand-drawn rather than through SvgChart: the labels are long key paths and the axis is an
  // index between 0 and 1 (or an effect), not a count.
  constexpr double kWidth = 820;
  constexpr double kLeft = 300;
  constexpr double kRight = 40;
  constexpr double kTop = 44;
  constexpr double kBar = 12;
  constexpr double kRow = 34;
  std::string html;
  for (std::size_t s = 0; s < sensitivity.statistics.size(); ++s) {
    const std::string& statistic = sensitivity.statistics[s];
    const std::vector<std::string> ranked = ranked_parameters(sensitivity, statistic);
    double top = morris ? 0.0 : 1.0;
    for (const SensitivityIndex& row : sensitivity.indices) {
      if (row.statistic != statistic) continue;
      if (row.index != main_index(sensitivity) && row.index != second_index(sensitivity)) continue;
      for (const double value : {row.estimate, row.high}) {
        if (std::isfinite(value)) top = std::max(top, value);
      }
    }
    if (top <= 0) top = 1;
    const double height = kTop + kRow * static_cast<double>(ranked.size()) + 50;
    const auto x_pixel = [&](double x) {
      return kLeft + (kWidth - kLeft - kRight) * std::clamp(x, 0.0, top) / top;
    };
    std::string svg = fmt::format(
        R"(<svg id="tornado-{0}" xmlns="http://www.w3.org/2000/svg" width="{1:.0f}" height="{2:.0f}" )"
        R"(viewBox="0 0 {1:.0f} {2:.0f}" role="img" aria-label="{3}">)"
        "\n"
        R"(<rect width="100%" height="100%" fill="#ffffff"/><text x="10" y="22" class="title">{3}</text>)"
        "\n",
        html_escape(statistic), kWidth, height,
        html_escape(fmt::format(
            "Sensitivity of {}: {}", sensitivity.statistic_labels[s],
            morris ? "mu* (dark) and sigma (light)" : "total (dark) and first-order (light) index")));
    const double step = nice_step(top, 5);
    const double bottom = kTop + kRow * static_cast<double>(ranked.size());
    for (double x = 0; x <= top + 1e-12; x += step) {
      svg += fmt::format(R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}" stroke="#e3e3e3"/>)"
                         R"(<text x="{0:.1f}" y="{3:.1f}" text-anchor="middle" font-size="11">{4}</text>)"
                         "\n",
                         x_pixel(x), kTop - 6, bottom, bottom + 16, fmt::format("{:.3g}", x));
    }
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      const double y = kTop + kRow * static_cast<double>(i);
      svg += fmt::format(R"(<text x="{:.1f}" y="{:.1f}" text-anchor="end" font-size="12">{}</text>)"
                         "\n",
                         kLeft - 8, y + kBar + 4, html_escape(ranked[i]));
      const auto draw = [&](std::string_view index, double offset, const char* colour) {
        const SensitivityIndex* row = find_index(sensitivity, statistic, ranked[i], index);
        if (row == nullptr || !std::isfinite(row->estimate)) return;
        const double x1 = x_pixel(std::max(0.0, row->estimate));
        svg += fmt::format(R"(<rect x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}">)"
                           R"(<title>{} {}: {:.3f} [{}, {}]</title></rect>)",
                           kLeft, y + offset, std::max(0.0, x1 - kLeft), kBar, colour, html_escape(ranked[i]),
                           index, row->estimate, format_estimate(row->low), format_estimate(row->high));
        if (std::isfinite(row->low) && std::isfinite(row->high)) {
          const double middle = y + offset + kBar / 2;
          svg += fmt::format(R"(<line x1="{:.1f}" x2="{:.1f}" y1="{:.1f}" y2="{:.1f}" stroke="#222"/>)",
                             x_pixel(std::max(0.0, row->low)), x_pixel(std::max(0.0, row->high)), middle,
                             middle);
        }
        svg += "\n";
      };
      draw(main_index(sensitivity), 2, "#1f4e79");
      draw(second_index(sensitivity), 2 + kBar + 2, "#9dc3e6");
    }
    svg += fmt::format(R"(<line x1="{0:.1f}" x2="{0:.1f}" y1="{1:.1f}" y2="{2:.1f}" stroke="#444"/>)"
                       R"(<text x="{3:.1f}" y="{4:.1f}" text-anchor="middle" font-size="12">{5}</text></svg>)"
                       "\n",
                       kLeft, kTop - 6, bottom, (kLeft + kWidth - kRight) / 2, bottom + 36,
                       morris ? "mean |elementary effect| per unit of the prior's quantile range"
                              : "share of the statistic's variance over the priors");
    html += svg;
  }
  return html;
}

std::string sensitivity_html(const DesignSensitivity& sensitivity) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>primsim "
      "sensitivity</title>\n"
      "<style>body{{font-family:sans-serif;max-width:860px;margin:1em "
      "auto}}.title{{font-weight:bold}}</style>\n"
      "</head>\n<body>\n<h1>Sensitivity of a {} design</h1>\n<p class=\"intervals\">{} points x {} "
      "replicates; "
      "a point's output is the mean of its replicates; intervals: 95% bootstrap over {} resamples of the "
      "design's "
      "{}.</p>\n{}\n<h2>Indices</h2>\n<pre>{}</pre>\n</body>\n</html>\n",
      html_escape(sensitivity.design), sensitivity.points, sensitivity.replicates, sensitivity.bootstrap,
      sensitivity.design == "morris" ? "trajectories" : "base rows", tornado_charts_html(sensitivity),
      html_escape(sensitivity_text(sensitivity)));
}

}  // namespace primsim::output

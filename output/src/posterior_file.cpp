// The posterior file in HDF5: long tables like a results file's, so that pandas and R read the
// samples, the generations and the predictive checks the same way.
#include "primsim/output/posterior_file.hpp"

#include <unistd.h>

#include <cstddef>
#include <stdexcept>

#include <fmt/format.h>

#include "compound_table.hpp"
#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "meta_table.hpp"
#include "primsim/output/durable_file.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/run_paths.hpp"
#include "primsim/sim/input_file.hpp"
#include "table_layout.hpp"

namespace primsim::output {
namespace {

constexpr std::int64_t kPosteriorLayout = 1;

struct SampleRow {
  std::uint32_t sample;
  double weight;
  double distance;
};
struct ValueRow {
  std::uint32_t sample;
  std::uint16_t parameter;
  double value;
};
struct StatisticRow {
  std::uint32_t sample;
  std::uint16_t statistic;
  double value;
};

const TableSpec& sample_spec() {
  static const TableSpec spec{
      "samples",
      "each posterior sample's weight and distance to the targets",
      sizeof(SampleRow),
      {{"sample", offsetof(SampleRow, sample), ColumnKind::u32, "", "sample index, from 0"},
       {"weight", offsetof(SampleRow, weight), ColumnKind::f64, "",
        "importance weight; the weights sum to 1"},
       {"distance", offsetof(SampleRow, distance), ColumnKind::f64, "",
        "distance of the sample's simulation to the targets, in tolerances"}},
      false};
  return spec;
}

const TableSpec& value_spec() {
  static const TableSpec spec{
      "posterior",
      "each posterior sample's parameter values",
      sizeof(ValueRow),
      {{"sample", offsetof(ValueRow, sample), ColumnKind::u32, "", "sample index, see /samples"},
       {"parameter", offsetof(ValueRow, parameter), ColumnKind::u16, "",
        "parameter code, see /meta/parameters"},
       {"value", offsetof(ValueRow, value), ColumnKind::f64, "",
        "value, in the key's unit (durations in seconds)"}},
      false};
  return spec;
}

const TableSpec& statistic_spec() {
  static const TableSpec spec{
      "statistics",
      "the fitted statistics of each posterior sample's simulation",
      sizeof(StatisticRow),
      {{"sample", offsetof(StatisticRow, sample), ColumnKind::u32, "", "sample index, see /samples"},
       {"statistic", offsetof(StatisticRow, statistic), ColumnKind::u16, "",
        "statistic code, see /meta/statistics"},
       {"value", offsetof(StatisticRow, value), ColumnKind::f64, "", "the statistic in that simulation"}},
      false};
  return spec;
}

const TableSpec& generation_spec() {
  using G = PosteriorGeneration;
  static const TableSpec spec{
      "generations",
      "each generation (or wave) of the fit",
      sizeof(G),
      {{"generation", offsetof(G, generation), ColumnKind::u32, "", "generation index, from 0"},
       {"epsilon", offsetof(G, epsilon), ColumnKind::f64, "",
        "ABC tolerance (distance in tolerances), or history matching's implausibility cut"},
       {"simulated", offsetof(G, simulated), ColumnKind::u64, "count", "simulations the generation ran"},
       {"accepted", offsetof(G, accepted), ColumnKind::u64, "count", "simulations it accepted"},
       {"acceptance_rate", offsetof(G, acceptance_rate), ColumnKind::f64, "share", "accepted / simulated"},
       {"effective_sample_size", offsetof(G, effective_sample_size), ColumnKind::f64, "count",
        "1 / sum of squared weights"},
       {"complete", offsetof(G, complete), ColumnKind::u8, "",
        "1 when the generation filled its population"}},
      false};
  return spec;
}

const TableSpec& check_spec() {
  using C = PredictiveCheck;
  static const TableSpec spec{
      "predictive",
      "posterior predictive checks: each target beside the model run over the posterior",
      sizeof(C),
      {{"check", offsetof(C, check), ColumnKind::u16, "", "target, see /meta/checks"},
       {"role", offsetof(C, role), ColumnKind::u8, "", "0 calibration target, 1 validation target"},
       {"fitted", offsetof(C, fitted), ColumnKind::u8, "", "1 when the fit used this target"},
       {"published", offsetof(C, published), ColumnKind::f64, "", "published value, or the bound"},
       {"tolerance", offsetof(C, tolerance), ColumnKind::f64, "", "the target's tolerance (0 for a bound)"},
       {"bound", offsetof(C, bound), ColumnKind::u8, "", "0 equal within tolerance, 1 at least, 2 at most"},
       {"mean", offsetof(C, mean), ColumnKind::f64, "", "mean over the posterior predictive replicates"},
       {"low", offsetof(C, low), ColumnKind::f64, "", "5th percentile over them"},
       {"high", offsetof(C, high), ColumnKind::f64, "", "95th percentile over them"},
       {"inside", offsetof(C, inside), ColumnKind::u8, "", "1 when the mean meets the target"}},
      false};
  return spec;
}

std::string attribute_or_empty(hid_t object, const std::string& name) {
  return read_string_attribute(object, name).value_or("");
}

}  // namespace

void write_posterior(const std::filesystem::path& path, const Posterior& posterior) {
  silence_hdf5_errors();
  const std::filesystem::path temporary = temporary_path(path);
  const unsigned close_failures = hdf5_close_failures().count;
  try {
    {
      Hdf5Handle file(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                      "create " + temporary.string());
      const hid_t root = file.get();
      write_string_attribute(root, "file_kind", "posterior");
      write_int64_attribute(root, "posterior_layout", kPosteriorLayout);
      write_string_attribute(root, "method", posterior.method);
      write_string_attribute(root, "scenario_name", posterior.scenario_name);
      write_string_attribute(root, "scenario_yaml", posterior.scenario_yaml);
      write_string_attribute(root, "command_line", posterior.command_line);
      write_string_attribute(root, "program_version", posterior.program_version);
      write_string_attribute(root, "stop_reason", posterior.stop_reason);
      write_uint64_attribute(root, "seed", posterior.seed);
      write_uint64_attribute(root, "budget", posterior.budget);
      write_uint64_attribute(root, "simulations", posterior.simulations);
      write_string_attribute(root, "wall_seconds", fmt::format("{:.3f}", posterior.wall_seconds));

      const Hdf5Handle meta(H5Gcreate2(root, "meta", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose,
                            "create /meta");
      write_meta_table(meta.get(), "parameters", posterior.parameter_names);
      write_meta_table(meta.get(), "statistics", posterior.statistic_names);
      write_meta_table(meta.get(), "checks", posterior.check_names);

      std::vector<SampleRow> samples;
      std::vector<ValueRow> values;
      std::vector<StatisticRow> statistics;
      for (std::size_t s = 0; s < posterior.samples.size(); ++s) {
        const auto sample = static_cast<std::uint32_t>(s);
        samples.push_back({sample, posterior.weights.at(s), posterior.distances.at(s)});
        for (std::size_t p = 0; p < posterior.samples[s].size(); ++p) {
          values.push_back({sample, static_cast<std::uint16_t>(p), posterior.samples[s][p]});
        }
        if (s < posterior.statistics.size()) {
          for (std::size_t k = 0; k < posterior.statistics[s].size(); ++k) {
            statistics.push_back({sample, static_cast<std::uint16_t>(k), posterior.statistics[s][k]});
          }
        }
      }
      write_rows(root, sample_spec(), samples);
      write_rows(root, value_spec(), values);
      write_rows(root, statistic_spec(), statistics);
      write_rows(root, generation_spec(), posterior.generations);
      write_rows(root, check_spec(), posterior.checks);
      check_hdf5(H5Fflush(root, H5F_SCOPE_GLOBAL), "flush " + temporary.string());
    }
    // A close that fails (a full disk) leaves the file incomplete, though no call reported it.
    if (hdf5_close_failures().count != close_failures) {
      const std::string& reason = hdf5_close_failures().reason;
      throw std::runtime_error("HDF5 failed to close " + temporary.string() +
                               (reason.empty() ? "" : ": " + reason));
    }
    publish_durably(temporary, path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

bool is_posterior_file(const std::filesystem::path& path) {
  silence_hdf5_errors();
  std::error_code error;
  const std::string name = path.string();
  if (!std::filesystem::is_regular_file(path, error) || H5Fis_hdf5(name.c_str()) <= 0) return false;
  const hid_t id = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) return false;
  const Hdf5Handle file(id, H5Fclose, "open " + name);
  return attribute_or_empty(file.get(), "file_kind") == "posterior";
}

Posterior read_posterior(const std::filesystem::path& path) {
  silence_hdf5_errors();
  const std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw OutputFileError(fmt::format("cannot open posterior file '{}': no such file", name));
  }
  // Before HDF5 opens it: a FIFO would block the open for ever.
  sim::check_input_file(path, sim::kPosteriorInput);
  if (H5Fis_hdf5(name.c_str()) <= 0) {
    throw OutputFileError(fmt::format("cannot open posterior file '{}': not an HDF5 file", name));
  }
  const hid_t id = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0) {
    throw OutputFileError(
        fmt::format("cannot open posterior file '{}': the HDF5 file is truncated or damaged", name));
  }
  const Hdf5Handle file(id, H5Fclose, "open " + name);
  const hid_t root = file.get();
  if (attribute_or_empty(root, "file_kind") != "posterior") {
    throw OutputFileError(
        fmt::format("'{}' is not a posterior file written by primsim calibrate (a results file of primsim "
                    "run is not one)",
                    name));
  }
  if (read_int64_attribute(root, "posterior_layout").value_or(0) != kPosteriorLayout) {
    throw OutputFileError(fmt::format("'{}' has another posterior layout than this primsim reads ({})", name,
                                      kPosteriorLayout));
  }
  Posterior posterior;
  try {
    posterior.method = attribute_or_empty(root, "method");
    posterior.scenario_name = attribute_or_empty(root, "scenario_name");
    posterior.scenario_yaml = attribute_or_empty(root, "scenario_yaml");
    posterior.command_line = attribute_or_empty(root, "command_line");
    posterior.program_version = attribute_or_empty(root, "program_version");
    posterior.stop_reason = attribute_or_empty(root, "stop_reason");
    posterior.seed = read_uint64_attribute(root, "seed").value_or(0);
    posterior.budget = read_uint64_attribute(root, "budget").value_or(0);
    posterior.simulations = read_uint64_attribute(root, "simulations").value_or(0);
    posterior.wall_seconds = std::stod(attribute_or_empty(root, "wall_seconds").empty()
                                           ? std::string("0")
                                           : attribute_or_empty(root, "wall_seconds"));
    const Hdf5Handle meta(H5Gopen2(root, "meta", H5P_DEFAULT), H5Gclose, "open /meta");
    posterior.parameter_names = read_meta_table(meta.get(), "parameters");
    posterior.statistic_names = read_meta_table(meta.get(), "statistics");
    posterior.check_names = read_meta_table(meta.get(), "checks");
    const auto samples = read_rows<SampleRow>(root, sample_spec());
    const auto values = read_rows<ValueRow>(root, value_spec());
    const auto statistics = read_rows<StatisticRow>(root, statistic_spec());
    const std::size_t parameters = posterior.parameter_names.size();
    const std::size_t fitted = posterior.statistic_names.size();
    posterior.samples.assign(samples.size(), std::vector<double>(parameters));
    posterior.statistics.assign(samples.size(), std::vector<double>(fitted));
    for (const SampleRow& row : samples) {
      if (row.sample >= samples.size()) throw std::runtime_error("sample out of range");
      posterior.weights.push_back(row.weight);
      posterior.distances.push_back(row.distance);
    }
    for (const ValueRow& row : values) {
      if (row.sample >= samples.size() || row.parameter >= parameters)
        throw std::runtime_error("value out of range");
      posterior.samples[row.sample][row.parameter] = row.value;
    }
    for (const StatisticRow& row : statistics) {
      if (row.sample >= samples.size() || row.statistic >= fitted)
        throw std::runtime_error("statistic out of range");
      posterior.statistics[row.sample][row.statistic] = row.value;
    }
    posterior.generations = read_rows<PosteriorGeneration>(root, generation_spec());
    posterior.checks = read_rows<PredictiveCheck>(root, check_spec());
  } catch (const std::exception&) {
    throw OutputFileError(fmt::format("cannot read posterior file '{}': it is truncated or damaged", name));
  }
  if (posterior.samples.empty()) {
    throw OutputFileError(fmt::format("posterior file '{}' holds no samples", name));
  }
  return posterior;
}

}  // namespace primsim::output

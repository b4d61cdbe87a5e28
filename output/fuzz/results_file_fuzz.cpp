// libFuzzer entry point for the results-file reader and the reports. The input does not become
// the file's bytes: HDF5 1.10's own parser is not ours to fuzz and fails on malformed bytes in
// ways this reader cannot prevent. Instead the input is a list of edits to a complete results file
// (root attributes, /meta tables of any size and content, deleted tables, raw bytes over table
// rows, a sweep table of any shape), which is what a forged or damaged file looks like to the
// reader. RunFile::open and the report an input chooses must end in their output or an InputError,
// never a crash, a hang or a sanitizer report.
#include <fuzzer/FuzzedDataProvider.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "meta_table.hpp"
#include "primsim/output/design_sensitivity.hpp"
#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/html_report.hpp"
#include "primsim/output/run_file.hpp"
#include "primsim/output/terminal_report.hpp"
#include "primsim/sim/input_error.hpp"
#include "sample_run.hpp"

namespace {

namespace fs = std::filesystem;
using namespace primsim::output;

constexpr std::array<const char*, 7> kMetaTables{
    "regions", "parties", "offices", "selection_stages", "selector_groups", "parameters", "stages"};
constexpr std::array<const char*, 10> kTables{"summary",   "funnel",    "turnout",    "platform",
                                              "list",      "democracy", "candidates", "warnings",
                                              "selectors", "parameters"};
constexpr std::array<const char*, 3> kCountAttributes{"replicates", "points", "seed"};
constexpr std::array<const char*, 4> kTextAttributes{"parameter_draws", "scenario_yaml", "design",
                                                     "end_time"};

const fs::path& folder() {
  static const fs::path path = [] {
    fs::path made = fs::temp_directory_path() / fmt::format("primsim-fuzz-results-{}", ::getpid());
    fs::create_directories(made);
    return made;
  }();
  return path;
}

// A complete three-replicate file of the synthetic 2020 ensemble, made once.
const std::string& template_bytes() {
  static const std::string bytes = [] {
    const fs::path path = folder() / "template.h5";
    {
      Hdf5Writer writer(path, primsim::test::sample_run_info(7, 3));
      for (std::uint32_t r = 0; r < 3; ++r) {
        // Six hours of the platform's minutes instead of 86, and twelve of the hourly turnout
        // counts: every chart and statistic still has rows to read, and an execution costs a
        // tenth as much.
        auto replicate = primsim::test::sample_replicate(7, r);
        replicate.platform.resize(std::min<std::size_t>(replicate.platform.size(), 6 * 60));
        const primsim::sim::SimTime first_count = replicate.turnout.front().time;
        std::erase_if(replicate.turnout, [&](const auto& row) {
          return row.time - first_count >= primsim::sim::Duration::hours(12);
        });
        writer.publish(std::move(replicate));
      }
      writer.finish("2026-01-01T00:00:01Z");
    }
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }();
  return bytes;
}

void replace_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) > 0) H5Adelete(object, name);
}

// Raw bytes over rows of a table whose rows hold no pointers (variable-length strings would make
// HDF5 follow the fuzzer's bytes as addresses, which no file can do).
void scribble(hid_t file, const char* table, FuzzedDataProvider& input) {
  if (H5Lexists(file, table, H5P_DEFAULT) <= 0) return;
  const Hdf5Handle dataset(H5Dopen2(file, table, H5P_DEFAULT), H5Dclose, "open");
  const Hdf5Handle type(H5Dget_type(dataset.get()), H5Tclose, "type");
  if (H5Tdetect_class(type.get(), H5T_STRING) != 0 || H5Tdetect_class(type.get(), H5T_VLEN) != 0) return;
  const Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "space");
  const hssize_t rows = H5Sget_simple_extent_npoints(space.get());
  if (rows <= 0) return;
  const hsize_t first = input.ConsumeIntegralInRange<hsize_t>(0, static_cast<hsize_t>(rows) - 1);
  const hsize_t count =
      input.ConsumeIntegralInRange<hsize_t>(1, std::min<hsize_t>(4, static_cast<hsize_t>(rows) - first));
  const std::size_t row_size = H5Tget_size(type.get());
  std::vector<std::uint8_t> bytes = input.ConsumeBytes<std::uint8_t>(count * row_size);
  bytes.resize(count * row_size);
  H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &first, nullptr, &count, nullptr);
  const Hdf5Handle memory(H5Screate_simple(1, &count, nullptr), H5Sclose, "memory");
  H5Dwrite(dataset.get(), type.get(), memory.get(), space.get(), H5P_DEFAULT, bytes.data());
}

void edit(const fs::path& path, FuzzedDataProvider& input) {
  const Hdf5Handle file(H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
  const hid_t root = file.get();
  const Hdf5Handle meta(H5Gopen2(root, "meta", H5P_DEFAULT), H5Gclose, "open /meta");
  for (int step = 0; step < 6 && input.remaining_bytes() > 0; ++step) {
    switch (input.ConsumeIntegralInRange<int>(0, 6)) {
      case 0: {
        const char* name = input.PickValueInArray(kCountAttributes);
        replace_attribute(root, name);
        write_uint64_attribute(root, name, input.ConsumeIntegral<std::uint64_t>());
        break;
      }
      case 1:
        replace_attribute(root, "schema_version");
        write_int64_attribute(root, "schema_version", input.ConsumeIntegralInRange<std::int64_t>(-1, 7));
        break;
      case 2: {
        const char* name = input.PickValueInArray(kMetaTables);
        if (H5Lexists(meta.get(), name, H5P_DEFAULT) > 0) H5Ldelete(meta.get(), name, H5P_DEFAULT);
        std::vector<std::string> names(input.ConsumeIntegralInRange<std::size_t>(0, 300));
        for (std::string& entry : names) entry = input.ConsumeRandomLengthString(24);
        if (input.ConsumeBool()) write_meta_table(meta.get(), name, names);
        break;
      }
      case 3:
        H5Ldelete(root, input.PickValueInArray(kTables), H5P_DEFAULT);
        break;
      case 4:
        scribble(root, input.PickValueInArray(kTables), input);
        break;
      case 5: {
        if (H5Lexists(meta.get(), "sweep", H5P_DEFAULT) > 0) H5Ldelete(meta.get(), "sweep", H5P_DEFAULT);
        std::vector<std::string> keys(input.ConsumeIntegralInRange<std::size_t>(0, 4));
        for (std::string& key : keys) key = input.ConsumeRandomLengthString(12);
        std::vector<std::vector<std::string>> values(input.ConsumeIntegralInRange<std::size_t>(0, 8));
        for (auto& point : values) {
          point.resize(keys.size());
          for (std::string& value : point) value = input.ConsumeRandomLengthString(8);
        }
        write_sweep_table(meta.get(), keys, values);
        break;
      }
      default: {
        const char* name = input.PickValueInArray(kTextAttributes);
        replace_attribute(root, name);
        write_string_attribute(root, name, input.ConsumeRandomLengthString(32));
        break;
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  // Every execution opens the file twice, and each open allocates HDF5's metadata cache (over half
  // a megabyte). Kept on HDF5's free lists it is reused; freed, the sanitizer's allocator maps
  // fresh pages for it each time, which cost more than the rest of the execution.
  constexpr int kListBytes = 4 << 20;
  constexpr int kGlobalBytes = 16 << 20;
  H5set_free_list_limits(kGlobalBytes, kListBytes, kGlobalBytes, kListBytes, kGlobalBytes, kListBytes);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const fs::path path = folder() / "edited.h5";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << template_bytes();
  }
  FuzzedDataProvider input(data, size);
  // One reader of the file per execution: each costs milliseconds under the sanitizers, and the
  // campaign reaches every one through the inputs that choose it.
  const int reader = input.ConsumeIntegralInRange<int>(0, 2);
  try {
    edit(path, input);
  } catch (const std::exception&) {
    // An edit HDF5 refused leaves a file that is still worth reading.
  }
  try {
    const RunFile file = RunFile::open(path);
    switch (reader) {
      case 0:
        terminal_report(file);
        break;
      case 1:
        html_report(file.has_sweep() ? file.at_point(0) : file);
        break;
      default:
        if (has_sensitivity_design(file)) {
          sensitivity_text(design_sensitivity(file, default_sensitivity_statistics()));
        }
        break;
    }
  } catch (const primsim::sim::InputError&) {
  }
  return 0;
}

// The RAII owner of HDF5 identifiers and the error-stack switch.
#include "hdf5_handle.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string_view>

#include "primsim/output/hdf5_shutdown.hpp"

namespace primsim::output {

namespace {

thread_local Hdf5CloseFailures close_failures;
std::atomic<bool> file_failed{false};

// HDF5's sec2 driver records a failed system call as "..., errno = 28, error message = 'No space
// left on device', ...".
herr_t find_system_reason(unsigned, const H5E_error2_t* error, void* found) {
  auto& reason = *static_cast<std::string*>(found);
  if (error->desc == nullptr || !reason.empty()) return 0;
  const std::string_view text(error->desc);
  const std::string_view marker = "error message = '";
  const std::size_t at = text.find(marker);
  if (at == std::string_view::npos) return 0;
  const std::size_t start = at + marker.size();
  const std::size_t stop = text.find('\'', start);
  reason =
      std::string(text.substr(start, stop == std::string_view::npos ? std::string_view::npos : stop - start));
  return 0;
}

std::string failure(const std::string& what) {
  const std::string reason = hdf5_system_reason();
  return "HDF5 failed to " + what + (reason.empty() ? "" : ": " + reason);
}

}  // namespace

Hdf5Handle::Hdf5Handle(hid_t id, Closer closer, const std::string& what) : id_(id), closer_(closer) {
  if (id_ < 0) {
    if (closer_ == &H5Fclose) file_failed = true;
    throw std::runtime_error(failure(what));
  }
}

Hdf5Handle& Hdf5Handle::operator=(Hdf5Handle&& other) noexcept {
  if (this != &other) {
    reset();
    id_ = std::exchange(other.id_, H5I_INVALID_HID);
    closer_ = other.closer_;
  }
  return *this;
}

void Hdf5Handle::reset() {
  if (id_ >= 0 && closer_ != nullptr && closer_(id_) < 0) {
    if (closer_ == &H5Fclose) file_failed = true;
    ++close_failures.count;
    close_failures.reason = hdf5_system_reason();
  }
  id_ = H5I_INVALID_HID;
}

const Hdf5CloseFailures& hdf5_close_failures() { return close_failures; }

std::string hdf5_system_reason() {
  std::string reason;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, find_system_reason, &reason);
  return reason;
}

bool hdf5_file_failed() { return file_failed; }

int end_process(int status) {
  if (!file_failed) return status;
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(status);
}

void silence_hdf5_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

void check_hdf5(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error(failure(what));
}

Hdf5Handle transfer_for(hid_t dataset, hid_t memory_type, hsize_t rows) {
  Hdf5Handle properties(H5Pcreate(H5P_DATASET_XFER), H5Pclose, "create transfer properties");
  const Hdf5Handle file_type(H5Dget_type(dataset), H5Tclose, "get a dataset's type");
  const std::size_t row_bytes = std::max(H5Tget_size(file_type.get()), H5Tget_size(memory_type));
  // HDF5 converts some types (variable-length strings) through elements larger than either type
  // says, and refuses a buffer smaller than one of them: the floor leaves room for any row.
  constexpr std::size_t kFloorBytes = 64 * 1024;
  const std::size_t bytes = std::max<std::size_t>(row_bytes * rows, kFloorBytes);
  check_hdf5(H5Pset_buffer(properties.get(), bytes, nullptr, nullptr), "size the transfer buffer");
  return properties;
}

}  // namespace primsim::output

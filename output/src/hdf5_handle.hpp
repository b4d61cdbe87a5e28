// A thin RAII owner of an HDF5 identifier (file, group, dataset, dataspace, type, property list
// or attribute), closed with the function that matches its kind.
#pragma once

#include <string>
#include <utility>

#include <hdf5.h>

namespace primsim::output {

class Hdf5Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  Hdf5Handle() = default;
  // Throws std::runtime_error naming `what` when id is negative, HDF5's sign of failure.
  // Closes with `closer` on destruction or reset(); a failed close is counted in
  // hdf5_close_failures().
  Hdf5Handle(hid_t id, Closer closer, const std::string& what);
  Hdf5Handle(const Hdf5Handle&) = delete;
  Hdf5Handle& operator=(const Hdf5Handle&) = delete;
  Hdf5Handle(Hdf5Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), closer_(other.closer_) {}
  Hdf5Handle& operator=(Hdf5Handle&& other) noexcept;
  ~Hdf5Handle() { reset(); }

  [[nodiscard]] hid_t get() const { return id_; }
  [[nodiscard]] bool is_open() const { return id_ >= 0; }
  void reset();

 private:
  hid_t id_ = H5I_INVALID_HID;
  Closer closer_ = nullptr;
};

// Closes that failed on the calling thread, and the system's reason for the last one ("No space
// left on device", or empty). Closing a dataset or a file may write to it, but a destructor cannot
// throw: a writer reads the count before and after it closes a file and fails if it grew.
struct Hdf5CloseFailures {
  unsigned count = 0;
  std::string reason;
};
[[nodiscard]] const Hdf5CloseFailures& hdf5_close_failures();

// The system's reason for the innermost error on HDF5's error stack of the calling thread (a
// failed write's "No space left on device"), or empty when it names none.
[[nodiscard]] std::string hdf5_system_reason();

// Turns off HDF5's automatic error-stack printing on the calling thread (the library keeps one
// error stack per thread): users get primsim's messages, never an HDF5 dump.
void silence_hdf5_errors();

// Throws std::runtime_error naming `what` (and the system's reason, when HDF5 has one) when
// status is negative.
void check_hdf5(herr_t status, const std::string& what);

// Transfer properties for reading `rows` rows of `dataset` as `memory_type`. HDF5's default
// conversion buffers are 1 MiB each, allocated and zeroed on every read of a compound table
// however few rows it asks for; these are sized to the read, with a floor of 64 KiB.
[[nodiscard]] Hdf5Handle transfer_for(hid_t dataset, hid_t memory_type, hsize_t rows);

}  // namespace primsim::output

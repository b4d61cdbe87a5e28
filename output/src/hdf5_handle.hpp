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

// Turns off HDF5's automatic error-stack printing on the calling thread (the library keeps one
// error stack per thread): users get primsim's messages, never an HDF5 dump.
void silence_hdf5_errors();

// Throws std::runtime_error naming `what` when status is negative.
void check_hdf5(herr_t status, const std::string& what);

}  // namespace primsim::output

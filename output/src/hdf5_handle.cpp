// The RAII owner of HDF5 identifiers and the error-stack switch.
#include "hdf5_handle.hpp"

#include <stdexcept>

namespace primsim::output {

Hdf5Handle::Hdf5Handle(hid_t id, Closer closer, const std::string& what) : id_(id), closer_(closer) {
  if (id_ < 0) throw std::runtime_error("HDF5 failed to " + what);
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
  if (id_ >= 0 && closer_ != nullptr) closer_(id_);
  id_ = H5I_INVALID_HID;
}

void silence_hdf5_errors() { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); }

void check_hdf5(herr_t status, const std::string& what) {
  if (status < 0) throw std::runtime_error("HDF5 failed to " + what);
}

}  // namespace primsim::output

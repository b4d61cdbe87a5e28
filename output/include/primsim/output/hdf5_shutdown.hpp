// How a process that used HDF5 ends. HDF5 1.10 leaves a file whose create or close failed (a full
// disk) half-destroyed under a live identifier, and the library's own exit hook then crashes
// closing it again (SIGSEGV in H5F__close_cb) or reports an infinite loop.
#pragma once

namespace primsim::output {

// True once any HDF5 file failed to be created, opened or closed in this process.
[[nodiscard]] bool hdf5_file_failed();

// Returns `status` from main as usual, or, after a failed file, flushes the standard streams and
// ends the process at once with `status`, skipping the exit hooks (HDF5's among them).
int end_process(int status);

}  // namespace primsim::output

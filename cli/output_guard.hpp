// Refuses an output path before any work starts when it cannot be written (empty, in a missing
// folder) or when writing it would destroy something: one of the command's own inputs (however it
// is spelt: a link, ../, another name of the same file) or anything that is not a regular file (a
// device, a FIFO, a directory), which a rename would replace.
#pragma once

#include <filesystem>
#include <string_view>
#include <system_error>
#include <vector>

#include <fmt/format.h>

#include "primsim/sim/input_error.hpp"

namespace primsim::cli {

inline void refuse_unsafe_output(std::string_view option, const std::filesystem::path& output,
                                 const std::vector<std::filesystem::path>& inputs) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (output.empty()) {
    throw sim::InputError(
        fmt::format("{}: expected the path of a file to write, found an empty path", option));
  }
  // The folder must be there before any work, not only when the file is written at the end.
  const fs::path folder = output.has_parent_path() ? output.parent_path() : fs::path(".");
  if (!fs::is_directory(folder, error)) {
    throw sim::InputError(fmt::format("{}: expected a file in an existing folder, found no folder '{}'",
                                      option, folder.string()));
  }
  const fs::file_status status = fs::status(output, error);
  if (!fs::exists(status)) return;
  if (!fs::is_regular_file(status)) {
    const std::string_view kind = fs::is_directory(status)        ? "a directory"
                                  : fs::is_fifo(status)           ? "a FIFO"
                                  : fs::is_character_file(status) ? "a character device"
                                  : fs::is_block_file(status)     ? "a block device"
                                  : fs::is_socket(status)         ? "a socket"
                                                                  : "not a regular file";
    throw sim::InputError(fmt::format("{}: expected a regular file or a new name to write, found {} '{}'",
                                      option, kind, output.string()));
  }
  for (const fs::path& input : inputs) {
    if (fs::equivalent(output, input, error)) {
      throw sim::InputError(
          fmt::format("{}: expected a file other than the inputs, found '{}', which is the input '{}'",
                      option, output.string(), input.string()));
    }
  }
}

}  // namespace primsim::cli

// write-fsync-rename-fsync(folder), each step checked.
#include "primsim/output/durable_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <system_error>

namespace primsim::output {

namespace {

[[noreturn]] void fail(int error, const std::string& what) {
  throw std::system_error(error, std::generic_category(), what);
}

void sync_path(const std::filesystem::path& path, int flags, const std::string& what) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) fail(errno, what);
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    fail(error, what);
  }
  // The descriptor only read, and its sync succeeded: a failed close loses nothing.
  ::close(fd);
}

}  // namespace

void publish_durably(const std::filesystem::path& temporary, const std::filesystem::path& path) {
  sync_path(temporary, O_RDONLY, "cannot write '" + path.string() + "': the data did not reach the disk");
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    fail(errno, "cannot write '" + path.string() + "': renaming '" + temporary.string() + "' failed");
  }
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  sync_path(
      folder, O_RDONLY | O_DIRECTORY,
      "cannot write '" + path.string() + "': its folder '" + folder.string() + "' did not reach the disk");
}

}  // namespace primsim::output

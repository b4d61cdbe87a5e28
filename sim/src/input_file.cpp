// The checks behind every input file: what the path is (by stat or fstat, never by opening a FIFO
// for reading) and how large it is, and whether text is UTF-8.
#include "primsim/sim/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace primsim::sim {
namespace {

std::string describe_mode(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// "268435456 bytes (256 MiB)", or without the MiB when it is no whole number of them.
std::string limit_text(std::uintmax_t bytes) {
  constexpr std::uintmax_t mib = std::uintmax_t{1} << 20U;
  if (bytes >= mib && bytes % mib == 0) return fmt::format("{} bytes ({} MiB)", bytes, bytes / mib);
  return fmt::format("{} bytes", bytes);
}

[[noreturn]] void refuse_kind(const std::filesystem::path& path, const InputKind& kind,
                              const std::string& found) {
  const std::string expected = fmt::format("a regular file as the {} file", kind.name);
  throw InputFileError(fmt::format("{}: expected {}, found {}", path.string(), expected, found), expected,
                       found);
}

[[noreturn]] void refuse_size(const std::filesystem::path& path, const InputKind& kind, std::uintmax_t size) {
  throw InputFileError(fmt::format("{} is {} bytes; primsim reads at most {} for a {} file", path.string(),
                                   size, limit_text(kind.max_bytes), kind.name),
                       fmt::format("a {} file of at most {}", kind.name, limit_text(kind.max_bytes)),
                       fmt::format("{} bytes", size));
}

// Refuses anything but a regular file of at most the kind's size.
std::uintmax_t check_status(const std::filesystem::path& path, const InputKind& kind,
                            const struct stat& status) {
  if (!S_ISREG(status.st_mode)) refuse_kind(path, kind, describe_mode(status.st_mode));
  const auto size = static_cast<std::uintmax_t>(status.st_size);
  if (size > kind.max_bytes) refuse_size(path, kind, size);
  return size;
}

[[noreturn]] void refuse_errno(const std::filesystem::path& path, const InputKind& kind, int error) {
  refuse_kind(path, kind, error == ENOENT ? std::string("no such file") : std::string(std::strerror(error)));
}

// Closes a descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::uintmax_t check_input_file(const std::filesystem::path& path, const InputKind& kind) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) refuse_errno(path, kind, errno);
  return check_status(path, kind, status);
}

std::string read_input_file(const std::filesystem::path& path, const InputKind& kind) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer before fstat could
  // say what it is. It has no effect on reading a regular file.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) refuse_errno(path, kind, errno);
  struct stat status {};
  if (::fstat(fd.get(), &status) != 0) refuse_errno(path, kind, errno);
  const std::uintmax_t size = check_status(path, kind, status);
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  char buffer[1U << 16U];
  while (true) {
    const ssize_t got = ::read(fd.get(), buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) refuse_errno(path, kind, errno);
    if (got == 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
    // The file grew while being read.
    if (text.size() > kind.max_bytes) refuse_size(path, kind, text.size());
  }
  return text;
}

std::optional<TextDefect> find_text_defect(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char lead = bytes[i];
    if (lead == 0) return TextDefect{i, "a NUL byte"};
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Length of the sequence and the range its second byte must lie in (RFC 3629's table, which
    // excludes overlong forms, surrogates and code points above U+10FFFF).
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead == 0xe0) low = 0xa0;
      if (lead == 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead == 0xf0) low = 0x90;
      if (lead == 0xf4) high = 0x8f;
    }
    const auto bad = [&] {
      return TextDefect{i, fmt::format("the byte 0x{:02x}, which is not UTF-8", lead)};
    };
    if (length == 0 || i + length > n) return bad();
    if (bytes[i + 1] < low || bytes[i + 1] > high) return bad();
    for (std::size_t k = 2; k < length; ++k) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return bad();
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace primsim::sim

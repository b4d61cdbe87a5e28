// Layout: an 8-byte magic, the identity's length and text, then records of (magic, index,
// payload size, FNV-1a checksum of index, size and payload, payload). Rows are stored as their
// in-memory bytes: the file is only ever read back by the same build on the same machine, which
// the identity checks.
#include "primsim/output/checkpoint_log.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "primsim/output/output_file_error.hpp"
#include "primsim/output/run_identity.hpp"

namespace primsim::output {

using namespace models::results;

namespace {

// Version 1 checksummed the payload only, so a changed index went unnoticed.
constexpr char file_magic[8] = {'P', 'R', 'I', 'M', 'C', 'K', 'P', '2'};
constexpr char first_magic[8] = {'P', 'R', 'I', 'M', 'C', 'K', 'P', '1'};
constexpr std::uint32_t record_magic = 0x5245504cU;  // "REPL"

struct RecordHeader {
  std::uint32_t magic;
  std::uint32_t index;
  std::uint64_t size;
  std::uint64_t checksum;
};

// Rows go to the file as their bytes, so every table's row type must be trivially copyable.
template <class Tables>
struct TriviallyCopyableRows;
template <class... Vectors>
struct TriviallyCopyableRows<std::tuple<Vectors...>>
    : std::bool_constant<(std::is_trivially_copyable_v<typename std::decay_t<Vectors>::value_type> && ...)> {
};
static_assert(TriviallyCopyableRows<decltype(std::declval<const ReplicateResults&>().tables())>::value);

std::uint64_t fnv1a(const char* data, std::size_t size, std::uint64_t hash = 14695981039346656037ULL) {
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// The index is covered with the payload: a flipped index would otherwise file a replicate's
// rows under another replicate, which resume would then write twice.
std::uint64_t record_checksum(std::uint32_t index, std::uint64_t size, const std::string& payload) {
  std::uint64_t hash = fnv1a(reinterpret_cast<const char*>(&index), sizeof(index));
  hash = fnv1a(reinterpret_cast<const char*>(&size), sizeof(size), hash);
  return fnv1a(payload.data(), payload.size(), hash);
}

[[noreturn]] void fail_io(const std::string& what, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), what + " " + path.string());
}

void write_all(int fd, const char* data, std::size_t size, const std::filesystem::path& path) {
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail_io("cannot write", path);
    }
    data += written;
    size -= static_cast<std::size_t>(written);
  }
}

bool read_at(int fd, char* data, std::size_t size, std::uint64_t offset) {
  while (size > 0) {
    const ssize_t got = ::pread(fd, data, size, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    data += got;
    size -= static_cast<std::size_t>(got);
    offset += static_cast<std::uint64_t>(got);
  }
  return true;
}

template <class T>
void put(std::string& buffer, const T& value) {
  buffer.append(reinterpret_cast<const char*>(&value), sizeof(T));
}

template <class Row>
void put_rows(std::string& buffer, const std::vector<Row>& rows) {
  put(buffer, std::uint64_t{rows.size()});
  // An empty table (/warnings of most runs) has no data() to copy from.
  if (!rows.empty()) buffer.append(reinterpret_cast<const char*>(rows.data()), rows.size() * sizeof(Row));
}

class Reader {
 public:
  explicit Reader(const std::string& buffer) : buffer_(buffer) {}
  template <class T>
  void get(T& value) {
    take(reinterpret_cast<char*>(&value), sizeof(T));
  }
  template <class Row>
  void get_rows(std::vector<Row>& rows) {
    std::uint64_t count = 0;
    get(count);
    if (count > (buffer_.size() - at_) / sizeof(Row)) throw std::runtime_error("record cut short");
    rows.resize(count);
    if (count > 0) take(reinterpret_cast<char*>(rows.data()), count * sizeof(Row));
  }

 private:
  void take(char* out, std::size_t size) {
    if (size > buffer_.size() - at_) throw std::runtime_error("record cut short");
    std::memcpy(out, buffer_.data() + at_, size);
    at_ += size;
  }
  const std::string& buffer_;
  std::size_t at_ = 0;
};

}  // namespace

CheckpointLog::CheckpointLog(std::filesystem::path path, std::string identity, bool resume)
    : path_(std::move(path)), identity_(std::move(identity)) {
  open_locked();
  try {
    struct stat status {};
    if (::fstat(fd_, &status) != 0) fail_io("cannot inspect", path_);
    if (resume && status.st_size > 0 && load(identity_)) return;
    start_afresh();
  } catch (...) {
    // No destructor runs for a constructor that throws: the lock must not outlive the refusal.
    ::close(fd_);
    fd_ = -1;
    throw;
  }
}

CheckpointLog::~CheckpointLog() {
  if (fd_ >= 0) ::close(fd_);
}

void CheckpointLog::open_locked() {
  // Nothing is truncated before the lock is held: a second run must not wipe the first's file.
  for (;;) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) fail_io("cannot create", path_);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int error = errno;
      ::close(fd_);
      fd_ = -1;
      if (error == EINTR) continue;
      if (error == EWOULDBLOCK) {
        // OUT.h5.partial -> OUT.h5: the file the user named.
        throw OutputFileError(
            fmt::format("another primsim run is writing '{}' (partial file '{}'); wait for it "
                        "to end or write to another file",
                        path_.parent_path().empty() ? path_.stem().string()
                                                    : (path_.parent_path() / path_.stem()).string(),
                        path_.string()));
      }
      errno = error;
      fail_io("cannot lock", path_);
    }
    // The run that held the lock may have finished and removed the file in between: then the
    // lock is on a file no one can find, and the name must be opened again.
    struct stat held {};
    struct stat named {};
    if (::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &named) == 0 && held.st_dev == named.st_dev &&
        held.st_ino == named.st_ino) {
      return;
    }
    ::close(fd_);
    fd_ = -1;
  }
}

void CheckpointLog::start_afresh() {
  records_.clear();
  if (::ftruncate(fd_, 0) != 0) fail_io("cannot truncate", path_);
  std::string header(file_magic, sizeof(file_magic));
  put(header, std::uint64_t{identity_.size()});
  header += identity_;
  if (::lseek(fd_, 0, SEEK_SET) < 0) fail_io("cannot seek in", path_);
  write_all(fd_, header.data(), header.size(), path_);
  if (::fsync(fd_) != 0) fail_io("cannot sync", path_);
  end_ = header.size();
}

bool CheckpointLog::load(const std::string& identity) {
  char magic[sizeof(file_magic)] = {};
  std::uint64_t length = 0;
  const bool whole_magic = read_at(fd_, magic, sizeof(magic), 0);
  if (std::memcmp(magic, first_magic, sizeof(magic)) == 0) {
    throw OutputFileError(fmt::format(
        "cannot resume from '{}': it was written by an earlier primsim, whose records this one cannot check; "
        "run without --resume to start afresh",
        path_.string()));
  }
  const bool whole_header = whole_magic && std::memcmp(magic, file_magic, sizeof(magic)) == 0 &&
                            read_at(fd_, reinterpret_cast<char*>(&length), sizeof(length), sizeof(magic)) &&
                            length <= (1U << 26);
  std::string found(whole_header ? length : 0, '\0');
  if (!whole_header || !read_at(fd_, found.data(), found.size(), sizeof(magic) + sizeof(length))) {
    // A header cut short (the disk filled, or a kill, while the file was created) holds no
    // replicate: the run starts afresh. Anything else is not ours to overwrite.
    struct stat status {};
    const auto size = ::fstat(fd_, &status) == 0 ? static_cast<std::size_t>(status.st_size) : 0;
    const bool cut_short = size < sizeof(magic) ? std::memcmp(magic, file_magic, size) == 0
                                                : std::memcmp(magic, file_magic, sizeof(magic)) == 0;
    if (cut_short) return false;
    throw OutputFileError(fmt::format("cannot resume from '{}': not a primsim partial file", path_.string()));
  }
  if (found != identity) {
    throw OutputFileError(fmt::format("cannot resume from '{}': it belongs to another run ({})",
                                      path_.string(), describe_identity_difference(found, identity)));
  }
  std::uint64_t offset = sizeof(magic) + sizeof(length) + length;
  // A record cannot be larger than what is left of the file: a damaged size field must not make
  // resume allocate gigabytes before the read fails.
  struct stat status {};
  if (::fstat(fd_, &status) != 0) fail_io("cannot stat", path_);
  const auto file_size = static_cast<std::uint64_t>(status.st_size);
  std::string payload;
  for (;;) {
    RecordHeader header{};
    if (!read_at(fd_, reinterpret_cast<char*>(&header), sizeof(header), offset)) break;
    if (header.magic != record_magic || header.size > file_size - offset - sizeof(header)) break;
    payload.resize(header.size);
    if (!read_at(fd_, payload.data(), payload.size(), offset + sizeof(header))) break;
    if (record_checksum(header.index, header.size, payload) != header.checksum) break;
    records_.insert_or_assign(header.index, std::pair{offset + sizeof(header), header.size});
    offset += sizeof(header) + header.size;
  }
  // Whatever follows the last complete record was cut short by the kill.
  if (::ftruncate(fd_, static_cast<off_t>(offset)) != 0) fail_io("cannot truncate", path_);
  if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) fail_io("cannot seek in", path_);
  end_ = offset;
  return true;
}

bool CheckpointLog::contains(std::uint32_t index) const {
  std::lock_guard lock(mutex_);
  return records_.contains(index);
}

std::size_t CheckpointLog::size() const {
  std::lock_guard lock(mutex_);
  return records_.size();
}

ReplicateResults CheckpointLog::read(std::uint32_t index) const {
  std::pair<std::uint64_t, std::uint64_t> where;
  {
    std::lock_guard lock(mutex_);
    where = records_.at(index);
  }
  std::string payload(where.second, '\0');
  if (!read_at(fd_, payload.data(), payload.size(), where.first)) fail_io("cannot read", path_);
  ReplicateResults results;
  Reader reader(payload);
  reader.get(results.replicate);
  std::apply([&](auto&... rows) { (reader.get_rows(rows), ...); }, results.tables());
  if (results.replicate != index) {
    throw std::runtime_error(fmt::format("the record of replicate {} in '{}' holds replicate {}", index,
                                         path_.string(), results.replicate));
  }
  return results;
}

void CheckpointLog::append(const ReplicateResults& results) {
  if (contains(results.replicate)) return;
  std::string payload;
  put(payload, results.replicate);
  std::apply([&](const auto&... rows) { (put_rows(payload, rows), ...); }, results.tables());
  const RecordHeader header{record_magic, results.replicate, payload.size(),
                            record_checksum(results.replicate, payload.size(), payload)};
  std::string record;
  record.reserve(sizeof(header) + payload.size());
  put(record, header);
  record += payload;
  // One write of header and payload: a kill leaves at most this record incomplete. After a
  // failed write the file may end in part of this record, which a resume drops.
  write_all(fd_, record.data(), record.size(), path_);
  if (::fdatasync(fd_) != 0) fail_io("cannot sync", path_);
  std::lock_guard lock(mutex_);
  records_.insert_or_assign(results.replicate, std::pair{end_ + sizeof(header), payload.size()});
  end_ += record.size();
}

void CheckpointLog::remove() {
  // Unlinked before it is closed, so that the lock is held until the name is gone: no other run
  // can lock this file and write records no one will read.
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace primsim::output

// Layout: an 8-byte magic, the identity's length and text, then records of (magic, index,
// payload size, FNV-1a checksum, payload). Rows are stored as their in-memory bytes: the file
// is only ever read back by the same build on the same machine, which the identity checks.
#include "primsim/output/checkpoint_log.hpp"

#include <fcntl.h>
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
#include <nlohmann/json.hpp>

#include "primsim/output/output_file_error.hpp"

namespace primsim::output {

using namespace models::results;

namespace {

constexpr char file_magic[8] = {'P', 'R', 'I', 'M', 'C', 'K', 'P', '1'};
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

std::uint64_t fnv1a(const char* data, std::size_t size) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= 1099511628211ULL;
  }
  return hash;
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

std::string describe_difference(const std::string& found, const std::string& wanted) {
  const auto old_run = nlohmann::json::parse(found, nullptr, false);
  const auto new_run = nlohmann::json::parse(wanted, nullptr, false);
  if (old_run.is_discarded() || !old_run.is_object()) return "its header is damaged";
  for (const auto& [key, value] : new_run.items()) {
    if (old_run.contains(key) && old_run[key] == value) continue;
    const std::string was = old_run.contains(key) ? old_run[key].dump() : "nothing";
    if (was.size() > 60 || value.dump().size() > 60) return fmt::format("its {} differs", key);
    return fmt::format("its {} is {}, not {}", key, was, value.dump());
  }
  return "its header differs";
}

}  // namespace

CheckpointLog::CheckpointLog(std::filesystem::path path, std::string identity, bool resume)
    : path_(std::move(path)), identity_(std::move(identity)) {
  if (resume && std::filesystem::exists(path_)) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) fail_io("cannot open", path_);
    // A constructor that throws runs no destructor: a refused file must not keep its descriptor.
    try {
      load(identity_);
    } catch (...) {
      ::close(fd_);
      fd_ = -1;
      throw;
    }
  } else {
    start_afresh();
  }
}

CheckpointLog::~CheckpointLog() {
  if (fd_ >= 0) ::close(fd_);
}

void CheckpointLog::start_afresh() {
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) fail_io("cannot create", path_);
  std::string header(file_magic, sizeof(file_magic));
  put(header, std::uint64_t{identity_.size()});
  header += identity_;
  write_all(fd_, header.data(), header.size(), path_);
  if (::fsync(fd_) != 0) fail_io("cannot sync", path_);
  end_ = header.size();
}

void CheckpointLog::load(const std::string& identity) {
  char magic[sizeof(file_magic)];
  std::uint64_t length = 0;
  if (!read_at(fd_, magic, sizeof(magic), 0) || std::memcmp(magic, file_magic, sizeof(magic)) != 0 ||
      !read_at(fd_, reinterpret_cast<char*>(&length), sizeof(length), sizeof(magic)) || length > (1U << 26)) {
    throw OutputFileError(fmt::format("cannot resume from '{}': not a primsim partial file", path_.string()));
  }
  std::string found(length, '\0');
  if (!read_at(fd_, found.data(), found.size(), sizeof(magic) + sizeof(length))) {
    throw OutputFileError(fmt::format("cannot resume from '{}': not a primsim partial file", path_.string()));
  }
  if (found != identity) {
    throw OutputFileError(fmt::format("cannot resume from '{}': it belongs to another run ({})",
                                      path_.string(), describe_difference(found, identity)));
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
    if (fnv1a(payload.data(), payload.size()) != header.checksum) break;
    records_.insert_or_assign(header.index, std::pair{offset + sizeof(header), header.size});
    offset += sizeof(header) + header.size;
  }
  // Whatever follows the last complete record was cut short by the kill.
  if (::ftruncate(fd_, static_cast<off_t>(offset)) != 0) fail_io("cannot truncate", path_);
  if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) fail_io("cannot seek in", path_);
  end_ = offset;
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
  return results;
}

void CheckpointLog::append(const ReplicateResults& results) {
  if (contains(results.replicate)) return;
  std::string payload;
  put(payload, results.replicate);
  std::apply([&](const auto&... rows) { (put_rows(payload, rows), ...); }, results.tables());
  const RecordHeader header{record_magic, results.replicate, payload.size(),
                            fnv1a(payload.data(), payload.size())};
  std::string record;
  record.reserve(sizeof(header) + payload.size());
  put(record, header);
  record += payload;
  // One write of header and payload: a kill leaves at most this record incomplete.
  write_all(fd_, record.data(), record.size(), path_);
  if (::fdatasync(fd_) != 0) fail_io("cannot sync", path_);
  std::lock_guard lock(mutex_);
  records_.insert_or_assign(results.replicate, std::pair{end_ + sizeof(header), payload.size()});
  end_ += record.size();
}

void CheckpointLog::remove() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace primsim::output

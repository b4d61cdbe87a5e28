// libFuzzer entry point for the partial-file reader that --resume uses: any bytes in
// OUT.h5.partial must end in the records that pass their checksums or an error, never a crash, a
// hang or a sanitizer report. The first byte chooses how much of the input is taken on trust, so
// that the fuzzer reaches past what it cannot forge by mutation alone: bit 0 puts a valid header
// (magic and the run's identity) before the rest, bit 1 sets each record's checksum to match its
// payload, so that payloads of any shape reach the row decoder.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "primsim/output/checkpoint_log.hpp"
#include "primsim/sim/input_error.hpp"

namespace {

namespace fs = std::filesystem;

constexpr char kIdentity[] = R"({"fuzz":1})";
constexpr char kMagic[8] = {'P', 'R', 'I', 'M', 'C', 'K', 'P', '1'};
constexpr std::uint32_t kRecordMagic = 0x5245504cU;

struct RecordHeader {
  std::uint32_t magic;
  std::uint32_t index;
  std::uint64_t size;
  std::uint64_t checksum;
};

std::uint64_t fnv1a(const char* data, std::size_t size) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (std::size_t i = 0; i < size; ++i) {
    hash ^= static_cast<unsigned char>(data[i]);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// Walks the records after `offset` and makes each checksum right; stops where a header is not one.
void fix_checksums(std::string& bytes, std::size_t offset) {
  while (offset + sizeof(RecordHeader) <= bytes.size()) {
    RecordHeader header{};
    std::memcpy(&header, bytes.data() + offset, sizeof header);
    header.magic = kRecordMagic;
    const std::size_t payload = offset + sizeof header;
    if (header.size > bytes.size() - payload) header.size = bytes.size() - payload;
    header.checksum = fnv1a(bytes.data() + payload, header.size);
    std::memcpy(bytes.data() + offset, &header, sizeof header);
    offset = payload + header.size;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const fs::path path =
      fs::temp_directory_path() / fmt::format("primsim-fuzz-{}.h5.partial", ::getpid());
  const std::uint8_t mode = data[0];
  std::string bytes;
  std::size_t records = 0;
  if ((mode & 1U) != 0) {
    const std::uint64_t length = sizeof(kIdentity) - 1;
    bytes.append(kMagic, sizeof kMagic);
    bytes.append(reinterpret_cast<const char*>(&length), sizeof length);
    bytes.append(kIdentity, length);
    records = bytes.size();
  }
  bytes.append(reinterpret_cast<const char*>(data) + 1, size - 1);
  if ((mode & 2U) != 0 && records > 0) fix_checksums(bytes, records);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  try {
    primsim::output::CheckpointLog log(path, kIdentity, true);
    for (std::uint32_t index = 0; index < 64; ++index) {
      if (log.contains(index)) (void)log.read(index);
    }
  } catch (const primsim::sim::InputError&) {
  } catch (const std::runtime_error&) {
    // A record whose checksum matches but whose rows do not fit it ("record cut short"): the
    // resume fails with exit status 1 and the partial file is left as it was.
  }
  return 0;
}

// Opening a file the user named as input. Only a regular file is read (a FIFO would block the
// reader for ever, a device such as /dev/zero never ends, a folder has no content), and never one
// larger than the limit of its kind, so a wrong path fails at once with the file, what it is and the
// limit, instead of hanging or filling memory. docs/reliability.md lists the limits.
#pragma once

#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "primsim/sim/input_error.hpp"

namespace primsim::sim {

// A kind of input file and the largest such file primsim reads.
struct InputKind {
  std::string_view name;  // "scenario", as in "a scenario file"
  std::uintmax_t max_bytes;
};

// A scenario is hand-written YAML: the largest preset is under 20 KB.
inline constexpr InputKind kScenarioInput{"scenario", std::uintmax_t{4} << 20U};
// PrefLib's largest ordinal data sets are tens of MB; the reader streams, so this bounds time, not memory.
inline constexpr InputKind kPreflibInput{"PrefLib ballot", std::uintmax_t{256} << 20U};
// One line per party.
inline constexpr InputKind kPartyVotesInput{"party votes CSV", std::uintmax_t{16} << 20U};
// HDF5 files are read a block at a time and their dimensions are checked instead of their size.
inline constexpr InputKind kResultsInput{"results", std::numeric_limits<std::uintmax_t>::max()};
inline constexpr InputKind kPosteriorInput{"posterior", std::numeric_limits<std::uintmax_t>::max()};

// An input file that is not a regular file or is too large. `expected` and `found` are the two
// halves of the message, for readers that place it at a line and column.
class InputFileError : public InputError {
 public:
  InputFileError(const std::string& message, std::string expected, std::string found)
      : InputError(message), expected_(std::move(expected)), found_(std::move(found)) {}
  [[nodiscard]] const std::string& expected() const { return expected_; }
  [[nodiscard]] const std::string& found() const { return found_; }

 private:
  std::string expected_;
  std::string found_;
};

// Throws InputFileError unless `path` is a regular file (after symbolic links) of at most
// kind.max_bytes; returns its size. Never opens the file, so a FIFO cannot block it.
std::uintmax_t check_input_file(const std::filesystem::path& path, const InputKind& kind);

// The whole content of `path`, checked as check_input_file does but on the opened descriptor, so
// that nothing can replace the file between the check and the read.
std::string read_input_file(const std::filesystem::path& path, const InputKind& kind);

// The first byte of `text` that keeps it from being UTF-8 text without NUL bytes, with what it is
// ("a NUL byte", "the byte 0xff, which is not UTF-8"). Overlong forms and surrogates count as
// not UTF-8, as the standard says. O(size).
struct TextDefect {
  std::size_t offset = 0;
  std::string what;
};
std::optional<TextDefect> find_text_defect(std::string_view text);

}  // namespace primsim::sim

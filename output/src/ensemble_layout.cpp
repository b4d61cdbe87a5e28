// Parsing --shard: a user error here must say what was expected, as every primsim input does.
#include "primsim/output/ensemble_layout.hpp"

#include <charconv>

#include <fmt/format.h>

#include "primsim/sim/input_error.hpp"

namespace primsim::output {

namespace {

bool parse_number(std::string_view text, std::uint32_t& value) {
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  return !text.empty() && error == std::errc() && stop == end;
}

}  // namespace

Shard parse_shard(const std::string& text, const std::string& option) {
  const auto slash = text.find('/');
  Shard shard;
  const std::string_view whole(text);
  if (slash == std::string::npos || !parse_number(whole.substr(0, slash), shard.index) ||
      !parse_number(whole.substr(slash + 1), shard.count) || shard.count == 0) {
    throw sim::InputError(
        fmt::format("{}: expected i/n with integers 0 <= i < n (for example 0/4), found '{}'", option, text));
  }
  if (shard.index >= shard.count) {
    throw sim::InputError(fmt::format("{}: shard index {} is out of range for {} shards: expected 0 to {}",
                                      option, shard.index, shard.count, shard.count - 1));
  }
  return shard;
}

}  // namespace primsim::output

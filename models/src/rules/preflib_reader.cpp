// PrefLib ordinal parser with positions in every error.
#include "primsim/models/rules/preflib_reader.hpp"

#include <cctype>
#include <charconv>
#include <fstream>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "primsim/models/rules/count_limits.hpp"
#include "primsim/sim/input_file.hpp"

namespace primsim::models::rules {
namespace {

struct Header {
  std::optional<std::size_t> alternatives;
  std::optional<std::uint64_t> voters;
  std::string data_type;
  std::vector<std::pair<std::size_t, std::string>> names;  // 1-based number, name
};

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  // An empty result still points into `text`, so a caller can take its column.
  if (first == std::string_view::npos) return text.substr(text.size());
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

std::string describe(std::string_view rest) {
  if (rest.empty()) return "the end of the line";
  if (std::isalnum(static_cast<unsigned char>(rest.front())) == 0) return fmt::format("'{}'", rest.front());
  const auto end = rest.find_first_of(",:{} \t");
  std::string_view token = rest.substr(0, end == 0 ? 1 : end);
  return fmt::format("'{}'", token);
}

class LineParser {
 public:
  LineParser(const std::string& source, std::size_t line_number, std::string_view line)
      : source_(source), line_number_(line_number), line_(line) {}

  [[noreturn]] void fail(const std::string& expected) const {
    throw PreflibError(fmt::format("{}:{}:{}: expected {}, found {}", source_, line_number_, position_ + 1,
                                   expected, describe(line_.substr(position_))));
  }
  [[noreturn]] void fail_at(std::size_t column, const std::string& message) const {
    throw PreflibError(fmt::format("{}:{}:{}: {}", source_, line_number_, column + 1, message));
  }
  void skip_space() {
    while (position_ < line_.size() &&
           (line_[position_] == ' ' || line_[position_] == '\t' || line_[position_] == '\r')) {
      ++position_;
    }
  }
  bool at_end() {
    skip_space();
    return position_ >= line_.size();
  }
  bool accept(char c) {
    skip_space();
    if (position_ < line_.size() && line_[position_] == c) {
      ++position_;
      return true;
    }
    return false;
  }
  void expect(char c, const std::string& what) {
    if (!accept(c)) fail(what);
  }
  std::optional<std::uint64_t> number() {
    skip_space();
    std::uint64_t value = 0;
    const char* begin = line_.data() + position_;
    const auto [end, error] = std::from_chars(begin, line_.data() + line_.size(), value);
    if (error != std::errc{} || end == begin) return std::nullopt;
    position_ += static_cast<std::size_t>(end - begin);
    return value;
  }
  [[nodiscard]] std::size_t position() const { return position_; }

 private:
  const std::string& source_;
  std::size_t line_number_;
  std::string_view line_;
  std::size_t position_ = 0;
};

void parse_header_line(const std::string& source, std::size_t line_number, std::string_view line,
                       Header& header) {
  const std::string_view body = trim(line.substr(1));
  const auto colon = body.find(':');
  if (colon == std::string_view::npos) return;  // free-text comment
  const std::string_view key = trim(body.substr(0, colon));
  const std::string_view value = trim(body.substr(colon + 1));
  const std::size_t value_column = static_cast<std::size_t>(value.data() - line.data());
  const auto to_number = [&](std::string_view what) -> std::uint64_t {
    std::uint64_t number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size()) {
      throw PreflibError(fmt::format("{}:{}:{}: {}: expected a whole number, found '{}'", source, line_number,
                                     value_column + 1, what, value));
    }
    return number;
  };
  if (key == "NUMBER ALTERNATIVES") {
    header.alternatives = static_cast<std::size_t>(to_number(key));
    if (*header.alternatives == 0 || *header.alternatives > 65535) {
      throw PreflibError(fmt::format("{}:{}:{}: NUMBER ALTERNATIVES: expected 1 to 65535, found {}", source,
                                     line_number, value_column + 1, *header.alternatives));
    }
  } else if (key == "NUMBER VOTERS") {
    header.voters = to_number(key);
  } else if (key == "DATA TYPE") {
    header.data_type = std::string(value);
  } else if (key.starts_with("ALTERNATIVE NAME ")) {
    const std::string_view index_text = trim(key.substr(17));
    std::size_t index = 0;
    const auto [end, error] =
        std::from_chars(index_text.data(), index_text.data() + index_text.size(), index);
    if (error != std::errc{} || end != index_text.data() + index_text.size()) {
      throw PreflibError(fmt::format(
          "{}:{}:{}: ALTERNATIVE NAME: expected an alternative number, found '{}'", source, line_number,
          static_cast<std::size_t>(index_text.data() - line.data()) + 1, index_text));
    }
    header.names.emplace_back(index, std::string(value));
  }
}

// What the data type allows in an order.
struct OrderKind {
  bool strict = false;    // soc, soi: no ties
  bool complete = false;  // soc, toc: every alternative listed
};

// The order being read. The buffers live across lines so a file allocates only as its orders grow.
struct OrderBuffer {
  std::vector<CandidateIndex> candidates;
  std::vector<std::uint8_t> tier_start;
  std::vector<std::size_t> seen_on;  // line number + 1 where an alternative was last listed
};

// Called at the first ballot line: the header must be complete.
OrderKind check_header(const std::string& source, std::size_t line_number, std::string_view first_order,
                       const Header& header, std::string_view extension) {
  if (!header.alternatives) {
    throw PreflibError(fmt::format(
        "{}:{}:1: expected a '# NUMBER ALTERNATIVES: n' header line before the first order (PrefLib "
        "format of 2022), found '{}'",
        source, line_number, first_order.substr(0, 20)));
  }
  std::string type = header.data_type.empty() ? std::string(extension) : header.data_type;
  if (type != "soc" && type != "soi" && type != "toc" && type != "toi") {
    throw PreflibError(fmt::format("{}:{}:1: expected DATA TYPE soc, soi, toc or toi, found '{}'", source,
                                   line_number, type));
  }
  return {type[0] == 's', type[2] == 'c'};
}

void name_alternatives(Profile& profile, const Header& header) {
  std::vector<std::string> names = profile.candidate_names();
  for (const auto& [index, name] : header.names) {
    if (index >= 1 && index <= names.size()) names[index - 1] = name;
  }
  profile.set_candidate_names(std::move(names));
}

// `seen_on` is stamped with the line number rather than cleared, so an order costs its own length, not n.
CandidateIndex read_alternative(LineParser& parser, std::size_t line_number, std::size_t n,
                                std::vector<std::size_t>& seen_on) {
  const std::size_t column = parser.position();
  const auto alternative = parser.number();
  if (!alternative) parser.fail(fmt::format("an alternative number from 1 to {}", n));
  if (*alternative < 1 || *alternative > n) {
    parser.fail_at(column,
                   fmt::format("expected an alternative number from 1 to {}, found {}", n, *alternative));
  }
  const auto index = static_cast<std::size_t>(*alternative - 1);
  if (seen_on[index] == line_number) {
    parser.fail_at(column, fmt::format("expected each alternative at most once in an order, found {} again",
                                       *alternative));
  }
  seen_on[index] = line_number;
  return static_cast<CandidateIndex>(index);
}

// A tier is '3' or '{3,4}'.
void read_tier(LineParser& parser, std::size_t line_number, std::size_t n, OrderBuffer& order) {
  const bool braced = parser.accept('{');
  bool first_in_tier = true;
  while (true) {
    order.candidates.push_back(read_alternative(parser, line_number, n, order.seen_on));
    order.tier_start.push_back(first_in_tier ? 1 : 0);
    first_in_tier = false;
    if (!braced || !parser.accept(',')) break;
  }
  if (braced) parser.expect('}', "',' or '}' inside a tie");
}

// An order is 'count: tier,tier,...'; `order` receives the tiers.
std::uint64_t read_order(LineParser& parser, std::size_t line_number, std::size_t n, OrderBuffer& order) {
  if (parser.accept('#'))
    parser.fail_at(0, "expected an order 'count: alternatives', found a '#' line after the orders began");
  const auto count = parser.number();
  if (!count) parser.fail("a voter count");
  parser.expect(':', "':' after the voter count");
  order.candidates.clear();
  order.tier_start.clear();
  if (!parser.at_end()) {
    while (true) {
      read_tier(parser, line_number, n, order);
      if (parser.at_end()) break;
      parser.expect(',', "',' between alternatives");
    }
  }
  return *count;
}

void check_order_kind(const LineParser& parser, OrderKind kind, std::size_t n, const OrderBuffer& order) {
  // Only braces holding several alternatives are ties: '{3}' is a tier of one.
  std::size_t tiers = 0;
  for (const std::uint8_t s : order.tier_start) tiers += s;
  if (kind.strict && tiers != order.candidates.size()) {
    parser.fail_at(0, "expected a strict order (soc/soi files have no ties), found alternatives in braces");
  }
  if (kind.complete && order.candidates.size() != n) {
    parser.fail_at(0, fmt::format("expected a complete order of all {} alternatives (soc/toc), found {}", n,
                                  order.candidates.size()));
  }
}

}  // namespace

Profile parse_preflib(std::istream& in, const std::string& source, std::string_view extension) {
  Header header;
  std::optional<Profile> profile;
  OrderKind kind;
  OrderBuffer order;
  std::string line;
  std::size_t line_number = 0;
  std::uint64_t voters = 0;

  while (std::getline(in, line)) {
    ++line_number;
    const std::string_view view = line;
    // Names go to CSV and JSON output, which need UTF-8; a NUL would cut them short.
    if (const auto defect = sim::find_text_defect(view)) {
      throw PreflibError(fmt::format("{}:{}:{}: expected UTF-8 text without NUL bytes, found {}", source,
                                     line_number, defect->offset + 1, defect->what));
    }
    if (trim(view).empty()) continue;
    if (!profile && trim(view).front() == '#') {
      parse_header_line(source, line_number, trim(view), header);
      continue;
    }
    if (!profile) {
      kind = check_header(source, line_number, trim(view), header, extension);
      profile.emplace(*header.alternatives);
      name_alternatives(*profile, header);
      order.seen_on.assign(*header.alternatives, 0);
    }
    const std::size_t n = profile->candidate_count();
    LineParser parser(source, line_number, view);
    const std::uint64_t count = read_order(parser, line_number, n, order);
    // Both are at most kMaxVoters when added, so the running total cannot wrap.
    if (count > kMaxVoters || (voters += count) > kMaxVoters) {
      throw PreflibError(fmt::format("{}:{}:1: expected at most {} voters in the file, found {}{}", source,
                                     line_number, kMaxVoters, count > kMaxVoters ? "" : "a running total of ",
                                     count > kMaxVoters ? count : voters));
    }
    check_order_kind(parser, kind, n, order);
    profile->add_ballot(order.candidates, order.tier_start, count);
  }
  if (!profile) {
    throw PreflibError(fmt::format("{}:{}:1: expected at least one order line, found the end of the file",
                                   source, line_number + 1));
  }
  if (header.voters && *header.voters != voters) {
    throw PreflibError(fmt::format("{}: NUMBER VOTERS: the header says {}, the orders count {}", source,
                                   *header.voters, voters));
  }
  return std::move(*profile);
}

Profile read_preflib(const std::filesystem::path& path) {
  sim::check_input_file(path, sim::kPreflibInput);
  std::ifstream in(path);
  if (!in) throw sim::InputError(fmt::format("{}: cannot open the file", path.string()));
  std::string extension = path.extension().string();
  if (!extension.empty()) extension.erase(0, 1);
  return parse_preflib(in, path.string(), extension);
}

}  // namespace primsim::models::rules

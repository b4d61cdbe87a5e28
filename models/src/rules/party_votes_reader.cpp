// A strict reader for two-column party,votes CSV files.
#include "primsim/models/rules/party_votes_reader.hpp"

#include <charconv>
#include <fstream>
#include <set>
#include <string_view>

#include <fmt/format.h>

#include "primsim/models/rules/count_limits.hpp"
#include "primsim/sim/input_file.hpp"

namespace primsim::models::rules {
namespace {

struct Field {
  std::string text;
  std::size_t column;  // 1-based
};

// Splits one CSV record; quoted fields may hold commas and doubled quotes.
std::vector<Field> split_record(const std::string& source, std::size_t line_number, std::string_view line) {
  std::vector<Field> fields;
  std::size_t i = 0;
  while (true) {
    Field field{{}, i + 1};
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) {
          throw PartyVotesError(fmt::format("{}:{}:{}: expected a closing '\"', found the end of the line",
                                            source, line_number, i + 1));
        }
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            field.text += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.text += line[i++];
      }
      if (i < line.size() && line[i] != ',') {
        throw PartyVotesError(fmt::format("{}:{}:{}: expected ',' after a quoted field, found '{}'", source,
                                          line_number, i + 1, line[i]));
      }
    } else {
      while (i < line.size() && line[i] != ',') field.text += line[i++];
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return fields;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

PartyVotes parse_party_votes(std::istream& in, const std::string& source) {
  PartyVotes result;
  std::set<std::string> seen;
  std::string line;
  std::size_t line_number = 0;
  bool header_read = false;
  std::uint64_t total = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Party names go to CSV and JSON output, which need UTF-8; a NUL would cut them short.
    if (const auto defect = sim::find_text_defect(line)) {
      throw PartyVotesError(fmt::format("{}:{}:{}: expected UTF-8 text without NUL bytes, found {}", source,
                                        line_number, defect->offset + 1, defect->what));
    }
    if (trim(line).empty()) continue;
    const auto fields = split_record(source, line_number, line);
    if (!header_read) {
      if (fields.size() != 2 || trim(fields[0].text) != "party" || trim(fields[1].text) != "votes") {
        throw PartyVotesError(
            fmt::format("{}:{}:1: expected the header 'party,votes', found '{}'", source, line_number, line));
      }
      header_read = true;
      continue;
    }
    if (fields.size() != 2) {
      throw PartyVotesError(fmt::format("{}:{}:1: expected 2 fields (party,votes), found {}", source,
                                        line_number, fields.size()));
    }
    const std::string party(trim(fields[0].text));
    if (party.empty()) {
      throw PartyVotesError(
          fmt::format("{}:{}:1: party: expected a party name, found an empty field", source, line_number));
    }
    if (!seen.insert(party).second) {
      throw PartyVotesError(fmt::format("{}:{}:1: party: expected each party once, found '{}' again", source,
                                        line_number, party));
    }
    const std::string_view text = trim(fields[1].text);
    std::uint64_t votes = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), votes);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
      throw PartyVotesError(fmt::format("{}:{}:{}: votes: expected a whole number of votes, found '{}'",
                                        source, line_number, fields[1].column, fields[1].text));
    }
    // Both are at most kMaxVotes when added, so the running total cannot wrap.
    if (votes > kMaxVotes || (total += votes) > kMaxVotes) {
      throw PartyVotesError(fmt::format("{}:{}:{}: votes: expected at most {} votes in the file, found {}{}",
                                        source, line_number, fields[1].column, kMaxVotes,
                                        votes > kMaxVotes ? "" : "a running total of ",
                                        votes > kMaxVotes ? votes : total));
    }
    result.parties.push_back(party);
    result.votes.push_back(votes);
  }
  if (!header_read) {
    throw PartyVotesError(fmt::format("{}:{}:1: expected the header 'party,votes', found the end of the file",
                                      source, line_number + 1));
  }
  if (result.parties.empty()) {
    throw PartyVotesError(fmt::format("{}:{}:1: expected at least one party line, found the end of the file",
                                      source, line_number + 1));
  }
  return result;
}

PartyVotes read_party_votes(const std::filesystem::path& path) {
  sim::check_input_file(path, sim::kPartyVotesInput);
  std::ifstream in(path);
  if (!in) throw sim::InputError(fmt::format("{}: cannot open the file", path.string()));
  return parse_party_votes(in, path.string());
}

}  // namespace primsim::models::rules

// CSV output shared by the commands that print tables: quoting as RFC 4180 asks.
#pragma once

#include <string>
#include <string_view>

namespace primsim::cli {

// Quotes a field that holds a comma, a quote or a line break; doubles inner quotes.
inline std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

}  // namespace primsim::cli

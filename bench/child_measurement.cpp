// A benchmark's configurations in child copies of itself, each read back as a JSON line.
#include "child_measurement.hpp"

#include <array>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

namespace primsim::bench {
namespace {

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

nlohmann::ordered_json run_self_as_child(const std::vector<std::string>& arguments) {
  std::string command = shell_quoted(std::filesystem::read_symlink("/proc/self/exe").string());
  for (const auto& argument : arguments) command += " " + shell_quoted(argument);
  FILE* child = ::popen(command.c_str(), "r");
  if (child == nullptr) throw std::runtime_error("cannot start " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), child) != nullptr)
    output += buffer.data();
  if (::pclose(child) != 0) throw std::runtime_error("the configuration failed: " + command);
  return nlohmann::ordered_json::parse(output);
}

}  // namespace primsim::bench

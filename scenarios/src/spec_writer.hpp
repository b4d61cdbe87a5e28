// Prints a spec as YAML through the same binding functions SpecReader reads with, so that
// `--print-resolved` shows every key with its value or default, and reads back to the same spec.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/sim_time.hpp"
#include "source_node.hpp"
#include "value_range.hpp"

namespace primsim::scenarios {

class SpecWriter {
 public:
  SpecWriter();

  template <typename T>
  void write(T& spec) {
    out_ << YAML::BeginMap;
    bind(*this, spec);
    out_ << YAML::EndMap;
  }
  // Appends a top-level key holding `node` as written (the sweep block).
  void write_source(std::string_view key, const SourceNode& node);
  [[nodiscard]] std::string str() const;

  template <typename Int>
  void integer(std::string_view key, Int& value, IntRange = {}, Presence = Presence::optional) {
    emit_key(key);
    out_ << std::to_string(value);
  }
  void optional_integer(std::string_view key, std::optional<std::int64_t>& value, IntRange range);
  void number(std::string_view key, double& value, RealRange, Presence = Presence::optional);
  void optional_number(std::string_view key, std::optional<double>& value, RealRange range);
  void flag(std::string_view key, bool& value);
  void text(std::string_view key, std::string& value, Presence = Presence::optional);
  void names(std::string_view key, std::vector<std::string>& values);
  void integers(std::string_view key, std::vector<std::int32_t>& values, IntRange range);
  void time(std::string_view key, sim::SimTime& value, Presence = Presence::required);
  void duration(std::string_view key, sim::Duration& value, bool allow_zero = false);
  void offset(std::string_view key, sim::Duration& value, Presence = Presence::optional);
  void epoch(std::string_view key, std::string& iso, sim::Duration utc_offset);
  void moved(std::string_view /*key*/, std::string_view /*new_path*/) {}
  void not_simulated(std::string_view /*key*/, std::string_view /*why*/) {}

  template <typename Enum>
  void choice(std::string_view key, Enum& value, Presence = Presence::optional) {
    emit_key(key);
    out_ << std::string(models::spec::name_of(value));
  }

  template <typename T>
  void object(std::string_view key, T& value) {
    emit_key(key);
    out_ << YAML::BeginMap;
    bind(*this, value);
    out_ << YAML::EndMap;
  }

  template <typename T>
  void list(std::string_view key, std::vector<T>& values, Presence = Presence::optional) {
    emit_key(key);
    out_ << YAML::BeginSeq;
    for (T& value : values) {
      out_ << YAML::BeginMap;
      bind(*this, value);
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndSeq;
  }

  template <typename T>
  void named_map(std::string_view key, std::vector<T>& values, const T&, Presence = Presence::optional) {
    emit_key(key);
    out_ << YAML::BeginMap;
    for (T& value : values) {
      out_ << YAML::Key << value.name << YAML::Value << YAML::BeginMap;
      bind(*this, value);
      out_ << YAML::EndMap;
    }
    out_ << YAML::EndMap;
  }

  void check_window(const models::spec::TimeWindow&) {}
  void check_sum(std::string_view, double) {}
  [[nodiscard]] sim::Duration zone_offset() const { return sim::Duration{offset_}; }

 private:
  void emit_key(std::string_view key);
  void emit_node(const SourceNode& node);

  YAML::Emitter out_;
  std::int64_t offset_ = 0;
  std::int64_t epoch_utc_ = 0;
};

}  // namespace primsim::scenarios

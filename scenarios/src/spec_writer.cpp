// The non-template half of SpecWriter: scalars in the same notation the reader accepts.
#include "spec_writer.hpp"

#include <fmt/format.h>

#include "time_format.hpp"

namespace primsim::scenarios {

SpecWriter::SpecWriter() { out_.SetIndent(2); }

std::string SpecWriter::str() const { return std::string(out_.c_str()) + "\n"; }

void SpecWriter::emit_key(std::string_view key) { out_ << YAML::Key << std::string(key) << YAML::Value; }

void SpecWriter::optional_integer(std::string_view key, std::optional<std::int64_t>& value, IntRange) {
  if (value) integer(key, *value);
}

void SpecWriter::optional_number(std::string_view key, std::optional<double>& value, RealRange) {
  if (value) number(key, *value, kAnyNumber);
}

void SpecWriter::number(std::string_view key, double& value, RealRange, Presence) {
  emit_key(key);
  // The shortest text that reads back to the same double.
  out_ << fmt::format("{}", value);
}

void SpecWriter::flag(std::string_view key, bool& value) {
  emit_key(key);
  out_ << (value ? "true" : "false");
}

void SpecWriter::text(std::string_view key, std::string& value, Presence) {
  if (value.empty()) return;
  emit_key(key);
  out_ << YAML::DoubleQuoted << value;
}

void SpecWriter::names(std::string_view key, std::vector<std::string>& values) {
  emit_key(key);
  out_ << YAML::Flow << YAML::BeginSeq;
  for (const std::string& value : values) out_ << value;
  out_ << YAML::EndSeq;
}

void SpecWriter::integers(std::string_view key, std::vector<std::int32_t>& values, IntRange) {
  if (values.empty()) return;
  emit_key(key);
  out_ << YAML::Flow << YAML::BeginSeq;
  for (const std::int32_t value : values) out_ << value;
  out_ << YAML::EndSeq;
}

void SpecWriter::time(std::string_view key, sim::SimTime& value, Presence) {
  emit_key(key);
  out_ << format_date_time(value.seconds_since_epoch() + epoch_utc_ + offset_);
}

void SpecWriter::duration(std::string_view key, sim::Duration& value, bool) {
  emit_key(key);
  out_ << format_duration(value.count());
}

void SpecWriter::offset(std::string_view key, sim::Duration& value, Presence) {
  emit_key(key);
  out_ << YAML::DoubleQuoted << format_utc_offset(value.count());
}

void SpecWriter::epoch(std::string_view key, std::string& iso, sim::Duration utc_offset) {
  offset_ = utc_offset.count();
  if (const auto literal = parse_date_time(iso)) {
    epoch_utc_ = literal->local_seconds - literal->offset_seconds.value_or(offset_);
  }
  emit_key(key);
  out_ << iso;
}

void SpecWriter::write_source(std::string_view key, const SourceNode& node) {
  out_ << YAML::BeginMap;
  emit_key(key);
  emit_node(node);
  out_ << YAML::EndMap;
}

void SpecWriter::emit_node(const SourceNode& node) {
  switch (node.kind) {
    case SourceNode::Kind::null:
      out_ << YAML::Null;
      break;
    case SourceNode::Kind::scalar:
      out_ << node.scalar;
      break;
    case SourceNode::Kind::sequence:
      out_ << YAML::Flow << YAML::BeginSeq;
      for (const SourceNode& item : node.items) emit_node(item);
      out_ << YAML::EndSeq;
      break;
    case SourceNode::Kind::map:
      out_ << YAML::BeginMap;
      for (const SourceNode::Entry& entry : node.entries) {
        out_ << YAML::Key << entry.key << YAML::Value;
        emit_node(entry.value);
      }
      out_ << YAML::EndMap;
      break;
  }
}

}  // namespace primsim::scenarios

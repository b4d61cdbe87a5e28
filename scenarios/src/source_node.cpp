// Turns yaml-cpp's tree into SourceNodes. Sizes are bounded because aliases can
// expand a small file into an exponentially large tree ("billion laughs"), and depth is bounded
// because yaml-cpp builds a cyclic graph for an alias inside the node it names (`a: &a [*a]`).
#include "source_node.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include "primsim/sim/input_file.hpp"

namespace primsim::scenarios {
namespace {

constexpr std::size_t kMaxNodes = 200000;
constexpr std::size_t kMaxScalarBytes = 1 << 20;
constexpr std::size_t kMaxDepth = 64;

class Converter {
 public:
  Converter(std::shared_ptr<const std::string> file, Diagnostics& diagnostics)
      : file_(std::move(file)), diagnostics_(diagnostics) {}

  bool convert(const YAML::Node& in, SourceNode& out, const std::string& path) {
    if (++count_ > kMaxNodes) {
      diagnostics_.add(location(in.Mark()), path, fmt::format("at most {} YAML nodes", kMaxNodes),
                       "more (aliases expand to copies)");
      return false;
    }
    out.location = location(in.Mark());
    if (in.IsSequence() || in.IsMap()) {
      // Node::is compares identity, so an alias to an enclosing node is found among the ancestors.
      for (const YAML::Node& ancestor : ancestors_) {
        if (in.is(ancestor)) {
          diagnostics_.add(out.location, path, "an alias to a node outside itself",
                           "an alias to a node that contains it (a recursive alias)");
          return false;
        }
      }
      if (ancestors_.size() >= kMaxDepth) {
        diagnostics_.add(out.location, path, fmt::format("at most {} levels of nesting", kMaxDepth), "more");
        return false;
      }
    }
    switch (in.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        out.kind = SourceNode::Kind::null;
        return true;
      case YAML::NodeType::Scalar:
        out.kind = SourceNode::Kind::scalar;
        out.scalar = in.Scalar();
        if (out.scalar.size() > kMaxScalarBytes) {
          diagnostics_.add(out.location, path, "a scalar of at most 1 MiB", "a longer one");
          return false;
        }
        return true;
      case YAML::NodeType::Sequence: {
        out.kind = SourceNode::Kind::sequence;
        const AncestorScope scope(ancestors_, in);
        std::size_t index = 0;
        for (const YAML::Node& item : in) {
          out.items.emplace_back();
          if (!convert(item, out.items.back(), fmt::format("{}[{}]", path, index++))) return false;
        }
        return true;
      }
      case YAML::NodeType::Map: {
        out.kind = SourceNode::Kind::map;
        const AncestorScope scope(ancestors_, in);
        for (const auto& pair : in) {
          const SourceLocation key_location = location(pair.first.Mark());
          if (!pair.first.IsScalar()) {
            diagnostics_.add(key_location, path, "a plain key", "a key that is a map or sequence");
            return false;
          }
          const std::string key = pair.first.Scalar();
          const std::string child_path = path.empty() ? key : path + "." + key;
          if (out.find(key) != nullptr) {
            diagnostics_.add(key_location, child_path, "each key once in a map",
                             fmt::format("\"{}\" again", key));
            continue;
          }
          SourceNode::Entry entry{key, key_location, {}};
          if (!convert(pair.second, entry.value, child_path)) return false;
          // A key with nothing after it sits where its value would be.
          if (entry.value.is_null()) entry.value.location = key_location;
          out.entries.push_back(std::move(entry));
        }
        return true;
      }
    }
    return true;
  }

 private:
  // Keeps a node on the ancestor stack while its children are converted.
  class AncestorScope {
   public:
    AncestorScope(std::vector<YAML::Node>& stack, const YAML::Node& node) : stack_(stack) {
      stack_.push_back(node);
    }
    ~AncestorScope() { stack_.pop_back(); }
    AncestorScope(const AncestorScope&) = delete;
    AncestorScope& operator=(const AncestorScope&) = delete;

   private:
    std::vector<YAML::Node>& stack_;
  };

  [[nodiscard]] SourceLocation location(const YAML::Mark& mark) const {
    return {file_, mark.line + 1, mark.column + 1};
  }

  std::shared_ptr<const std::string> file_;
  Diagnostics& diagnostics_;
  std::size_t count_ = 0;
  std::vector<YAML::Node> ancestors_;
};

// Records where each document starts.
class DocumentStarts final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { marks.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
  }
  void OnMapEnd() override {}

  std::vector<YAML::Mark> marks;
};

// Where a second document starts, if `text` has one. Not YAML::LoadAll: on some malformed input
// (a line that opens with ',') yaml-cpp 0.7 returns an empty document for ever without moving on,
// which the loader's fuzz target found. The parser is asked for two documents, never more.
std::optional<YAML::Mark> second_document(const std::string& text) {
  std::istringstream stream(text);
  YAML::Parser parser(stream);
  DocumentStarts starts;
  try {
    if (!parser.HandleNextDocument(starts) || !parser.HandleNextDocument(starts)) return std::nullopt;
  } catch (const YAML::Exception& error) {
    // The first document loaded, so what failed to parse is a second one.
    return error.mark;
  }
  return starts.marks.size() > 1 ? starts.marks[1] : YAML::Mark::null_mark();
}

}  // namespace

const SourceNode::Entry* SourceNode::find(std::string_view key) const {
  for (const Entry& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

SourceNode::Entry* SourceNode::find(std::string_view key) {
  for (Entry& entry : entries) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

bool SourceNode::erase(std::string_view key) {
  for (auto it = entries.begin(); it != entries.end(); ++it) {
    if (it->key == key) {
      entries.erase(it);
      return true;
    }
  }
  return false;
}

std::string SourceNode::describe() const {
  switch (kind) {
    case Kind::null:
      return "nothing";
    case Kind::scalar:
      return fmt::format("\"{}\"", scalar.size() > 60 ? scalar.substr(0, 57) + "..." : scalar);
    case Kind::sequence:
      return "a list";
    case Kind::map:
      return "a map";
  }
  return "nothing";
}

SourceNode parse_yaml(const std::string& text, const std::string& file, Diagnostics& diagnostics) {
  auto file_name = std::make_shared<const std::string>(file);
  SourceNode root;
  root.location = {file_name, 1, 1};
  // yaml-cpp passes NUL bytes and malformed UTF-8 through into names, which then fail far from
  // the file (in JSON output); the YAML standard allows neither.
  if (const auto defect = sim::find_text_defect(text)) {
    const auto before = static_cast<std::ptrdiff_t>(defect->offset);
    const auto line = static_cast<int>(std::count(text.begin(), text.begin() + before, '\n')) + 1;
    const std::size_t newline =
        defect->offset == 0 ? std::string::npos : text.rfind('\n', defect->offset - 1);
    const std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
    diagnostics.add({file_name, line, static_cast<int>(defect->offset - line_start) + 1}, "(text)",
                    "UTF-8 text without NUL bytes", defect->what);
    return root;
  }
  YAML::Node document;
  try {
    document = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    diagnostics.add({file_name, error.mark.line + 1, error.mark.column + 1}, "(syntax)", "valid YAML",
                    error.msg);
    return root;
  }
  // YAML::Load keeps the first document and drops the rest without a word.
  if (const auto second = second_document(text)) {
    diagnostics.add({file_name, std::max(second->line, 0) + 1, std::max(second->column, 0) + 1}, "(document)",
                    "one YAML document", "a second document");
    return root;
  }
  Converter converter(file_name, diagnostics);
  SourceNode converted;
  if (!converter.convert(document, converted, "")) return root;
  if (converted.is_null()) converted.location = root.location;
  return converted;
}

}  // namespace primsim::scenarios

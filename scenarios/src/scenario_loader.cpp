// Resolves a scenario: follows the extends chain (relative paths, cycles refused), merges it
// (scenario_merge.hpp) with each file's dotted keys, applies --set overrides, expands the sweep
// grid, and reads and checks every grid point.
#include "primsim/scenarios/scenario_loader.hpp"

#include <fmt/format.h>

#include "diagnostics.hpp"
#include "key_path.hpp"
#include "primsim/sim/input_error.hpp"
#include "primsim/sim/input_file.hpp"
#include "prior_reader.hpp"
#include "scenario_checks.hpp"
#include "scenario_merge.hpp"
#include "source_node.hpp"
#include "spec_binding.hpp"
#include "spec_reader.hpp"
#include "spec_writer.hpp"

namespace primsim::scenarios {

struct ScenarioSource {
  SourceNode root;
};

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxGridPoints = 10000;
constexpr std::size_t kMaxExtendsDepth = 32;

class Resolver {
 public:
  explicit Resolver(Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  // Reads `file` and its ancestors; `from` is the `extends` value that named it.
  SourceNode load_file(const fs::path& file, const std::string& shown_name, const SourceLocation* from) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(file, error);
    const auto report_here = [&](std::string_view expected, std::string_view found) {
      if (from != nullptr) {
        diagnostics_.add(*from, "extends", expected, found);
      } else {
        diagnostics_.add({std::make_shared<const std::string>(shown_name), 1, 1}, "(file)", expected, found);
      }
    };
    if (!fs::exists(file, error)) {
      report_here("a readable scenario file", fmt::format("no file \"{}\"", file.string()));
      return {};
    }
    std::string text;
    try {
      text = sim::read_input_file(file, sim::kScenarioInput);
    } catch (const sim::InputFileError& refused) {
      report_here(refused.expected(), fmt::format("\"{}\", {}", file.string(), refused.found()));
      return {};
    }
    files_.push_back(file);
    return load_text(text, shown_name, file.parent_path(), canonical);
  }

  [[nodiscard]] const std::vector<fs::path>& files() const { return files_; }

  SourceNode load_text(const std::string& text, const std::string& shown_name, const fs::path& directory,
                       const fs::path& identity) {
    if (std::find(stack_.begin(), stack_.end(), identity) != stack_.end() ||
        stack_.size() > kMaxExtendsDepth) {
      return {};
    }
    stack_.push_back(identity);
    SourceNode node = parse_yaml(text, shown_name, diagnostics_);
    // A child's dotted keys address the merged tree, so they wait until its parent is in.
    std::vector<SourceNode::Entry> key_paths = take_key_paths(node);
    SourceNode result = node.is_map() ? resolve_extends(std::move(node), directory) : std::move(node);
    apply_key_paths(result, std::move(key_paths), diagnostics_);
    stack_.pop_back();
    return result;
  }

 private:
  SourceNode resolve_extends(SourceNode child, const fs::path& directory) {
    const SourceNode::Entry* entry = child.find("extends");
    if (entry == nullptr) return child;
    const SourceNode::Entry extends = *entry;
    child.erase("extends");
    if (!extends.value.is_scalar() || extends.value.scalar.empty()) {
      diagnostics_.add(extends.value.location, "extends", "the path of a parent scenario",
                       extends.value.describe());
      return child;
    }
    const fs::path parent_path = directory / extends.value.scalar;
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(parent_path, error);
    if (std::find(stack_.begin(), stack_.end(), canonical) != stack_.end()) {
      std::vector<std::string> chain;
      for (auto it = std::find(stack_.begin(), stack_.end(), canonical); it != stack_.end(); ++it) {
        chain.push_back(it->filename().string());
      }
      chain.push_back(canonical.filename().string());
      diagnostics_.add(extends.value.location, "extends", "a chain of parents without a cycle",
                       fmt::format("the cycle {}", fmt::join(chain, " -> ")));
      return child;
    }
    if (stack_.size() > kMaxExtendsDepth) {
      diagnostics_.add(extends.value.location, "extends",
                       fmt::format("at most {} levels of extends", kMaxExtendsDepth), "more");
      return child;
    }
    SourceNode parent =
        load_file(parent_path, parent_path.lexically_normal().string(), &extends.value.location);
    if (parent.is_null()) return child;
    if (!parent.is_map()) {
      diagnostics_.add(extends.value.location, "extends", "a parent scenario that is a map of keys",
                       parent.describe());
      return child;
    }
    merge_scenario(parent, std::move(child), "", diagnostics_);
    return parent;
  }

  Diagnostics& diagnostics_;
  std::vector<fs::path> stack_;
  std::vector<fs::path> files_;
};

// Sets the location of `node` and everything under it.
void relocate(SourceNode& node, const SourceLocation& location) {
  node.location = location;
  for (SourceNode& item : node.items) relocate(item, location);
  for (SourceNode::Entry& entry : node.entries) {
    entry.key_location = location;
    relocate(entry.value, location);
  }
}

void apply_overrides(SourceNode& root, const std::vector<std::string>& overrides, Diagnostics& diagnostics) {
  const auto set_file = std::make_shared<const std::string>("--set");
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const std::string& text = overrides[i];
    const int line = static_cast<int>(i + 1);
    const std::size_t equals = text.find('=');
    if (equals == std::string::npos || equals == 0) {
      diagnostics.add({set_file, line, 1}, "(argument)", "key.path=value", fmt::format("\"{}\"", text));
      continue;
    }
    const std::string path = text.substr(0, equals);
    const SourceLocation key_location{set_file, line, 1};
    const SourceLocation value_location{set_file, line, static_cast<int>(equals + 2)};
    Diagnostics value_errors;
    SourceNode value = parse_yaml(text.substr(equals + 1), "--set", value_errors);
    if (!value_errors.empty()) {
      diagnostics.add(value_location, path, "a YAML value", fmt::format("\"{}\"", text.substr(equals + 1)));
      continue;
    }
    relocate(value, value_location);
    set_key_path(root, path, std::move(value), key_location, diagnostics);
  }
}

models::spec::ScenarioSpec read_spec(const SourceNode& root, Diagnostics& diagnostics,
                                     std::vector<std::string>* notes = nullptr) {
  models::spec::ScenarioSpec spec;
  SpecReader reader(diagnostics);
  reader.read(root, spec);
  if (root.is_map()) check_scenario(spec, reader);
  if (notes != nullptr) *notes = reader.notes();
  return spec;
}

std::string assignment_text(const SourceNode& node) {
  if (node.is_scalar()) return node.scalar;
  SpecWriter writer;
  writer.write_source("value", node);
  std::string text = writer.str();
  return text.substr(text.find(':') + 1);
}

LoadedScenario resolve(SourceNode root, const std::vector<std::string>& overrides, Diagnostics& diagnostics) {
  diagnostics.throw_if_any();
  apply_overrides(root, overrides, diagnostics);

  SourceNode sweep;
  SourceNode priors;
  if (root.is_map()) {
    if (const SourceNode::Entry* entry = root.find("sweep")) {
      sweep = entry->value;
      root.erase("sweep");
    }
    if (const SourceNode::Entry* entry = root.find("priors")) {
      priors = entry->value;
      root.erase("priors");
    }
  }
  struct Axis {
    std::string path;
    SourceLocation key_location;
    std::vector<SourceNode> values;
  };
  std::vector<Axis> axes;
  if (!sweep.is_null() && !sweep.is_map()) {
    diagnostics.add(sweep.location, "sweep", "a map from key paths to lists of values", sweep.describe());
  }
  std::size_t points = 1;
  for (const SourceNode::Entry& entry : sweep.entries) {
    if (!entry.value.is_sequence() || entry.value.items.empty()) {
      diagnostics.add(entry.value.location, "sweep." + entry.key, "a non-empty list of values",
                      entry.value.describe());
      continue;
    }
    axes.push_back({entry.key, entry.key_location, entry.value.items});
    points *= entry.value.items.size();
    if (points > kMaxGridPoints) {
      diagnostics.add(entry.value.location, "sweep." + entry.key,
                      fmt::format("a grid of at most {} points", kMaxGridPoints),
                      fmt::format("{} or more", points));
      diagnostics.throw_if_any();
    }
  }

  LoadedScenario loaded;
  loaded.spec = read_spec(root, diagnostics, &loaded.notes);
  if (axes.empty()) {
    loaded.grid.push_back({{}, loaded.spec});
  } else {
    std::vector<std::size_t> index(axes.size(), 0);
    for (std::size_t point = 0; point < points; ++point) {
      SourceNode variant = root;
      GridPoint grid_point;
      for (std::size_t a = 0; a < axes.size(); ++a) {
        const SourceNode& value = axes[a].values[index[a]];
        grid_point.assignments.emplace_back(axes[a].path, assignment_text(value));
        set_key_path(variant, axes[a].path, value, axes[a].key_location, diagnostics);
      }
      grid_point.spec = read_spec(variant, diagnostics);
      loaded.grid.push_back(std::move(grid_point));
      // Row-major: the last axis varies fastest.
      for (std::size_t a = axes.size(); a-- > 0;) {
        if (++index[a] < axes[a].values.size()) break;
        index[a] = 0;
      }
    }
  }
  diagnostics.throw_if_any();

  SpecWriter writer;
  writer.write(loaded.spec);
  loaded.resolved_yaml = writer.str();
  if (!priors.is_null()) {
    Diagnostics unused;
    const SourceNode resolved = parse_yaml(loaded.resolved_yaml, "(resolved)", unused);
    const VariantCheck reads_cleanly = [](const SourceNode& variant, std::string& complaint) {
      Diagnostics variant_diagnostics;
      read_spec(variant, variant_diagnostics);
      complaint = variant_diagnostics.first_message();
      return variant_diagnostics.empty();
    };
    loaded.priors = read_priors(priors, root, resolved, reads_cleanly, diagnostics);
    diagnostics.throw_if_any();
  }
  if (!sweep.is_null()) {
    SpecWriter sweep_writer;
    sweep_writer.write_source("sweep", sweep);
    loaded.resolved_yaml += sweep_writer.str();
  }
  loaded.resolved_yaml += priors_yaml(loaded.priors);
  loaded.source = std::make_shared<const ScenarioSource>(ScenarioSource{std::move(root)});
  return loaded;
}

}  // namespace

models::spec::ScenarioSpec LoadedScenario::spec_with(std::span<const double> values) const {
  if (values.size() != priors.size()) {
    throw sim::InputError(fmt::format("{} parameter values for {} priors", values.size(), priors.size()));
  }
  SourceNode variant = source->root;
  for (std::size_t i = 0; i < priors.size(); ++i)
    set_scalar(variant, priors[i].path, priors[i].text(values[i]));
  Diagnostics diagnostics;
  models::spec::ScenarioSpec variant_spec = read_spec(variant, diagnostics);
  if (!diagnostics.empty()) {
    throw sim::InputError(
        fmt::format("the drawn parameters make an invalid scenario: {}", diagnostics.first_message()));
  }
  return variant_spec;
}

LoadedScenario load_scenario(const std::filesystem::path& file, const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  Resolver resolver(diagnostics);
  SourceNode root = resolver.load_file(file, file.string(), nullptr);
  LoadedScenario loaded = resolve(std::move(root), overrides, diagnostics);
  loaded.files = resolver.files();
  return loaded;
}

LoadedScenario load_scenario_text(const std::string& text, const std::string& name,
                                  const std::filesystem::path& directory,
                                  const std::vector<std::string>& overrides) {
  Diagnostics diagnostics;
  Resolver resolver(diagnostics);
  SourceNode root = resolver.load_text(text, name, directory, directory / name);
  LoadedScenario loaded = resolve(std::move(root), overrides, diagnostics);
  loaded.files = resolver.files();
  return loaded;
}

}  // namespace primsim::scenarios

// The party's territory as a Boost.Graph tree: centre -> regions -> branches (cities and
// districts) -> primary party organisations. Aggregation up the tree and routing to a level
// use graph algorithms over it.
#pragma once

#include <cstdint>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/models/spec/territory_spec.hpp"

namespace primsim::models {

struct TerritoryNode {
  spec::TerritorialLevel level = spec::TerritorialLevel::national;
  std::uint32_t region = 0;  // index into TerritorySpec::regions (0 for the centre)
  std::uint32_t branch = 0;  // index within the region (branches and PPOs)
};

class Territory {
 public:
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, TerritoryNode>;
  using Vertex = Graph::vertex_descriptor;

  // PPOs are spread round-robin over their region's branches.
  explicit Territory(const spec::TerritorySpec& spec);

  [[nodiscard]] const Graph& graph() const { return graph_; }
  [[nodiscard]] Vertex centre() const { return 0; }
  [[nodiscard]] std::size_t region_count() const { return region_vertex_.size(); }
  [[nodiscard]] Vertex region(std::size_t r) const { return region_vertex_[r]; }
  [[nodiscard]] std::size_t branch_count(std::size_t r) const { return branch_vertex_[r].size(); }
  [[nodiscard]] Vertex branch(std::size_t r, std::size_t b) const { return branch_vertex_[r][b]; }
  [[nodiscard]] std::size_t ppo_count(std::size_t r) const { return ppo_vertex_[r].size(); }
  [[nodiscard]] Vertex ppo(std::size_t r, std::size_t p) const { return ppo_vertex_[r][p]; }
  [[nodiscard]] const TerritoryNode& node(Vertex v) const { return graph_[v]; }
  [[nodiscard]] std::size_t vertex_count() const { return boost::num_vertices(graph_); }

  // The ancestor of `from` (or `from` itself) at `level`: where a complaint or appeal filed at
  // `from` is decided. O(depth).
  [[nodiscard]] Vertex route_up(Vertex from, spec::TerritorialLevel level) const;

  // Sums per-vertex values into every ancestor (a post-order depth-first search): entry v of the
  // result is the total of v's subtree. O(vertices).
  [[nodiscard]] std::vector<std::int64_t> aggregate_up(const std::vector<std::int64_t>& values) const;

 private:
  Graph graph_;
  std::vector<Vertex> parent_;  // from a breadth-first search rooted at the centre
  std::vector<Vertex> region_vertex_;
  std::vector<std::vector<Vertex>> branch_vertex_;
  std::vector<std::vector<Vertex>> ppo_vertex_;
};

}  // namespace primsim::models

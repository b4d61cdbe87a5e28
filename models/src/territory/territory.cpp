// Building the territorial tree and walking it with Boost.Graph's searches.
#include "primsim/models/territory/territory.hpp"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/visitors.hpp>

namespace primsim::models {
namespace {

// Adds each vertex's subtree total into its parent as the search finishes the vertex.
class SubtreeSum : public boost::default_dfs_visitor {
 public:
  SubtreeSum(std::vector<std::int64_t>* totals, const std::vector<Territory::Vertex>* parent)
      : totals_(totals), parent_(parent) {}
  void finish_vertex(Territory::Vertex v, const Territory::Graph& /*graph*/) const {
    if (v != 0) (*totals_)[(*parent_)[v]] += (*totals_)[v];
  }

 private:
  std::vector<std::int64_t>* totals_;
  const std::vector<Territory::Vertex>* parent_;
};

}  // namespace

Territory::Territory(const spec::TerritorySpec& spec) {
  using spec::TerritorialLevel;
  const Vertex root = boost::add_vertex(TerritoryNode{TerritorialLevel::national, 0, 0}, graph_);
  branch_vertex_.resize(spec.regions.size());
  ppo_vertex_.resize(spec.regions.size());
  for (std::size_t r = 0; r < spec.regions.size(); ++r) {
    const auto region_index = static_cast<std::uint32_t>(r);
    const Vertex region_v =
        boost::add_vertex(TerritoryNode{TerritorialLevel::region, region_index, 0}, graph_);
    boost::add_edge(root, region_v, graph_);
    region_vertex_.push_back(region_v);
    const auto branches = static_cast<std::size_t>(std::max(1, spec.regions[r].branches));
    for (std::size_t b = 0; b < branches; ++b) {
      const Vertex branch_v = boost::add_vertex(
          TerritoryNode{TerritorialLevel::district, region_index, static_cast<std::uint32_t>(b)}, graph_);
      boost::add_edge(region_v, branch_v, graph_);
      branch_vertex_[r].push_back(branch_v);
    }
    const auto ppos = static_cast<std::size_t>(std::max(1, spec.regions[r].ppos));
    for (std::size_t p = 0; p < ppos; ++p) {
      const auto b = static_cast<std::uint32_t>(p % branches);
      const Vertex ppo_v = boost::add_vertex(TerritoryNode{TerritorialLevel::ppo, region_index, b}, graph_);
      boost::add_edge(branch_vertex_[r][b], ppo_v, graph_);
      ppo_vertex_[r].push_back(ppo_v);
    }
  }
  parent_.assign(boost::num_vertices(graph_), root);
  boost::breadth_first_search(graph_, root,
                              boost::visitor(boost::make_bfs_visitor(
                                  boost::record_predecessors(parent_.data(), boost::on_tree_edge{}))));
}

Territory::Vertex Territory::route_up(Vertex from, spec::TerritorialLevel level) const {
  Vertex v = from;
  while (graph_[v].level > level && v != centre()) v = parent_[v];
  return v;
}

std::vector<std::int64_t> Territory::aggregate_up(const std::vector<std::int64_t>& values) const {
  std::vector<std::int64_t> totals = values;
  totals.resize(boost::num_vertices(graph_), 0);
  std::vector<boost::default_color_type> colour(boost::num_vertices(graph_));
  boost::depth_first_visit(graph_, centre(), SubtreeSum(&totals, &parent_), colour.data());
  return totals;
}

}  // namespace primsim::models

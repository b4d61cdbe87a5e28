// `primsim merge OUT.h5 SHARD.h5...`: joins the shards of one ensemble (primsim run --shard i/n)
// into the file a single run would have written, by copy or, with --virtual, by reference.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "command.hpp"
#include "output_guard.hpp"
#include "primsim/output/shard_merge.hpp"

namespace primsim::cli {

Command add_merge_command(CLI::App& parent) {
  struct Options {
    std::string output;
    std::vector<std::string> shards;
    bool is_virtual = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("merge", "join the shard files of one run into one results file");
  app->add_option("OUT.h5", options->output, "results file to write")->required();
  app->add_option("SHARD.h5", options->shards, "every shard file of the run, in any order")->required();
  app->add_flag("--virtual", options->is_virtual,
                "refer to the shards' rows through HDF5 virtual datasets instead of copying them (the "
                "shard files must then stay where they are)");
  return {app, [options] {
            std::vector<std::filesystem::path> shards(options->shards.begin(), options->shards.end());
            refuse_unsafe_output("OUT.h5", options->output, shards);
            output::merge_shards(
                options->output, shards,
                options->is_virtual ? output::MergeKind::virtual_datasets : output::MergeKind::copy);
            return 0;
          }};
}

}  // namespace primsim::cli

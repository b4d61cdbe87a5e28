// Putting a finished file in place so that a power cut leaves the old file or the new one, never
// neither: the data is synced, then renamed over the target, then the folder is synced so that
// the new name itself is on disk (write, fsync, rename, fsync the folder).
#pragma once

#include <filesystem>

namespace primsim::output {

// Syncs `temporary`, renames it to `path` and syncs the folder of `path`. Throws
// std::system_error naming the file and the step that failed; `temporary` is then left for the
// caller to remove, and `path` is either untouched or already the complete new file.
void publish_durably(const std::filesystem::path& temporary, const std::filesystem::path& path);

}  // namespace primsim::output

// The classroom page's files, compiled into the binary (page_assets.cpp is generated from
// serve/page/ by cmake/embed_page.cmake) so that `primsim serve` needs nothing installed beside it.
#pragma once

#include <span>
#include <string_view>

namespace primsim::serve {

struct PageAsset {
  std::string_view name;  // index.html, classroom.js, ...
  std::string_view content_type;
  std::string_view content;
};

std::span<const PageAsset> page_assets();

}  // namespace primsim::serve

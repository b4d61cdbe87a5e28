// `primsim serve`'s HTTP side: the page and its JSON API on 127.0.0.1 only, with cpp-httplib.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "primsim/serve/classroom_api.hpp"

namespace primsim::serve {

class ClassroomServer {
 public:
  explicit ClassroomServer(ClassroomApi& api);
  ClassroomServer(const ClassroomServer&) = delete;
  ClassroomServer& operator=(const ClassroomServer&) = delete;
  ~ClassroomServer();

  // Binds 127.0.0.1:`port` (0: any free port) and returns the port, or throws std::runtime_error
  // when it cannot be bound. Never another address: the page is for this machine's browser.
  int bind(int port);
  // Serves until stop() (after bind()).
  void serve();
  // From any thread.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace primsim::serve

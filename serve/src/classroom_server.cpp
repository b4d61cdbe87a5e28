// Routes of the classroom page: the embedded page files, then the API as JSON. Every handler
// only translates between HTTP and ClassroomApi.
#include "primsim/serve/classroom_server.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <httplib.h>

#include "page_assets.hpp"

namespace primsim::serve {

namespace {

void send(httplib::Response& response, const Reply& reply) {
  response.status = reply.status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(reply.body.dump(), "application/json");
}

std::uint64_t id_of(const httplib::Request& request) { return std::stoull(request.matches[1].str()); }

}  // namespace

struct ClassroomServer::Impl {
  httplib::Server http;
};

ClassroomServer::ClassroomServer(ClassroomApi& api) : impl_(std::make_unique<Impl>()) {
  httplib::Server& http = impl_->http;
  // cpp-httplib's default sets SO_REUSEPORT, with which a second server binds a port already in
  // use and the two share its connections; SO_REUSEADDR alone only allows a restart at once.
  http.set_socket_options([](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  for (const PageAsset& asset : page_assets()) {
    const std::string path = asset.name == "index.html" ? "/" : "/" + std::string(asset.name);
    http.Get(path, [asset](const httplib::Request&, httplib::Response& response) {
      // The page may reach nothing but this server (no fonts, scripts or images from elsewhere).
      response.set_header("Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                          "connect-src 'self'");
      response.set_content(std::string(asset.content), std::string(asset.content_type));
    });
  }
  http.Get("/api/scenario",
           [&api](const httplib::Request&, httplib::Response& response) { send(response, api.scenario()); });
  http.Post("/api/runs", [&api](const httplib::Request& request, httplib::Response& response) {
    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded()) {
      send(response, {400, {{"message", "the request is not JSON"}, {"errors", nlohmann::json::array()}}});
      return;
    }
    send(response, api.submit(body));
  });
  http.Get(R"(/api/runs/(\d{1,18}))", [&api](const httplib::Request& request, httplib::Response& response) {
    send(response, api.job(id_of(request)));
  });
  http.Post(R"(/api/runs/(\d{1,18})/cancel)",
            [&api](const httplib::Request& request, httplib::Response& response) {
              send(response, api.cancel(id_of(request)));
            });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string message = "internal error";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& caught) {
          message = caught.what();
        } catch (...) {
        }
        send(response, {500, {{"message", "primsim: error: " + message}}});
      });
}

ClassroomServer::~ClassroomServer() = default;

int ClassroomServer::bind(int port) {
  const char* host = "127.0.0.1";
  const int bound =
      port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    throw std::runtime_error(fmt::format("cannot listen on {}:{} (is the port in use?)", host, port));
  }
  return bound;
}

void ClassroomServer::serve() { impl_->http.listen_after_bind(); }

void ClassroomServer::stop() { impl_->http.stop(); }

}  // namespace primsim::serve

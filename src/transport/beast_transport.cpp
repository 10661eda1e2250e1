// Temporary first version: plain HTTP, one connection per request, no timeouts. Replaced shortly.
#include <modelarts/http.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace modelarts {
namespace {
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

class BeastTransport final : public HttpTransport {
 public:
  explicit BeastTransport(TransportOptions options) : options_(std::move(options)) {}
  TransportResult send(const HttpRequest& request) override {
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    beast::error_code ec;
    auto endpoints = resolver.resolve(request.host, std::to_string(request.port), ec);
    if (ec) return TransportFailure{TransportErrorKind::resolve, false, "resolve " + request.host + ": " + ec.message()};
    stream.connect(endpoints, ec);
    if (ec) return TransportFailure{TransportErrorKind::connect, false, "connect to " + request.host + ": " + ec.message()};
    http::request<http::string_body> req;
    req.method_string(request.method);
    req.target(request.target);
    req.version(11);
    for (const auto& [k, v] : request.headers) req.set(k, v);
    req.body() = request.body;
    req.prepare_payload();
    http::write(stream, req, ec);
    if (ec) return TransportFailure{TransportErrorKind::io, true, "write: " + ec.message()};
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options_.header_limit));
    parser.body_limit(options_.body_limit);
    http::read(stream, buffer, parser, ec);
    if (ec) return TransportFailure{TransportErrorKind::io, true, "read: " + ec.message()};
    HttpResponse response;
    auto& msg = parser.get();
    response.status = static_cast<int>(msg.result_int());
    for (const auto& field : msg) response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    response.body = std::move(msg.body());
    return response;
  }

 private:
  TransportOptions options_;
};
}  // namespace

std::shared_ptr<HttpTransport> make_default_transport(const TransportOptions& options) {
  return std::make_shared<BeastTransport>(options);
}

}  // namespace modelarts

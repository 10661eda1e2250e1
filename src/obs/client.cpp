// SPDX-License-Identifier: Apache-2.0
// ObsClient: addressing, the per-attempt OBS signature on the session's pipeline, XML error decoding, and the
// single-object calls (put, get, head, delete, list).
#include <modelarts/obs.hpp>

#include <algorithm>
#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <modelarts/error.hpp>

#include "detail/error_decoding.hpp"
#include "detail/pipeline.hpp"
#include "detail/redaction.hpp"
#include "detail/text.hpp"
#include "detail/utf8.hpp"
#include "obs/authenticator.hpp"
#include "obs/client_impl.hpp"

namespace modelarts::obs {
namespace {

namespace pt = boost::property_tree;

[[noreturn]] void throw_invalid(std::string message) { detail::throw_error(detail::invalid_argument_error(std::move(message))); }

bool valid_bucket(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) return false;
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  for (const char c : name) {
    if (!alnum(c) && c != '-' && c != '.') return false;
  }
  // Not formatted as an IP address (OBS API Reference, bucket naming rules).
  const bool ip_like = name.find_first_not_of("0123456789.") == std::string::npos &&
                       std::count(name.begin(), name.end(), '.') == 3;
  return !ip_like && name.find("..") == std::string::npos && name.find(".-") == std::string::npos &&
         name.find("-.") == std::string::npos;
}

bool is_ip_or_localhost(const std::string& host) {
  if (host == "localhost" || host.find(':') != std::string::npos) return true;  // IPv6 literal
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string::npos;
}

/// Strips the namespace prefix of element names ("ns:Key" -> "Key"); property_tree keeps them.
std::string local_name(const std::string& name) {
  const std::size_t colon = name.find(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

const pt::ptree* find_element(const pt::ptree& tree, std::string_view name) {
  for (const auto& [child_name, child] : tree) {
    if (local_name(child_name) == name) return &child;
    if (child_name != "<xmlattr>") {
      if (const pt::ptree* found = find_element(child, name)) return found;
    }
  }
  return nullptr;
}

std::optional<pt::ptree> parse_xml(std::string_view document) {
  try {
    std::istringstream in{std::string(document)};
    pt::ptree tree;
    pt::read_xml(in, tree, pt::xml_parser::no_comments);
    return tree;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string child_text(const pt::ptree& node, std::string_view name) {
  for (const auto& [child_name, child] : node) {
    if (local_name(child_name) == name) return child.data();
  }
  return {};
}

std::uint64_t to_size(const std::string& text) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos) return 0;
  return std::stoull(text);
}

}  // namespace

std::optional<std::string> xml_text(std::string_view document, std::string_view name) {
  const auto tree = parse_xml(document);
  if (!tree) return std::nullopt;
  const pt::ptree* node = find_element(*tree, name);
  if (node == nullptr) return std::nullopt;
  return node->data();
}

std::string content_type_for(std::string_view file_name) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".py", "text/x-python"},       {".txt", "text/plain"},      {".log", "text/plain"},
      {".json", "application/json"},  {".yaml", "application/x-yaml"}, {".yml", "application/x-yaml"},
      {".sh", "text/x-sh"},           {".csv", "text/csv"},        {".md", "text/markdown"},
      {".html", "text/html"},         {".xml", "application/xml"}, {".tar", "application/x-tar"},
      {".gz", "application/gzip"},    {".zip", "application/zip"}, {".png", "image/png"},
      {".jpg", "image/jpeg"},         {".jpeg", "image/jpeg"}};
  const std::size_t dot = file_name.rfind('.');
  const std::size_t slash = file_name.rfind('/');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string extension(file_name.substr(dot));
    for (char& c : extension) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (const auto& [ext, type] : kTypes) {
      if (ext == extension) return std::string(type);
    }
  }
  return "application/octet-stream";
}

ObsPath ObsPath::parse(std::string_view url) {
  std::string_view rest;
  if (url.rfind("obs://", 0) == 0) rest = url.substr(6);
  else if (url.rfind("/", 0) == 0) rest = url.substr(1);  // "/bucket/key" (docs/service-quirks.md, Q15)
  else throw_invalid("OBS path '" + std::string(url.substr(0, 200)) + "' must start with obs://");
  ObsPath path;
  const std::size_t slash = rest.find('/');
  path.bucket = std::string(rest.substr(0, slash));
  if (slash != std::string_view::npos) path.key = std::string(rest.substr(slash + 1));
  if (!valid_bucket(path.bucket)) {
    throw_invalid("OBS path '" + std::string(url.substr(0, 200)) +
                  "': the bucket name must be 3-63 characters of a-z, 0-9, '-' and '.'");
  }
  check_object_key(path.key, url);
  return path;
}

void check_object_key(std::string_view key, std::string_view where) {
  const auto refuse = [&](const char* why) {
    throw_invalid("OBS object key of '" + detail::escape_control(where, 200) + "' " + why);
  };
  if (key.size() > 1024) refuse("is longer than 1,024 bytes");
  if (!detail::valid_utf8(key)) refuse("is not valid UTF-8 (OBS keys are UTF-8)");
  for (const char c : key) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) refuse("holds a control character");
  }
  for (std::size_t start = 0; start <= key.size();) {
    const std::size_t end = std::min(key.find('/', start), key.size());
    const std::string_view segment = key.substr(start, end - start);
    if (segment == "." || segment == "..") refuse("has a '.' or '..' segment");
    start = end + 1;
  }
}

ObsClient::Impl::Impl(Session s) : session(std::move(s)) {
  auto& state = detail::SessionAccess::state(session);
  if (state.options.access_key().empty()) {
    detail::throw_error(detail::configuration_error(
        "OBS calls need AK/SK (permanent or temporary with a security token); this session uses a password"));
  }
  std::string url = state.options.obs_endpoint();
  if (url.empty()) {
    if (session.region_name().empty()) {
      detail::throw_error(detail::configuration_error("OBS needs obs_endpoint (MODELARTS_OBS_ENDPOINT) or a region"));
    }
    url = "https://obs." + session.region_name() + ".myhuaweicloud.com";
  }
  auto parsed = detail::parse_endpoint(url, "obs_endpoint (MODELARTS_OBS_ENDPOINT)");
  if (!parsed) detail::throw_error(parsed.error());
  endpoint = std::move(parsed.value());
  path_style = is_ip_or_localhost(endpoint.host) || state.options.obs_path_style();
}

detail::Result<HttpResponse> ObsClient::Impl::send(ObsCall call) const {
  detail::SessionState& state = detail::SessionAccess::state(session);
  const Addressing addressing = path_style ? Addressing::path_style : Addressing::virtual_hosted;
  detail::Endpoint target_endpoint = endpoint;
  if (!path_style && !call.bucket.empty()) {
    target_endpoint.host = call.bucket + "." + endpoint.host;
    target_endpoint.authority = call.bucket + "." + endpoint.authority;
  }
  ObsRequest signable;
  signable.method = call.method;
  signable.bucket = call.bucket;
  signable.key = call.key;
  signable.query = call.query;
  signable.headers = call.headers;
  signable.addressing = addressing;
  ObsAuthenticator authenticator(state, std::move(signable), target_endpoint);

  detail::PreparedRequest prepared;
  prepared.method = call.method;
  prepared.path = request_path(call.bucket, call.key, addressing);
  prepared.query = call.query;
  prepared.body = std::move(call.body);
  prepared.idempotent = call.idempotent;
  prepared.endpoint = &target_endpoint;
  prepared.json_body = false;
  auto exchange = detail::send_with_retry(state, std::move(prepared), {}, &authenticator);
  if (!exchange) return exchange.error();
  HttpResponse& response = exchange.value().response;
  if (response.status >= 200 && response.status < 300) return std::move(response);

  // <Error><Code/><Message/><RequestId/></Error>; HEAD errors have no body.
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::api;
  error.attempts = exchange.value().attempts;
  ApiErrorDetails& details = error.api;
  details.http_status = response.status;
  details.method = call.method;
  details.path = url_of(call.bucket, call.key);
  details.raw_body = response.body.substr(0, 64 * 1024);
  if (const auto tree = response.body.empty() ? std::nullopt : parse_xml(response.body)) {
    if (const pt::ptree* node = find_element(*tree, "Error")) {
      details.error_code = child_text(*node, "Code");
      details.error_msg = child_text(*node, "Message");
      details.request_id = child_text(*node, "RequestId");
    }
  }
  if (details.error_code.empty()) {
    details.error_code = response.status == 404 && call.method == "HEAD" ? "NoSuchKey" : std::to_string(response.status);
  }
  if (details.error_msg.empty()) details.error_msg = detail::body_excerpt(response.body);
  if (details.request_id.empty()) details.request_id = std::string(response.header("x-obs-request-id"));
  error.message = ApiError(details).what();
  return error;
}

namespace {

/// Sends `call`; its reply must be the XML document whose root is `root`: that element, or an invalid_reply error
/// naming `what` (the call as "GET obs://bucket/...").
detail::Result<pt::ptree> xml_reply(const ObsClient::Impl& impl, ObsCall call, const char* root,
                                    const std::string& what) {
  auto response = impl.send(std::move(call));
  if (!response) return response.error();
  const auto tree = parse_xml(response.value().body);
  const pt::ptree* result = tree ? find_element(*tree, root) : nullptr;
  if (result == nullptr) {
    detail::ErrorInfo error;
    error.category = detail::ErrorCategory::transport;
    error.transport_kind = TransportErrorKind::invalid_reply;
    error.message = what + ": the reply is not a " + root;
    return error;
  }
  return *result;
}

}  // namespace

detail::Result<std::vector<std::pair<std::string, std::string>>> ObsClient::Impl::list_uploads(
    const std::string& bucket, const std::string& key) const {
  ObsCall call;
  call.method = "GET";
  call.bucket = bucket;
  call.query = {{"uploads", ""}, {"prefix", key}};
  const auto result =
      xml_reply(*this, std::move(call), "ListMultipartUploadsResult", "GET " + url_of(bucket, "") + "?uploads");
  if (!result) return result.error();
  std::vector<std::pair<std::string, std::string>> uploads;
  for (const auto& [name, node] : result.value()) {
    if (local_name(name) == "Upload" && child_text(node, "Key") == key) {
      uploads.emplace_back(child_text(node, "UploadId"), child_text(node, "Initiated"));
    }
  }
  return uploads;
}

detail::Result<ListPage> ObsClient::Impl::list_page(const std::string& bucket, const std::string& prefix,
                                                    const std::string& marker, const std::string& delimiter,
                                                    int max_keys) const {
  ObsCall call;
  call.method = "GET";
  call.bucket = bucket;
  if (!prefix.empty()) call.query.emplace_back("prefix", prefix);
  if (!marker.empty()) call.query.emplace_back("marker", marker);
  if (!delimiter.empty()) call.query.emplace_back("delimiter", delimiter);
  call.query.emplace_back("max-keys", std::to_string(max_keys));
  const auto result = xml_reply(*this, std::move(call), "ListBucketResult", "GET " + url_of(bucket, prefix));
  if (!result) return result.error();
  ListPage page;
  std::string last_key;
  std::string last_prefix;
  for (const auto& [name, node] : result.value()) {
    const std::string element = local_name(name);
    if (element == "Contents") {
      ObjectSummary item;
      item.key = child_text(node, "Key");
      item.size = to_size(child_text(node, "Size"));
      item.etag = child_text(node, "ETag");
      item.last_modified = child_text(node, "LastModified");
      last_key = item.key;
      page.items.push_back(std::move(item));
    } else if (element == "CommonPrefixes") {
      ObjectSummary item;
      item.key = child_text(node, "Prefix");
      item.is_prefix = true;
      last_prefix = item.key;
      page.items.push_back(std::move(item));
    }
  }
  page.truncated = child_text(result.value(), "IsTruncated") == "true";
  page.next_marker = child_text(result.value(), "NextMarker");
  if (page.next_marker.empty()) page.next_marker = std::max(last_key, last_prefix);
  if (page.truncated && (page.next_marker.empty() || page.next_marker <= marker)) {
    // A truncated page that does not move the marker would loop forever.
    detail::ErrorInfo error;
    error.category = detail::ErrorCategory::transport;
    error.transport_kind = TransportErrorKind::invalid_reply;
    error.message = "GET " + url_of(bucket, prefix) + ": a truncated ListObjects page did not advance the marker";
    return error;
  }
  // Objects and prefixes each come sorted; together they must be too (callers rely on key order).
  std::sort(page.items.begin(), page.items.end(),
            [](const ObjectSummary& a, const ObjectSummary& b) { return a.key < b.key; });
  return page;
}

// --- the public object calls ------------------------------------------------------------------------------

namespace {

/// A call on the object `obs_url` names; InvalidArgumentError naming `what` when it names a bucket only.
ObsCall object_call(const char* method, std::string_view obs_url, const char* what) {
  ObsPath path = ObsPath::parse(obs_url);
  if (path.key.empty()) throw_invalid(std::string(what) + " needs an object key: " + path.url());
  ObsCall call;
  call.method = method;
  call.bucket = std::move(path.bucket);
  call.key = std::move(path.key);
  return call;
}

}  // namespace

ObsClient::ObsClient(Session session) : impl_(std::make_shared<Impl>(std::move(session))) {}

std::string ObsClient::Impl::put(const std::string& bucket, const std::string& key, std::string data,
                                 const std::string& content_type) const {
  ObsCall call;
  call.method = "PUT";
  call.bucket = bucket;
  call.key = key;
  call.headers.emplace_back("Content-Type", content_type);
  call.headers.emplace_back("Content-MD5", md5_base64(data));
  call.body = std::move(data);
  return std::string(send(std::move(call)).value_or_throw().header("ETag"));
}

std::string ObsClient::put_object(std::string_view obs_url, std::string data, std::string content_type) const {
  const ObsCall object = object_call("PUT", obs_url, "put_object");
  return impl_->put(object.bucket, object.key, std::move(data),
                    content_type.empty() ? content_type_for(object.key) : content_type);
}

std::string ObsClient::get_object(std::string_view obs_url, std::optional<ByteRange> range) const {
  ObsCall call = object_call("GET", obs_url, "get_object");
  if (range) {
    if (range->last && *range->last < range->first) throw_invalid("byte range ends before it starts");
    call.headers.emplace_back("Range", "bytes=" + std::to_string(range->first) + "-" +
                                           (range->last ? std::to_string(*range->last) : std::string()));
  }
  return impl_->send(call).value_or_throw().body;
}

ObjectMetadata ObsClient::head_object(std::string_view obs_url) const {
  ObsCall call = object_call("HEAD", obs_url, "head_object");
  const HttpResponse response = impl_->send(call).value_or_throw();
  ObjectMetadata metadata;
  metadata.size = to_size(std::string(response.header("Content-Length")));
  metadata.etag = std::string(response.header("ETag"));
  metadata.content_type = std::string(response.header("Content-Type"));
  metadata.last_modified = std::string(response.header("Last-Modified"));
  for (const auto& [name, value] : response.headers) {
    const std::string lower = detail::ascii_lowercase(name);
    if (lower.rfind("x-obs-meta-", 0) == 0) metadata.metadata.emplace_back(lower, value);
  }
  return metadata;
}

bool ObsClient::exists(std::string_view obs_url) const {
  const ObsPath path = ObsPath::parse(obs_url);
  if (path.key.empty() || path.key.back() == '/') {
    auto page = impl_->list_page(path.bucket, path.key, {}, {}, 1);
    if (!page) {
      if (page.error().category == detail::ErrorCategory::api && page.error().api.http_status == 404) return false;
      detail::throw_error(page.error());
    }
    return !page.value().items.empty() || path.key.empty();
  }
  try {
    head_object(obs_url);
    return true;
  } catch (const ApiError& e) {
    if (e.http_status() == 404) return false;
    throw;
  }
}

void ObsClient::delete_object(std::string_view obs_url) const {
  ObsCall call = object_call("DELETE", obs_url, "delete_object");
  impl_->send(call).value_or_throw();
}

// --- lazy listing -----------------------------------------------------------------------------------------

struct ObjectListing::State {
  std::shared_ptr<ObsClient::Impl> client;
  std::string bucket;
  std::string prefix;
  std::string delimiter;
  int page_size = 1000;
  std::string marker;
  std::vector<ObjectSummary> page;
  std::size_t index = 0;
  bool started = false;  ///< whether `index` points at a current item
  bool more = true;      ///< another page may follow
};

ObjectListing ObsClient::list(std::string_view obs_url_prefix, std::string delimiter, int page_size) const {
  const ObsPath path = ObsPath::parse(obs_url_prefix);
  if (page_size < 1 || page_size > 1000) throw_invalid("list page size must be 1..1000");
  auto state = std::make_shared<ObjectListing::State>();
  state->client = impl_;
  state->bucket = path.bucket;
  state->prefix = path.key;
  state->delimiter = std::move(delimiter);
  state->page_size = page_size;
  return ObjectListing(std::move(state));
}

bool ObjectListing::advance() {
  State& s = *state_;
  if (s.started) ++s.index;
  s.started = true;
  while (s.index >= s.page.size()) {
    if (!s.more) return false;
    ListPage page =
        s.client->list_page(s.bucket, s.prefix, s.marker, s.delimiter, s.page_size).value_or_throw();
    s.page = std::move(page.items);
    s.index = 0;
    s.more = page.truncated;
    s.marker = page.next_marker;
  }
  return true;
}

ObjectListing::iterator ObjectListing::begin() {
  if (!state_->started) return advance() ? iterator(this) : iterator();
  return state_->index < state_->page.size() ? iterator(this) : iterator();
}

const ObjectSummary& ObjectListing::iterator::operator*() const {
  return listing_->state_->page[listing_->state_->index];
}

ObjectListing::iterator& ObjectListing::iterator::operator++() {
  if (!listing_->advance()) listing_ = nullptr;
  return *this;
}

std::vector<ObjectSummary> ObjectListing::all() {
  std::vector<ObjectSummary> items;
  for (const auto& item : *this) items.push_back(item);
  return items;
}

}  // namespace modelarts::obs

// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/obs/service.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <random>

#include <boost/beast/http/field.hpp>
#include <openssl/evp.h>

#include <modelarts/obs_signer.hpp>

#include "detail/utf8.hpp"
#include "testing/emulator/obs/auth.hpp"
#include "testing/emulator/obs/store.hpp"
#include "testing/emulator/obs/xml.hpp"

namespace modelarts::testing::detail::obs {
namespace {

/// The bytes a hex string spells (an MD5 hex back to its digest).
std::string bytes_of_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return bytes;
}

/// Base64 of the bytes a hex string spells (an MD5 hex as Content-MD5 writes it).
std::string base64_of_hex(const std::string& hex) {
  const std::string bytes = bytes_of_hex(hex);
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

namespace http = boost::beast::http;
namespace sign = modelarts::obs;

constexpr const char* kXmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
constexpr const char* kNamespace = "http://obs.otc.t-systems.com/doc/2016-01-01/";
constexpr std::size_t kMaxKeyLength = 1024;
// Every part but the last, checked at Complete (docs/service-quirks.md, O12).
constexpr std::size_t kMinPartSize = 100 * 1024;
constexpr int kMaxPartNumber = 10000;
constexpr int kMaxKeys = 1000;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string iso_time(std::int64_t ms) {
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[80];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms % 1000));
  return text;
}

std::string http_time(std::int64_t ms) {
  return sign::format_http_date(std::chrono::system_clock::time_point(std::chrono::milliseconds(ms)));
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string unquote(std::string_view etag) {
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') etag = etag.substr(1, etag.size() - 2);
  return std::string(etag);
}

const std::string* query_value(const QueryParams& query, std::string_view name) {
  for (const auto& [key, value] : query) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool has_query(const QueryParams& query, std::string_view name) { return query_value(query, name) != nullptr; }

std::string header(const HttpRequestMessage& request, std::string_view name) {
  const auto it = request.find(name);
  return it == request.end() ? std::string() : std::string(it->value());
}

/// Bucket names (OBS API Reference, "Constructing a Request"): 3-63 of a-z 0-9 - . ; start and end with a letter or
/// digit; no "..", ".-", "-."; not an IP address.
bool valid_bucket_name(const std::string& name) {
  if (name.size() < 3 || name.size() > 63) return false;
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(name.front()) || !alnum(name.back())) return false;
  bool all_digits_and_dots = true;
  for (const char c : name) {
    if (!alnum(c) && c != '-' && c != '.') return false;
    if (!(c >= '0' && c <= '9') && c != '.') all_digits_and_dots = false;
  }
  if (name.find("..") != std::string::npos || name.find(".-") != std::string::npos ||
      name.find("-.") != std::string::npos) {
    return false;
  }
  return !(all_digits_and_dots && std::count(name.begin(), name.end(), '.') == 3);
}

std::string new_upload_id() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string id(32, '0');
  for (std::size_t i = 0; i < id.size(); i += 16) {
    std::uint64_t bits = engine();
    for (std::size_t j = i; j < i + 16; ++j, bits >>= 4) id[j] = kHex[bits & 0xFU];
  }
  return id;
}

MetaHeaders meta_of(const HttpRequestMessage& request) {
  MetaHeaders meta;
  for (const auto& field : request) {
    const std::string name = lower(field.name_string());
    if (name.rfind("x-obs-meta-", 0) == 0 || name.rfind("x-amz-meta-", 0) == 0) {
      meta.emplace_back(name, std::string(field.value()));
    }
  }
  return meta;
}

/// A reply with OBS's common headers (OBS API Reference, "Constructing a Request").
HttpResponseMessage base_reply(int status, const std::string& request_id) {
  HttpResponseMessage response{static_cast<http::status>(status), 11};
  response.set("x-obs-request-id", request_id);
  response.set("x-obs-id-2", request_id + "-id2");
  response.set("X-Request-Id", request_id);
  response.set(http::field::server, "OBS");
  response.set(http::field::date, sign::format_http_date(std::chrono::system_clock::now()));
  return response;
}

HttpResponseMessage xml_reply(int status, std::string body, const std::string& request_id) {
  HttpResponseMessage response = base_reply(status, request_id);
  response.set(http::field::content_type, "application/xml");
  response.body() = std::move(body);
  return response;
}

struct Range {
  std::size_t first = 0;
  std::size_t last = 0;  // inclusive
};

enum class RangeResult { whole, partial, unsatisfiable };

/// "bytes=a-b", "bytes=a-", "bytes=-n" (one range); anything malformed or several ranges: the whole object.
RangeResult parse_range(const std::string& text, std::size_t size, Range& out) {
  if (text.rfind("bytes=", 0) != 0) return RangeResult::whole;
  const std::string spec = text.substr(6);
  if (spec.find(',') != std::string::npos) return RangeResult::whole;
  const std::size_t dash = spec.find('-');
  if (dash == std::string::npos) return RangeResult::whole;
  const std::string a = spec.substr(0, dash);
  const std::string b = spec.substr(dash + 1);
  const auto digits = [](const std::string& s) {
    return !s.empty() && s.size() <= 18 && s.find_first_not_of("0123456789") == std::string::npos;
  };
  if (a.empty()) {
    if (!digits(b)) return RangeResult::whole;
    const std::size_t n = std::stoull(b);
    if (n == 0 || size == 0) return RangeResult::unsatisfiable;
    out.first = n >= size ? 0 : size - n;
    out.last = size - 1;
    return RangeResult::partial;
  }
  if (!digits(a) || (!b.empty() && !digits(b))) return RangeResult::whole;
  out.first = std::stoull(a);
  out.last = b.empty() ? size - 1 : std::min<std::size_t>(std::stoull(b), size - 1);
  if (!b.empty() && std::stoull(b) < out.first) return RangeResult::whole;
  if (out.first >= size) return RangeResult::unsatisfiable;
  return RangeResult::partial;
}

}  // namespace

struct ObsService::Impl {
  ObsServiceConfig config;
  CredentialStore& credentials;
  ObsAuth auth;
  std::string base_url;  // guarded by mutex
  FaultInjector& faults;
  mutable std::mutex mutex;
  Store store;

  Impl(ObsServiceConfig c, CredentialStore& credentials_, FaultInjector& f)
      : config(std::move(c)),
        credentials(credentials_),
        auth(credentials_),
        faults(f),
        store(config.state_file, config.default_bucket, now_ms()) {}

  struct Call {
    HttpRequestMessage& request;
    const RequestTarget& target;
    const std::string& request_id;
    std::string bucket;
    std::string key;
    bool head = false;
  };

  HttpResponseMessage error(const Call& call, const ObsError& e) const {
    if (call.head) return base_reply(e.status, call.request_id);  // HEAD errors carry no body
    return xml_reply(e.status, error_document(e.code, e.message, call.request_id, e.extra), call.request_id);
  }
  HttpResponseMessage error(const Call& call, int status, const char* code, std::string message) const {
    return error(call, ObsError{status, code, std::move(message), {}});
  }
  HttpResponseMessage no_bucket(const Call& call) const {
    return error(call, ObsError{404, "NoSuchBucket", "The specified bucket does not exist.",
                                "<BucketName>" + xml_escape(call.bucket) + "</BucketName>"});
  }

  HttpResponseMessage dispatch(Call& call) {
    const auto method = call.request.method();
    const QueryParams& query = call.target.query;
    if (call.bucket.empty()) return error(call, 405, "MethodNotAllowed", "Listing buckets is not supported here.");
    // Object keys (and so prefixes, markers, delimiters) are UTF-8, percent-encoded in the path (OBS API
    // Reference): other bytes are refused, before they reach the store or an XML reply, with the documented code
    // for a bad parameter, InvalidArgument (the documents name none of their own for it; S3 answers InvalidURI).
    bool valid = modelarts::detail::valid_utf8(call.bucket) && modelarts::detail::valid_utf8(call.key);
    for (const auto& [name, value] : query) {
      valid = valid && modelarts::detail::valid_utf8(name) && modelarts::detail::valid_utf8(value);
    }
    if (!valid) return error(call, 400, "InvalidArgument", "The object key or a query parameter is not valid UTF-8.");
    if (call.key.empty()) {
      if (method == http::verb::put) return create_bucket(call);
      if (method == http::verb::head) {
        return store.buckets().count(call.bucket) ? base_reply(200, call.request_id) : no_bucket(call);
      }
      if (method == http::verb::get && has_query(query, "uploads")) return list_uploads(call);
      if (method == http::verb::get) return list_objects(call);
      return error(call, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
    if (call.key.size() > kMaxKeyLength) return error(call, 400, "KeyTooLongError", "Your key is too long.");
    if (store.buckets().count(call.bucket) == 0) return no_bucket(call);
    switch (method) {
      case http::verb::put:
        return has_query(query, "uploadId") || has_query(query, "partNumber") ? upload_part(call) : put_object(call);
      case http::verb::get:
      case http::verb::head:
        return get_object(call);
      case http::verb::delete_:
        return has_query(query, "uploadId") ? abort_upload(call) : delete_object(call);
      case http::verb::post:
        if (has_query(query, "uploads")) return initiate_upload(call);
        if (has_query(query, "uploadId")) return complete_upload(call);
        return error(call, 400, "InvalidRequest", "POST on an object needs ?uploads or ?uploadId.");
      default:
        return error(call, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
  }

  HttpResponseMessage create_bucket(const Call& call) {
    if (!valid_bucket_name(call.bucket)) {
      return error(call, 400, "InvalidBucketName", "The specified bucket is not valid.");
    }
    if (store.buckets().count(call.bucket)) {
      return error(call, 409, "BucketAlreadyExists",
                   "The requested bucket name is not available. The bucket namespace is shared by all users.");
    }
    store.create_bucket(call.bucket, now_ms());
    HttpResponseMessage response = base_reply(200, call.request_id);
    response.set(http::field::location, "/" + call.bucket);
    return response;
  }

  HttpResponseMessage list_objects(const Call& call) {
    const auto bucket_it = store.buckets().find(call.bucket);
    if (bucket_it == store.buckets().end()) return no_bucket(call);
    const QueryParams& query = call.target.query;
    const auto text = [&](const char* name) {
      const std::string* value = query_value(query, name);
      return value ? *value : std::string();
    };
    const std::string prefix = text("prefix");
    const std::string marker = text("marker");
    const std::string delimiter = text("delimiter");
    int max_keys = kMaxKeys;
    if (const std::string* value = query_value(query, "max-keys")) {
      if (value->empty() || value->size() > 9 || value->find_first_not_of("0123456789") != std::string::npos) {
        return error(call, 400, "InvalidArgument", "max-keys must be an integer between 1 and 1000.");
      }
      // Above 1,000 counts as 1,000 (OBS API Reference, "Listing Objects in a Bucket").
      max_keys = std::min(kMaxKeys, std::stoi(*value));
    }
    const auto& objects = bucket_it->second.objects;
    std::string contents;
    std::string prefixes;
    std::string last_common;
    std::string next_marker;
    int count = 0;
    bool truncated = false;
    auto start = objects.upper_bound(marker);
    if (const auto first_match = objects.lower_bound(prefix); first_match != objects.end() && (start == objects.end() || start->first < first_match->first)) {
      start = first_match;
    }
    for (auto it = start; it != objects.end(); ++it) {
      const std::string& key = it->first;
      if (key.compare(0, prefix.size(), prefix) != 0) {
        if (key > prefix) break;  // sorted: nothing later can match
        continue;
      }
      std::string common;
      if (!delimiter.empty()) {
        const std::size_t at = key.find(delimiter, prefix.size());
        if (at != std::string::npos) common = key.substr(0, at + delimiter.size());
      }
      if (!common.empty() && (common == last_common || common == marker)) continue;  // rolled up already
      if (count == max_keys) {
        truncated = true;
        break;
      }
      ++count;
      if (!common.empty()) {
        last_common = common;
        next_marker = common;
        prefixes += "<CommonPrefixes><Prefix>" + xml_escape(common) + "</Prefix></CommonPrefixes>";
        continue;
      }
      next_marker = key;
      const StoredObject& object = it->second;
      contents += "<Contents><Key>" + xml_escape(key) + "</Key><LastModified>" + iso_time(object.last_modified_ms) +
                  "</LastModified><ETag>" + xml_escape(object.etag) + "</ETag><Size>" +
                  std::to_string(object.data.size()) + "</Size><Owner><ID>" + xml_escape(config.owner_id) +
                  "</ID></Owner><StorageClass>STANDARD</StorageClass></Contents>";
    }
    std::string body = kXmlDeclaration;
    body += "<ListBucketResult xmlns=\"" + std::string(kNamespace) + "\"><Name>" + xml_escape(call.bucket) +
            "</Name><Prefix>" + xml_escape(prefix) + "</Prefix><Marker>" + xml_escape(marker) + "</Marker>";
    if (truncated) body += "<NextMarker>" + xml_escape(next_marker) + "</NextMarker>";  // docs/service-quirks.md, O14
    body += "<MaxKeys>" + std::to_string(max_keys) + "</MaxKeys>";
    if (!delimiter.empty()) body += "<Delimiter>" + xml_escape(delimiter) + "</Delimiter>";
    body += std::string("<IsTruncated>") + (truncated ? "true" : "false") + "</IsTruncated>";
    body += contents + prefixes + "</ListBucketResult>";
    return xml_reply(200, std::move(body), call.request_id);
  }

  HttpResponseMessage list_uploads(const Call& call) {
    if (store.buckets().count(call.bucket) == 0) return no_bucket(call);
    const std::string* prefix = query_value(call.target.query, "prefix");
    std::string body = kXmlDeclaration;
    body += "<ListMultipartUploadsResult xmlns=\"" + std::string(kNamespace) + "\"><Bucket>" +
            xml_escape(call.bucket) + "</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>" +
            "<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>";
    for (const auto& [id, upload] : store.uploads) {
      if (upload.bucket != call.bucket || (prefix && upload.key.compare(0, prefix->size(), *prefix) != 0)) continue;
      body += "<Upload><Key>" + xml_escape(upload.key) + "</Key><UploadId>" + id + "</UploadId><Initiated>" +
              iso_time(upload.initiated_ms) + "</Initiated><StorageClass>STANDARD</StorageClass></Upload>";
    }
    body += "</ListMultipartUploadsResult>";
    return xml_reply(200, std::move(body), call.request_id);
  }

  /// 400 BadDigest when a Content-MD5 was sent and does not match the body's MD5 (`md5_hex`, computed once for the
  /// check and the ETag: hashing twice made a client that sends Content-MD5 pay double); nullopt when fine.
  std::optional<HttpResponseMessage> check_digest(const Call& call, const std::string& md5_hex) const {
    const std::string sent = header(call.request, "Content-MD5");
    if (sent.empty() || sent == base64_of_hex(md5_hex)) return std::nullopt;
    return error(call, 400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
  }

  HttpResponseMessage put_object(const Call& call) {
    const std::string md5 = sign::md5_hex(call.request.body());
    if (auto bad = check_digest(call, md5)) return std::move(*bad);
    StoredObject object;
    object.data = std::move(call.request.body());
    object.etag = "\"" + md5 + "\"";
    object.content_type = header(call.request, "Content-Type");
    if (object.content_type.empty()) object.content_type = "binary/octet-stream";
    object.last_modified_ms = now_ms();
    object.meta = meta_of(call.request);
    const std::string etag = object.etag;
    store.put_object(call.bucket, call.key, std::move(object));
    HttpResponseMessage response = base_reply(200, call.request_id);
    response.set(http::field::etag, etag);
    return response;
  }

  HttpResponseMessage get_object(Call& call) {
    const auto& objects = store.buckets().at(call.bucket).objects;
    const auto it = objects.find(call.key);
    if (it == objects.end()) {
      return error(call, ObsError{404, "NoSuchKey", "The specified key does not exist.",
                                  "<Key>" + xml_escape(call.key) + "</Key>"});
    }
    const StoredObject& object = it->second;
    const std::string if_match = header(call.request, "If-Match");
    if (!if_match.empty() && unquote(if_match) != unquote(object.etag) && if_match != "*") {
      return error(call, 412, "PreconditionFailed", "At least one of the preconditions you specified did not hold.");
    }
    const std::string if_none_match = header(call.request, "If-None-Match");
    if (!if_none_match.empty() && (unquote(if_none_match) == unquote(object.etag) || if_none_match == "*")) {
      HttpResponseMessage response = base_reply(304, call.request_id);
      response.set(http::field::etag, object.etag);
      return response;
    }
    Range range;
    const std::string range_header = call.head ? std::string() : header(call.request, "Range");
    const RangeResult kind =
        range_header.empty() ? RangeResult::whole : parse_range(range_header, object.data.size(), range);
    if (kind == RangeResult::unsatisfiable) {
      HttpResponseMessage response =
          error(call, 416, "InvalidRange", "The requested range cannot be satisfied.");
      response.set(http::field::content_range, "bytes */" + std::to_string(object.data.size()));
      return response;
    }
    HttpResponseMessage response = base_reply(kind == RangeResult::partial ? 206 : 200, call.request_id);
    response.set(http::field::etag, object.etag);
    response.set(http::field::last_modified, http_time(object.last_modified_ms));
    response.set(http::field::content_type, object.content_type);
    response.set(http::field::accept_ranges, "bytes");
    for (const auto& [name, value] : object.meta) response.set(name, value);
    if (!object.upload_id.empty()) response.set("x-obs-uploadId", object.upload_id);
    if (call.head) {
      response.content_length(object.data.size());
    } else if (kind == RangeResult::partial) {
      response.set(http::field::content_range, "bytes " + std::to_string(range.first) + "-" +
                                                   std::to_string(range.last) + "/" +
                                                   std::to_string(object.data.size()));
      response.body() = object.data.substr(range.first, range.last - range.first + 1);
    } else {
      response.body() = object.data;
    }
    return response;
  }

  HttpResponseMessage delete_object(const Call& call) {
    for (const auto& [name, value] : call.target.query) {
      if (name != "versionId") return error(call, 400, "InvalidArgument", "Unsupported query parameter: " + name);
    }
    // 204 also when the key does not exist (docs/service-quirks.md, O13).
    store.delete_object(call.bucket, call.key);
    return base_reply(204, call.request_id);
  }

  HttpResponseMessage initiate_upload(const Call& call) {
    const std::string id = new_upload_id();
    MultipartUpload& upload = store.uploads[id];
    upload.bucket = call.bucket;
    upload.key = call.key;
    upload.content_type = header(call.request, "Content-Type");
    upload.meta = meta_of(call.request);
    upload.initiated_ms = now_ms();
    std::string body = kXmlDeclaration;
    body += "<InitiateMultipartUploadResult xmlns=\"" + std::string(kNamespace) + "\"><Bucket>" +
            xml_escape(call.bucket) + "</Bucket><Key>" + xml_escape(call.key) + "</Key><UploadId>" + id +
            "</UploadId></InitiateMultipartUploadResult>";
    return xml_reply(200, std::move(body), call.request_id);
  }

  /// The upload named by ?uploadId for this bucket and key, or null.
  MultipartUpload* find_upload(const Call& call) {
    const std::string* id = query_value(call.target.query, "uploadId");
    if (id == nullptr) return nullptr;
    const auto it = store.uploads.find(*id);
    if (it == store.uploads.end() || it->second.bucket != call.bucket || it->second.key != call.key) return nullptr;
    return &it->second;
  }

  HttpResponseMessage no_upload(const Call& call) const {
    return error(call, 404, "NoSuchUpload",
                 "The specified upload does not exist. The upload ID may be invalid, or the upload may have been "
                 "aborted or completed.");
  }

  HttpResponseMessage upload_part(const Call& call) {
    const std::string* number_text = query_value(call.target.query, "partNumber");
    if (number_text == nullptr || number_text->empty() || number_text->size() > 5 ||
        number_text->find_first_not_of("0123456789") != std::string::npos || std::stoi(*number_text) < 1 ||
        std::stoi(*number_text) > kMaxPartNumber) {
      return error(call, 400, "InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive.");
    }
    MultipartUpload* upload = find_upload(call);
    if (upload == nullptr) return no_upload(call);
    const std::string md5 = sign::md5_hex(call.request.body());
    if (auto bad = check_digest(call, md5)) return std::move(*bad);
    StoredPart part;
    part.data = std::move(call.request.body());
    part.etag = "\"" + md5 + "\"";
    const std::string etag = part.etag;
    upload->parts[std::stoi(*number_text)] = std::move(part);
    HttpResponseMessage response = base_reply(200, call.request_id);
    response.set(http::field::etag, etag);
    return response;
  }

  HttpResponseMessage abort_upload(const Call& call) {
    if (find_upload(call) == nullptr) return no_upload(call);
    store.uploads.erase(*query_value(call.target.query, "uploadId"));
    return base_reply(204, call.request_id);
  }

  HttpResponseMessage complete_upload(const Call& call) {
    MultipartUpload* upload = find_upload(call);
    if (upload == nullptr) return no_upload(call);
    const auto listed = complete_parts(call.request.body());
    if (!listed || listed->empty()) {
      return error(call, 400, "MalformedXML", "The XML you provided was not well-formed or did not validate.");
    }
    std::vector<const StoredPart*> parts;
    int previous = 0;
    for (const auto& [number_text, etag] : *listed) {
      if (number_text.empty() || number_text.size() > 5 ||
          number_text.find_first_not_of("0123456789") != std::string::npos) {
        return error(call, 400, "MalformedXML", "The XML you provided was not well-formed or did not validate.");
      }
      const int number = std::stoi(number_text);
      if (number <= previous) {
        return error(call, 400, "InvalidPartOrder", "The list of parts was not in ascending order.");
      }
      previous = number;
      const auto it = upload->parts.find(number);
      if (it == upload->parts.end() || unquote(it->second.etag) != unquote(etag)) {  // docs/service-quirks.md, O11
        return error(call, 400, "InvalidPart",
                     "One or more of the specified parts could not be found or its entity tag did not match.");
      }
      parts.push_back(&it->second);
    }
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
      if (parts[i]->data.size() < kMinPartSize) {
        return error(call, 400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size.");
      }
    }
    StoredObject object;
    std::string digests;
    std::size_t total = 0;
    for (const StoredPart* part : parts) total += part->data.size();
    object.data.reserve(total);
    for (const StoredPart* part : parts) {
      object.data += part->data;
      digests += bytes_of_hex(unquote(part->etag));
    }
    // Multipart ETag: MD5 of the concatenated raw part MD5s, "-N" (docs/service-quirks.md, O10).
    object.etag = "\"" + sign::md5_hex(digests) + "-" + std::to_string(parts.size()) + "\"";
    object.content_type = upload->content_type.empty() ? "binary/octet-stream" : upload->content_type;
    object.meta = upload->meta;
    object.last_modified_ms = now_ms();
    object.upload_id = *query_value(call.target.query, "uploadId");
    const std::string etag = object.etag;
    store.put_object(call.bucket, call.key, std::move(object));
    store.uploads.erase(*query_value(call.target.query, "uploadId"));
    std::string body = kXmlDeclaration;
    body += "<CompleteMultipartUploadResult xmlns=\"" + std::string(kNamespace) + "\"><Location>/" +
            xml_escape(call.bucket) + "/" + xml_escape(call.key) + "</Location><Bucket>" + xml_escape(call.bucket) +
            "</Bucket><Key>" + xml_escape(call.key) + "</Key><ETag>" + xml_escape(etag) +
            "</ETag></CompleteMultipartUploadResult>";
    return xml_reply(200, std::move(body), call.request_id);
  }
};

ObsService::ObsService(ObsServiceConfig config, CredentialStore& credentials, FaultInjector& faults)
    : impl_(std::make_unique<Impl>(std::move(config), credentials, faults)) {}

ObsService::~ObsService() = default;

Reply ObsService::handle(HttpRequestMessage& request, const RequestTarget& target, const std::string& request_id) {
  Impl::Call call{request, target, request_id, {}, {}, request.method() == http::verb::head};
  if (!target.segments.empty()) {
    call.bucket = target.segments[0];
    const std::size_t key_start = 1 + target.raw_path.find('/', 1);
    if (key_start != 0 && key_start < target.raw_path.size()) call.key = percent_decode(target.raw_path.substr(key_start));
  }
  const ObsAuthOutcome outcome = impl_->auth.authenticate(request, target, call.bucket);
  if (const auto* refusal = std::get_if<ObsError>(&outcome)) return Reply{impl_->error(call, *refusal), {}, false};

  const Fault fault = impl_->faults.next();
  switch (fault.kind) {
    case FaultKind::throttle: {
      Reply reply{impl_->error(call, 503, "SlowDown", "Please reduce your request rate (injected fault)."), {}, false};
      reply.response.set(http::field::retry_after, std::to_string(impl_->config.retry_after_seconds));
      return reply;
    }
    case FaultKind::internal_error:
      return Reply{impl_->error(call, 500, "InternalError", "We encountered an internal error (injected fault)."),
                   {}, false};
    case FaultKind::unavailable:
      return Reply{impl_->error(call, 503, "ServiceUnavailable", "Service unavailable (injected fault)."), {}, false};
    case FaultKind::none:
    case FaultKind::delay:
    case FaultKind::cut_off:
      break;
  }
  Reply reply;
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    try {
      reply.response = impl_->dispatch(call);
    } catch (const std::exception& e) {
      reply.response = impl_->error(call, 500, "InternalError", std::string("Internal error: ") + e.what());
    }
  }
  reply.keep_content_length = call.head && reply.response.result_int() == 200;  // the object's length
  reply.delay = fault.delay;
  reply.cut_off = fault.kind == FaultKind::cut_off;
  return reply;
}

bool ObsService::bucket_exists(const std::string& bucket) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->store.buckets().count(bucket) > 0;
}

std::string ObsService::presigned_get_url(const std::string& bucket, const std::string& key, std::int64_t seconds) {
  const TemporaryCredential key_pair = impl_->credentials.issue_temporary_credential(std::chrono::seconds(seconds));
  sign::ObsRequest request;
  request.method = "GET";
  request.bucket = bucket;
  request.key = key;
  request.addressing = sign::Addressing::path_style;
  const std::int64_t expires =
      std::chrono::duration_cast<std::chrono::seconds>(key_pair.expires_at.time_since_epoch()).count();
  const std::string target = sign::presign_target(
      request, {key_pair.access, key_pair.secret, key_pair.security_token}, expires, sign::SignatureType::obs);
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->base_url + target;
}

void ObsService::set_base_url(std::string url) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  impl_->base_url = std::move(url);
}

bool ObsService::object_exists(const std::string& bucket, const std::string& key) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const auto it = impl_->store.buckets().find(bucket);
  return it != impl_->store.buckets().end() && it->second.objects.count(key) > 0;
}

bool ObsService::prefix_exists(const std::string& bucket, const std::string& prefix) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const auto it = impl_->store.buckets().find(bucket);
  if (it == impl_->store.buckets().end()) return false;
  const auto first = it->second.objects.lower_bound(prefix);
  return first != it->second.objects.end() && first->first.compare(0, prefix.size(), prefix) == 0;
}

bool ObsService::put_object(const std::string& bucket, const std::string& key, std::string data,
                            const std::string& content_type) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->store.buckets().count(bucket) == 0) return false;
  StoredObject object;
  object.etag = "\"" + sign::md5_hex(data) + "\"";
  object.data = std::move(data);
  object.content_type = content_type;
  object.last_modified_ms = now_ms();
  impl_->store.put_object(bucket, key, std::move(object));
  return true;
}

std::optional<std::string> ObsService::object_data(const std::string& bucket, const std::string& key) const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  const auto it = impl_->store.buckets().find(bucket);
  if (it == impl_->store.buckets().end()) return std::nullopt;
  const auto object = it->second.objects.find(key);
  if (object == it->second.objects.end()) return std::nullopt;
  return object->second.data;
}

std::size_t ObsService::uploads_in_progress() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->store.uploads.size();
}

}  // namespace modelarts::testing::detail::obs

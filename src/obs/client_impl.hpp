// SPDX-License-Identifier: Apache-2.0
// The OBS client's internals shared by its object calls (client.cpp) and transfers (transfer.cpp): one
// request through the session's pipeline with an OBS-signing authenticator, and the XML replies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <modelarts/obs.hpp>
#include <modelarts/obs_signer.hpp>
#include <modelarts/session.hpp>

#include "detail/endpoint.hpp"
#include "detail/result.hpp"
#include "detail/session_state.hpp"

namespace modelarts::obs {

struct ObsCall {
  std::string method;
  std::string bucket;
  std::string key;
  QueryParams query;
  HttpHeaders headers;  ///< Content-Type, Content-MD5, Range, x-obs-* ...
  std::string body;
  /// Whether a retry after the request may have reached the server is safe (false for initiate/complete).
  bool idempotent = true;
};

/// A local file of a directory upload.
struct LocalFile {
  std::string relative;  ///< '/'-separated
  std::string path;
  std::uint64_t size = 0;
  std::string md5;       ///< hex
};

/// One page of ListObjects.
struct ListPage {
  std::vector<ObjectSummary> items;  ///< objects, then common prefixes
  bool truncated = false;
  /// NextMarker, else the larger of the last key and the last prefix (docs/service-quirks.md, O14).
  std::string next_marker;
};

struct ObsClient::Impl {
  Session session;
  detail::Endpoint endpoint;
  bool path_style = false;

  explicit Impl(Session s);

  /// Sends `call` through the pipeline, taken by value: its body moves into the request, held once. The reply
  /// when it is 2xx, else the ApiError (decoded from the XML) or transport error.
  detail::Result<HttpResponse> send(ObsCall call) const;

  /// PUT /{key} of `data` in one request, with its Content-MD5; returns the ETag. Throws on failure.
  std::string put(const std::string& bucket, const std::string& key, std::string data,
                  const std::string& content_type) const;

  /// Uploads `files` under bucket/prefix, skipping those stored with the same size and MD5 ETag.
  UploadDirResult upload_files(const std::vector<LocalFile>& files, const std::string& tree_hash,
                               const std::string& bucket, const std::string& prefix,
                               const TransferOptions& options) const;

  detail::Result<ListPage> list_page(const std::string& bucket, const std::string& prefix, const std::string& marker,
                                     const std::string& delimiter, int max_keys) const;

  /// The multipart uploads in progress for exactly `key` (GET /?uploads&prefix=key, first page): upload ID and
  /// the Initiated text (ISO 8601 UTC).
  detail::Result<std::vector<std::pair<std::string, std::string>>> list_uploads(const std::string& bucket,
                                                                                const std::string& key) const;
};

/// The text of the first <name> element (namespaces ignored), entity-decoded; nullopt when absent or the
/// document is not XML.
std::optional<std::string> xml_text(std::string_view document, std::string_view name);

/// Content-Type from a file name's extension; application/octet-stream when unknown.
std::string content_type_for(std::string_view file_name);

/// Throws InvalidArgumentError naming `where` unless `key` is one OBS can hold and we can send as meant: valid
/// UTF-8, no control character, at most 1,024 bytes, no "." or ".." segment (an HTTP hop may resolve them, and the
/// request would reach another object than the one named).
void check_object_key(std::string_view key, std::string_view where);

/// A path of `bucket` as obs://bucket/key for messages.
inline std::string url_of(const std::string& bucket, const std::string& key) { return "obs://" + bucket + "/" + key; }

}  // namespace modelarts::obs

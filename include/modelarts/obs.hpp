// SPDX-License-Identifier: Apache-2.0
// The OBS client (Python: session.obs), reached with Session::obs(): the object calls and the transfer helpers
// training needs (ModelArts SDK Reference, "OBS Management"; OBS API Reference). It rides the session's pipeline
// (retry, timeouts, TLS verification, attempt fates) and signs every attempt with the OBS signature
// (modelarts/obs_signer.hpp) using the session's AK/SK, temporary ones with x-obs-security-token.
//
// Paths are "obs://bucket/key" (also "/bucket/key", docs/service-quirks.md, Q15). Addressing: virtual-hosted
// (https://bucket.obs.region.../key) for DNS endpoints, path-style for IP addresses and localhost (the
// emulator), or always path-style with ObsClientOptions::path_style.
//
// Errors: OBS answers failures in XML; they are thrown as ApiError with error_code = <Code>
// ("NoSuchKey", "AccessDenied", ...), error_msg = <Message>, request_id = <RequestId>. Bad paths or arguments
// throw InvalidArgumentError before anything is sent; network failures TransportError.
#pragma once

#include <cstdint>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <modelarts/http.hpp>
#include <modelarts/options.hpp>

namespace modelarts {

class Session;

namespace obs {

/// "obs://bucket/key" split. parse() throws InvalidArgumentError for a missing scheme/bucket or an invalid
/// bucket name (3-63 of a-z 0-9 - . , OBS API Reference, "Constructing a Request").
struct ObsPath {
  std::string bucket;
  std::string key;  ///< may be empty (the bucket) or end in '/' (a folder)
  static ObsPath parse(std::string_view url);
  std::string url() const { return "obs://" + bucket + "/" + key; }
};

/// One ListObjects entry (a `<Contents>` element), or a folder rolled up by the delimiter (is_prefix).
struct ObjectSummary {
  std::string key;
  std::uint64_t size = 0;
  std::string etag;           ///< quoted, as OBS sends it
  std::string last_modified;  ///< ISO 8601 UTC, e.g. 2026-11-29T08:30:01.482Z
  bool is_prefix = false;     ///< a `<CommonPrefixes>` entry: `key` is the prefix, the rest empty
};

/// HEAD object: what the headers say.
struct ObjectMetadata {
  std::uint64_t size = 0;
  std::string etag;
  std::string content_type;
  std::string last_modified;  ///< HTTP date
  HttpHeaders metadata;       ///< x-obs-meta-* headers as received
};

/// Bytes `first` to `last` inclusive; `last` empty: to the end (HTTP Range semantics).
struct ByteRange {
  std::uint64_t first = 0;
  std::optional<std::uint64_t> last;
};

struct TransferProgress {
  std::uint64_t bytes_done = 0;
  std::uint64_t bytes_total = 0;
  std::size_t files_done = 0;   ///< uploaded, downloaded, or skipped as unchanged
  std::size_t files_total = 0;
};
/// Called after each part or file, from the threads doing the work, one call at a time (never concurrently).
using ProgressCallback = std::function<void(const TransferProgress&)>;

class TransferOptions {
  /// Multipart part size in bytes, also the unit of downloads (ranged GETs). 100 KiB .. 5 GiB.
  MODELARTS_OPTION(std::uint64_t, part_size){std::uint64_t{8} * 1024 * 1024};
  /// Files at least this large are uploaded in parts; smaller ones with one PUT.
  MODELARTS_OPTION(std::uint64_t, multipart_threshold){std::uint64_t{8} * 1024 * 1024};
  /// Parts (or files) in flight at once. Peak memory is about part_size x parallelism, whatever the file size.
  MODELARTS_OPTION(int, parallelism){4};
  MODELARTS_OPTION(ProgressCallback, progress);
};

struct UploadDirResult {
  std::string obs_prefix;           ///< "obs://bucket/prefix/<dir name>/" the files went under
  std::string tree_hash;            ///< SHA-256 hex of the sorted (relative path, size, MD5) list
  std::size_t files_uploaded = 0;
  std::size_t files_skipped = 0;    ///< already there with the same size and MD5 (ETag)
  std::uint64_t bytes_uploaded = 0;
};

/// Code-directory limits (section 0): checked by upload_dir before anything is sent.
struct DirectoryLimits {
  std::size_t max_entries = 1000;                                      ///< files plus folders
  std::uint64_t max_bytes = std::uint64_t{5} * 1024 * 1024 * 1024;    ///< 5 GB
};

class ObjectListing;

class ObsClient {
 public:
  explicit ObsClient(Session session);

  /// PUT /{key}: stores `data`; returns the ETag (quoted MD5). Content-Type: `content_type`, else guessed
  /// from the extension, else application/octet-stream.
  std::string put_object(std::string_view obs_url, std::string data, std::string content_type = {}) const;
  /// GET /{key} with an optional Range; the bytes (at most the transport's body limit, 64 MiB by default).
  std::string get_object(std::string_view obs_url, std::optional<ByteRange> range = std::nullopt) const;
  /// HEAD /{key}; ApiError 404 "NoSuchKey" when missing.
  ObjectMetadata head_object(std::string_view obs_url) const;
  /// HEAD /{key}, or a one-key ListObjects for a folder ("…/"): Python is_obs_path_exists.
  bool exists(std::string_view obs_url) const;
  /// DELETE /{key}; success also when it did not exist (docs/service-quirks.md, O13).
  void delete_object(std::string_view obs_url) const;
  /// GET /?prefix=&marker=&delimiter=: every object under the prefix, fetched lazily page by page (markers).
  ObjectListing list(std::string_view obs_url_prefix, std::string delimiter = {}, int page_size = 1000) const;

  /// Python upload_file(src_local_file, dst_obs_dir): object = dst + basename (dst ends with '/'), or dst
  /// itself when it names an object. Multipart at or above the threshold; a failed multipart upload is
  /// aborted. Returns the object's obs:// URL.
  std::string upload_file(const std::string& local_file, std::string_view obs_dst,
                          const TransferOptions& options = {}) const;
  /// Python upload_dir(src_local_dir, dst_obs_dir): into `dst + <last dir name>/`. Checks `limits` first;
  /// skips files whose size and MD5 match the stored ETag; empty folders are not created.
  UploadDirResult upload_dir(const std::string& local_dir, std::string_view obs_dst_dir,
                             const TransferOptions& options = {}, const DirectoryLimits& limits = {}) const;
  /// Uploads the files of `local_dir` directly under `obs_prefix` (no dir-name level), incrementally as
  /// upload_dir does: the staging step of training from a local code directory.
  UploadDirResult sync_dir(const std::string& local_dir, std::string_view obs_prefix,
                           const TransferOptions& options = {}, const DirectoryLimits& limits = {}) const;
  /// The staging step of training from a local code directory (section 2.3): checks `limits`, then uploads
  /// the files of `local_dir` under obs_path + "<first 16 hex digits of the tree hash>/code/", incrementally.
  /// The same tree always goes to the same prefix (result.obs_prefix), so a retried fit re-uses it.
  UploadDirResult stage_code_dir(const std::string& local_dir, std::string_view obs_path,
                                 const TransferOptions& options = {}, const DirectoryLimits& limits = {}) const;
  /// Python download_file(src_obs_file, dst_local_dir): into dst_dir/basename (ranged GETs of part_size).
  /// Returns the local path.
  std::string download_file(std::string_view obs_file, const std::string& local_dst,
                            const TransferOptions& options = {}) const;
  /// Python download_dir(src_obs_dir, dst_local_dir): into `dst/<last dir name>/`, keeping relative paths.
  void download_dir(std::string_view obs_dir, const std::string& local_dst_dir,
                    const TransferOptions& options = {}) const;
  /// Python copy(src, dst): local -> OBS or OBS -> local, a file or a folder (trailing '/' or a directory).
  void copy(const std::string& src, const std::string& dst, const TransferOptions& options = {}) const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

/// The obs:// folder ObsClient::stage_code_dir would upload `local_dir` to, computed on the local disk alone
/// (the limits are checked, nothing is sent): for a dry run.
std::string code_stage_prefix(const std::string& local_dir, std::string_view obs_path, const DirectoryLimits& limits = {});

/// A lazy range over ListObjects pages (single pass): one page of memory however many objects there are.
class ObjectListing {
 public:
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = ObjectSummary;
    using difference_type = std::ptrdiff_t;
    using pointer = const ObjectSummary*;
    using reference = const ObjectSummary&;
    iterator() = default;
    reference operator*() const;
    pointer operator->() const { return &**this; }
    iterator& operator++();
    bool operator==(const iterator& other) const { return listing_ == other.listing_; }
    bool operator!=(const iterator& other) const { return !(*this == other); }

   private:
    friend class ObjectListing;
    explicit iterator(ObjectListing* listing) : listing_(listing) {}
    ObjectListing* listing_ = nullptr;
  };

  iterator begin();
  iterator end() { return iterator(); }
  /// Reads every remaining page into one vector.
  std::vector<ObjectSummary> all();

  struct State;
  explicit ObjectListing(std::shared_ptr<State> state) : state_(std::move(state)) {}

 private:
  bool advance();  ///< next item, fetching a page when needed; false at the end
  std::shared_ptr<State> state_;
};

}  // namespace obs
}  // namespace modelarts

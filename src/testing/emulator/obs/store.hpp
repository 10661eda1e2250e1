// SPDX-License-Identifier: Apache-2.0
// The emulated OBS's data: buckets, their objects and the multipart uploads in progress, in memory, and (when
// given a file) the buckets and objects written to disk before a mutating request returns: the file holds the
// index (buckets, keys, metadata) and each object's bytes are a file of their own in "<file>.d/", written once.
// So a PUT costs its own bytes plus the index, not a rewrite of every object stored. Not thread-safe: the OBS
// service holds one lock around it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modelarts::testing::detail::obs {

using MetaHeaders = std::vector<std::pair<std::string, std::string>>;  ///< x-obs-meta-* (lower-case names)

struct StoredObject {
  std::string data;
  std::string etag;          ///< quoted: "\"<md5 hex>\"" or "\"<hex>-N\"" (multipart, docs/service-quirks.md, O10)
  std::string content_type;  ///< as received; binary/octet-stream when none was sent
  std::int64_t last_modified_ms = 0;
  MetaHeaders meta;
  std::string upload_id;     ///< the multipart upload it came from (x-obs-uploadId on HEAD)
  std::string data_file;     ///< its bytes' file name in the store's folder once saved; empty: not on disk yet
};

struct StoredPart {
  std::string data;
  std::string etag;  ///< quoted MD5 hex of the part
};

struct MultipartUpload {
  std::string bucket;
  std::string key;
  std::string content_type;
  MetaHeaders meta;
  std::int64_t initiated_ms = 0;
  std::map<int, StoredPart> parts;
};

struct Bucket {
  std::int64_t created_ms = 0;
  std::map<std::string, StoredObject> objects;  ///< ordered by key: ListObjects walks it
};

class Store {
 public:
  /// Loads `file` when it exists (throws std::runtime_error naming it when it is not a valid store), then makes
  /// sure `default_bucket` exists.
  Store(std::string file, const std::string& default_bucket, std::int64_t now_ms);

  std::map<std::string, Bucket> buckets;
  std::map<std::string, MultipartUpload> uploads;  ///< by upload ID

  /// Writes the objects not on disk yet, then the index, then removes the files of objects overwritten or
  /// deleted since (no-op without a file); throws std::runtime_error on I/O failure.
  void save();

 private:
  std::string file_;
  std::string folder_;                 ///< file_ + ".d": one file per object
  std::vector<std::string> on_disk_;   ///< sorted data file names the last index named
};

}  // namespace modelarts::testing::detail::obs

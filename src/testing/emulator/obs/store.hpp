// SPDX-License-Identifier: Apache-2.0
// The emulated OBS's data: buckets, their objects and the multipart uploads in progress, in memory, and (when
// given a file) the buckets and objects written to disk before a mutating request returns. On disk: "<file>" is
// the index (buckets, keys, metadata), "<file>.d/" holds each object's bytes as a file of its own, written once,
// and "<file>.journal" the mutations since the index was written, one JSON line each, fdatasync'd before the
// request returns. So a mutation costs its own bytes plus one line, never a rewrite of the store; the journal is
// folded into a fresh index when it outgrows the live entries (and 64 records), and at load. Text that is not valid UTF-8 (keys,
// metadata put in-process) is stored base64-encoded, so whatever the store holds loads again. Not thread-safe:
// the OBS service holds one lock around it.
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
  std::string data_file;     ///< its bytes' file name in the store's folder; empty without a store file
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
  /// Loads `file` (index, then journal) when it exists (throws std::runtime_error naming it when it is not a
  /// valid store), makes sure `default_bucket` exists, and compacts. Reads index versions 1 (bytes inline), 2
  /// (bytes in "<file>.d/") and 3 (written now: 2, with any text that is not UTF-8 base64-encoded).
  Store(std::string file, const std::string& default_bucket, std::int64_t now_ms);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Read-only outside: every change goes through the calls below, which make it durable first (throw
  /// std::runtime_error on an I/O failure, and then change nothing).
  const std::map<std::string, Bucket>& buckets() const { return buckets_; }
  std::map<std::string, MultipartUpload> uploads;  ///< by upload ID; in memory only

  void create_bucket(const std::string& name, std::int64_t created_ms);
  /// Adds or replaces `key` in the existing bucket `bucket`.
  void put_object(const std::string& bucket, const std::string& key, StoredObject object);
  /// False when there was no such object (nothing written then).
  bool delete_object(const std::string& bucket, const std::string& key);

 private:
  void append(const std::string& line);
  void compact_when_due();
  void compact();
  void remove_data_file(const std::string& name) const;

  std::map<std::string, Bucket> buckets_;
  std::string file_;
  std::string folder_;   ///< file_ + ".d": one file per object
  std::string journal_;  ///< file_ + ".journal"
  int journal_fd_ = -1;
  std::size_t journal_records_ = 0;
  std::size_t live_entries_ = 0;  ///< buckets plus objects
};

}  // namespace modelarts::testing::detail::obs

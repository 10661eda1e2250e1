// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/obs/store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>
#include <openssl/evp.h>

#include <modelarts/obs_signer.hpp>
#include <modelarts/signer.hpp>

#include "detail/utf8.hpp"
#include "testing/emulator/service/persistence.hpp"

namespace modelarts::testing::detail::obs {
namespace {

namespace json = boost::json;
constexpr const char* kFormat = "modelarts-emulator-obs";
constexpr int kVersion = 3;
// Below this many records the journal is never compacted: folding a tiny store on every other request would
// cost an index write and a directory fsync each time for nothing.
constexpr std::size_t kMinJournalRecords = 64;

std::string unbase64(const std::string& text) {
  if (text.size() % 4 != 0) throw std::runtime_error("bad base64 data");
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  if (n < 0) throw std::runtime_error("bad base64 data");
  std::size_t size = static_cast<std::size_t>(n);
  // EVP_DecodeBlock counts the padding as zero bytes.
  if (!text.empty() && text.back() == '=') --size;
  if (text.size() > 1 && text[text.size() - 2] == '=') --size;
  out.resize(size);
  return out;
}

/// Text as JSON: a string when it is valid UTF-8 (JSON can hold nothing else), else {"base64": ...}.
json::value text(const std::string& value) {
  if (modelarts::detail::valid_utf8(value)) return json::string(value);
  return json::object{{"base64", modelarts::obs::base64_encode(value)}};
}

std::string text_of(const json::value& v) {
  if (v.is_string()) return std::string(v.get_string());
  return unbase64(std::string(v.as_object().at("base64").as_string()));
}

json::object object_json(const std::string& key, const StoredObject& object) {
  json::array meta;
  for (const auto& [n, v] : object.meta) meta.push_back(json::array{text(n), text(v)});
  return json::object{{"key", text(key)},
                      {"data_file", object.data_file},
                      {"etag", text(object.etag)},
                      {"content_type", text(object.content_type)},
                      {"last_modified_ms", object.last_modified_ms},
                      {"upload_id", text(object.upload_id)},
                      {"meta", std::move(meta)}};
}

/// The object's fields but its bytes: those of version 1 (inline) are read here, a data file's only once the
/// journal is replayed (a file an overwritten record names may be gone).
StoredObject object_of(const json::object& o) {
  StoredObject object;
  if (const json::value* inline_data = o.if_contains("data")) {
    object.data = unbase64(std::string(inline_data->as_string()));
  } else {
    object.data_file = std::string(o.at("data_file").as_string());
    if (object.data_file.empty() || object.data_file.find('/') != std::string::npos || object.data_file[0] == '.') {
      throw std::runtime_error("bad data_file");
    }
  }
  object.etag = text_of(o.at("etag"));
  object.content_type = text_of(o.at("content_type"));
  object.last_modified_ms = o.at("last_modified_ms").to_number<std::int64_t>();
  object.upload_id = text_of(o.at("upload_id"));
  for (const auto& m : o.at("meta").as_array()) object.meta.emplace_back(text_of(m.as_array().at(0)), text_of(m.as_array().at(1)));
  return object;
}

/// A data file's name: the object's identity (bucket, key, ETag, time, upload) and a random nonce, hashed. An
/// object replaced by another gets another name, so a file is never rewritten in place under a live record.
std::string data_file_name(const std::string& bucket, const std::string& key, const StoredObject& object) {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return modelarts::sha256_hex(bucket + '\n' + key + '\n' + object.etag + '\n' +
                               std::to_string(object.last_modified_ms) + '\n' + object.upload_id + '\n' +
                               std::to_string(engine()));
}

bool exists(const std::string& path) {
  std::error_code ignored;
  return std::filesystem::exists(path, ignored);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

[[noreturn]] void io_failure(const std::string& what, const std::string& path) {
  throw std::runtime_error("cannot " + what + " OBS store journal " + path + ": " + std::strerror(errno));
}

json::value parse(const std::string& text) {
  // Indexes written before keys were checked may hold raw non-UTF-8 bytes: they load, and are rewritten encoded.
  json::parse_options options;
  options.allow_invalid_utf8 = true;
  return json::parse(text, {}, options);
}

}  // namespace

Store::Store(std::string file, const std::string& default_bucket, std::int64_t now_ms)
    : file_(std::move(file)),
      folder_(file_.empty() ? std::string() : file_ + ".d"),
      journal_(file_.empty() ? std::string() : file_ + ".journal") {
  std::string reading = file_;
  try {
    if (!file_.empty() && exists(file_)) {
      const json::value root = parse(read_file(file_));
      if (root.at("format") != kFormat) throw std::runtime_error("not an OBS store document");
      for (const auto& b : root.at("buckets").as_array()) {
        Bucket& bucket = buckets_[text_of(b.at("name"))];
        bucket.created_ms = b.at("created_ms").to_number<std::int64_t>();
        for (const auto& o : b.at("objects").as_array()) {
          bucket.objects[text_of(o.at("key"))] = object_of(o.as_object());
        }
      }
    }
    reading = journal_;
    if (!journal_.empty() && exists(journal_)) {
      const std::string lines = read_file(journal_);
      std::size_t at = 0;
      // A last line without its newline was cut short by a crash before its fdatasync: no reply claimed it.
      for (std::size_t end = lines.find('\n'); end != std::string::npos; at = end + 1, end = lines.find('\n', at)) {
        const json::object record = parse(lines.substr(at, end - at)).as_object();
        const json::string& op = record.at("op").as_string();
        if (op == "bucket") {
          buckets_[text_of(record.at("name"))].created_ms = record.at("created_ms").to_number<std::int64_t>();
        } else if (op == "put") {
          buckets_.at(text_of(record.at("bucket"))).objects[text_of(record.at("key"))] = object_of(record);
        } else if (op == "delete") {
          buckets_.at(text_of(record.at("bucket"))).objects.erase(text_of(record.at("key")));
        } else {
          throw std::runtime_error("unknown journal record");
        }
      }
    }
    reading = folder_;
    for (auto& [name, bucket] : buckets_) {
      for (auto& [key, object] : bucket.objects) {
        if (!object.data_file.empty()) object.data = read_file(folder_ + "/" + object.data_file);
      }
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("invalid OBS store file " + reading + ": " + e.what());
  }
  if (!default_bucket.empty() && buckets_.count(default_bucket) == 0) buckets_[default_bucket].created_ms = now_ms;
  live_entries_ = buckets_.size();
  for (const auto& [name, bucket] : buckets_) live_entries_ += bucket.objects.size();
  if (file_.empty()) return;
  compact();
  // Files nothing names any more: replaced or deleted before a crash, or a write the crash cut short.
  std::set<std::string> named;
  for (const auto& [name, bucket] : buckets_) {
    for (const auto& [key, object] : bucket.objects) named.insert(object.data_file);
  }
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && named.count(name) == 0) remove_data_file(name);
  }
}

Store::~Store() {
  if (journal_fd_ >= 0) ::close(journal_fd_);
}

void Store::create_bucket(const std::string& name, std::int64_t created_ms) {
  if (!file_.empty()) {
    append(json::serialize(json::object{{"op", "bucket"}, {"name", text(name)}, {"created_ms", created_ms}}));
  }
  const bool added = buckets_.count(name) == 0;
  buckets_[name].created_ms = created_ms;
  if (added) ++live_entries_;
  compact_when_due();
}

void Store::put_object(const std::string& bucket, const std::string& key, StoredObject object) {
  auto& objects = buckets_.at(bucket).objects;
  object.data_file.clear();
  if (!file_.empty()) {
    const std::string name = data_file_name(bucket, key, object);
    service::write_durably(object.data, folder_ + "/" + name);
    json::object record = object_json(key, object);
    record["data_file"] = name;
    record["op"] = "put";
    record["bucket"] = text(bucket);
    try {
      append(json::serialize(record));
    } catch (...) {
      remove_data_file(name);
      throw;
    }
    object.data_file = name;
  }
  const auto [it, added] = objects.try_emplace(key);
  const std::string replaced = it->second.data_file;
  it->second = std::move(object);
  if (added) ++live_entries_;
  if (!replaced.empty()) remove_data_file(replaced);  // the journal now says what replaced it
  compact_when_due();
}

bool Store::delete_object(const std::string& bucket, const std::string& key) {
  auto& objects = buckets_.at(bucket).objects;
  const auto it = objects.find(key);
  if (it == objects.end()) return false;
  if (!file_.empty()) {
    append(json::serialize(json::object{{"op", "delete"}, {"bucket", text(bucket)}, {"key", text(key)}}));
  }
  const std::string gone = it->second.data_file;
  objects.erase(it);
  --live_entries_;
  if (!gone.empty()) remove_data_file(gone);
  compact_when_due();
  return true;
}

/// One record, durable before it returns. A failed write is cut back off, so the journal stays whole lines.
void Store::append(const std::string& line) {
  const off_t start = ::lseek(journal_fd_, 0, SEEK_END);
  if (start < 0) io_failure("seek", journal_);
  const std::string data = line + '\n';
  std::size_t written = 0;
  try {
    while (written < data.size()) {
      const ssize_t n = ::write(journal_fd_, data.data() + written, data.size() - written);
      if (n < 0) {
        if (errno == EINTR) continue;
        io_failure("write", journal_);
      }
      written += static_cast<std::size_t>(n);
    }
    if (::fdatasync(journal_fd_) != 0) io_failure("fsync", journal_);
  } catch (...) {
    if (::ftruncate(journal_fd_, start) != 0) {
      // Nothing more to do: the torn line has no newline, so a load skips it.
    }
    throw;
  }
  ++journal_records_;
}

/// Called once a mutation is in memory too (a compaction before would leave it out of the index and the journal).
void Store::compact_when_due() {
  if (file_.empty() || journal_records_ <= std::max(live_entries_, kMinJournalRecords)) return;
  try {
    compact();
  } catch (const std::exception&) {
    // The journal still holds every record: the mutation is durable, compaction is retried on the next one.
  }
}

/// A fresh index of everything (writing the bytes of objects loaded inline), then an empty journal. A crash in
/// between replays the old journal over the new index: the same final state, as every record sets a value.
void Store::compact() {
  std::filesystem::create_directories(folder_);
  if (journal_fd_ < 0) {
    // Opened before the index is written, whose directory fsync then makes the journal's name durable too.
    journal_fd_ = ::open(journal_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (journal_fd_ < 0) io_failure("open", journal_);
  }
  json::array bucket_list;
  for (auto& [name, bucket] : buckets_) {
    json::array objects;
    for (auto& [key, object] : bucket.objects) {
      if (object.data_file.empty()) {
        const std::string data_file = data_file_name(name, key, object);
        service::write_durably(object.data, folder_ + "/" + data_file);
        object.data_file = data_file;
      }
      objects.push_back(object_json(key, object));
    }
    bucket_list.push_back(
        json::object{{"name", text(name)}, {"created_ms", bucket.created_ms}, {"objects", std::move(objects)}});
  }
  const json::object root{{"format", kFormat}, {"version", kVersion}, {"buckets", std::move(bucket_list)}};
  service::write_durably(json::serialize(root), file_);
  if (::ftruncate(journal_fd_, 0) != 0) io_failure("truncate", journal_);
  if (::fdatasync(journal_fd_) != 0) io_failure("fsync", journal_);
  journal_records_ = 0;
}

void Store::remove_data_file(const std::string& name) const {
  std::error_code ignored;
  std::filesystem::remove(folder_ + "/" + name, ignored);
}

}  // namespace modelarts::testing::detail::obs

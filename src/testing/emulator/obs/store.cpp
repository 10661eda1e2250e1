// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/obs/store.hpp"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>
#include <openssl/evp.h>

#include <modelarts/signer.hpp>

#include "testing/emulator/service/persistence.hpp"

namespace modelarts::testing::detail::obs {
namespace {

namespace json = boost::json;
constexpr const char* kFormat = "modelarts-emulator-obs";

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

std::string str(const json::value& v) { return std::string(v.as_string()); }

/// A data file's name: the object's identity (bucket, key, ETag, time, upload), hashed. An object replaced by
/// another gets another name, so a file is never rewritten in place under a live index.
std::string data_file_name(const std::string& bucket, const std::string& key, const StoredObject& object) {
  return modelarts::sha256_hex(bucket + '\n' + key + '\n' + object.etag + '\n' + std::to_string(object.last_modified_ms) +
                               '\n' + object.upload_id);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Store::Store(std::string file, const std::string& default_bucket, std::int64_t now_ms)
    : file_(std::move(file)), folder_(file_.empty() ? std::string() : file_ + ".d") {
  if (!file_.empty() && std::filesystem::exists(file_)) {
    try {
      const json::value root = json::parse(read_file(file_));
      if (root.at("format") != kFormat) throw std::runtime_error("not an OBS store document");
      for (const auto& b : root.at("buckets").as_array()) {
        Bucket& bucket = buckets[str(b.at("name"))];
        bucket.created_ms = b.at("created_ms").to_number<std::int64_t>();
        for (const auto& o : b.at("objects").as_array()) {
          StoredObject& object = bucket.objects[str(o.at("key"))];
          // Version 1 kept the bytes inline (base64); version 2 names a file in the folder.
          if (const json::value* inline_data = o.as_object().if_contains("data")) {
            object.data = unbase64(str(*inline_data));
          } else {
            object.data_file = str(o.at("data_file"));
            if (object.data_file.find('/') != std::string::npos) throw std::runtime_error("bad data_file");
            object.data = read_file(folder_ + "/" + object.data_file);
            on_disk_.push_back(object.data_file);
          }
          object.etag = str(o.at("etag"));
          object.content_type = str(o.at("content_type"));
          object.last_modified_ms = o.at("last_modified_ms").to_number<std::int64_t>();
          object.upload_id = str(o.at("upload_id"));
          for (const auto& m : o.at("meta").as_array())
            object.meta.emplace_back(str(m.as_array().at(0)), str(m.as_array().at(1)));
        }
      }
    } catch (const std::exception& e) {
      throw std::runtime_error("invalid OBS store file " + file_ + ": " + e.what());
    }
    std::sort(on_disk_.begin(), on_disk_.end());
  }
  if (!default_bucket.empty() && buckets.count(default_bucket) == 0) buckets[default_bucket].created_ms = now_ms;
}

void Store::save() {
  if (file_.empty()) return;
  std::filesystem::create_directories(folder_);
  std::vector<std::string> named;
  json::array bucket_list;
  for (auto& [name, bucket] : buckets) {
    json::array objects;
    for (auto& [key, object] : bucket.objects) {
      if (object.data_file.empty()) {
        const std::string file = data_file_name(name, key, object);
        service::write_durably(object.data, folder_ + "/" + file);
        object.data_file = file;
      }
      named.push_back(object.data_file);
      json::array meta;
      for (const auto& [n, v] : object.meta) meta.push_back(json::array{json::string(n), json::string(v)});
      objects.push_back(json::object{{"key", key},
                                     {"data_file", object.data_file},
                                     {"etag", object.etag},
                                     {"content_type", object.content_type},
                                     {"last_modified_ms", object.last_modified_ms},
                                     {"upload_id", object.upload_id},
                                     {"meta", std::move(meta)}});
    }
    bucket_list.push_back(
        json::object{{"name", name}, {"created_ms", bucket.created_ms}, {"objects", std::move(objects)}});
  }
  const json::object root{{"format", kFormat}, {"version", 2}, {"buckets", std::move(bucket_list)}};
  service::write_durably(json::serialize(root), file_);
  // Only once the new index is in place: the files it no longer names (objects overwritten or deleted).
  std::sort(named.begin(), named.end());
  std::vector<std::string> stale;
  std::set_difference(on_disk_.begin(), on_disk_.end(), named.begin(), named.end(), std::back_inserter(stale));
  std::error_code ignored;
  for (const std::string& file : stale) std::filesystem::remove(folder_ + "/" + file, ignored);
  on_disk_ = std::move(named);
}

}  // namespace modelarts::testing::detail::obs

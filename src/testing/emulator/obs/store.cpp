// SPDX-License-Identifier: Apache-2.0
#include "testing/emulator/obs/store.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <boost/json.hpp>
#include <openssl/evp.h>

#include "testing/emulator/service/persistence.hpp"

namespace modelarts::testing::detail::obs {
namespace {

namespace json = boost::json;
constexpr const char* kFormat = "modelarts-emulator-obs";

std::string base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

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

}  // namespace

Store::Store(std::string file, const std::string& default_bucket, std::int64_t now_ms) : file_(std::move(file)) {
  if (!file_.empty() && std::filesystem::exists(file_)) {
    std::ifstream in(file_, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    try {
      const json::value root = json::parse(text.str());
      if (root.at("format") != kFormat) throw std::runtime_error("not an OBS store document");
      for (const auto& b : root.at("buckets").as_array()) {
        Bucket& bucket = buckets[str(b.at("name"))];
        bucket.created_ms = b.at("created_ms").to_number<std::int64_t>();
        for (const auto& o : b.at("objects").as_array()) {
          StoredObject& object = bucket.objects[str(o.at("key"))];
          object.data = unbase64(str(o.at("data")));
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
  }
  if (!default_bucket.empty() && buckets.count(default_bucket) == 0) buckets[default_bucket].created_ms = now_ms;
}

void Store::save() const {
  if (file_.empty()) return;
  json::array bucket_list;
  for (const auto& [name, bucket] : buckets) {
    json::array objects;
    for (const auto& [key, object] : bucket.objects) {
      json::array meta;
      for (const auto& [n, v] : object.meta) meta.push_back(json::array{json::string(n), json::string(v)});
      objects.push_back(json::object{{"key", key},
                                     {"data", base64(object.data)},
                                     {"etag", object.etag},
                                     {"content_type", object.content_type},
                                     {"last_modified_ms", object.last_modified_ms},
                                     {"upload_id", object.upload_id},
                                     {"meta", std::move(meta)}});
    }
    bucket_list.push_back(
        json::object{{"name", name}, {"created_ms", bucket.created_ms}, {"objects", std::move(objects)}});
  }
  const json::object root{{"format", kFormat}, {"version", 1}, {"buckets", std::move(bucket_list)}};
  service::write_durably(json::serialize(root), file_);
}

}  // namespace modelarts::testing::detail::obs

// SPDX-License-Identifier: Apache-2.0
// The emulated OBS (OBS API Reference), path-style on the emulator's listener:
// bucket create/head, object PUT/GET (Range)/HEAD/DELETE, ListObjects, multipart upload (initiate, part,
// complete, abort, ListMultipartUploads), the OBS and S3 V2 signature checks, XML errors, the same fault
// injection as the ModelArts service, a default bucket present from the start. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "testing/emulator/credential_store.hpp"
#include "testing/emulator/fault_injector.hpp"
#include "testing/emulator/http_types.hpp"
#include "testing/emulator/request_target.hpp"
#include "testing/emulator/service_api.hpp"

namespace modelarts::testing::detail::obs {

struct ObsServiceConfig {
  std::string default_bucket;  ///< created at start when missing
  std::string state_file;      ///< buckets and objects persisted here (empty: memory only)
  std::string owner_id;        ///< Owner/ID in listings
  int retry_after_seconds = 1;
};

class ObsService final : public ObjectStorage {
 public:
  /// Throws std::runtime_error when the state file exists but cannot be read.
  ObsService(ObsServiceConfig config, CredentialStore& credentials, FaultInjector& faults);
  ~ObsService();
  ObsService(const ObsService&) = delete;
  ObsService& operator=(const ObsService&) = delete;

  /// One OBS request whose path-style target is `target` (the first segment names the bucket).
  Reply handle(HttpRequestMessage& request, const RequestTarget& target, const std::string& request_id);

  /// For the emulated services that read and write OBS themselves (training jobs: code, logs).
  bool bucket_exists(const std::string& bucket) const override;
  bool object_exists(const std::string& bucket, const std::string& key) const override;
  bool prefix_exists(const std::string& bucket, const std::string& prefix) const override;
  bool put_object(const std::string& bucket, const std::string& key, std::string data,
                  const std::string& content_type) override;
  std::optional<std::string> object_data(const std::string& bucket, const std::string& key) const override;
  /// Signed with a temporary key issued for the link (its security token rides in the query), as the
  /// service's log links are; the URL's base is set_base_url's.
  std::string presigned_get_url(const std::string& bucket, const std::string& key, std::int64_t seconds) override;
  /// "http(s)://host:port" of the emulator's listener, once it is bound.
  void set_base_url(std::string url);
  /// How many multipart uploads are in progress (tests: nothing dangling after an abort).
  std::size_t uploads_in_progress() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modelarts::testing::detail::obs

// The emulated OBS (reference modelarts-v2-and-obs.md section 3), path-style on the emulator's listener:
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

namespace modelarts::testing::detail::obs {

struct ObsServiceConfig {
  std::string default_bucket;  ///< created at start when missing
  std::string state_file;      ///< buckets and objects persisted here (empty: memory only)
  std::string owner_id;        ///< Owner/ID in listings
  int retry_after_seconds = 1;
};

class ObsService {
 public:
  /// Throws std::runtime_error when the state file exists but cannot be read.
  ObsService(ObsServiceConfig config, const CredentialStore& credentials, FaultInjector& faults);
  ~ObsService();
  ObsService(const ObsService&) = delete;
  ObsService& operator=(const ObsService&) = delete;

  /// One OBS request whose path-style target is `target` (the first segment names the bucket).
  Reply handle(HttpRequestMessage& request, const RequestTarget& target, const std::string& request_id);

  /// For the emulated services that read and write OBS themselves (training jobs: code, logs).
  bool object_exists(const std::string& bucket, const std::string& key) const;
  /// Whether any object's key starts with `prefix` in `bucket`.
  bool prefix_exists(const std::string& bucket, const std::string& prefix) const;
  /// Creates or replaces an object (the bucket must exist); false when it does not.
  bool put_object(const std::string& bucket, const std::string& key, std::string data,
                  const std::string& content_type);
  std::optional<std::string> object_data(const std::string& bucket, const std::string& key) const;
  /// How many multipart uploads are in progress (tests: nothing dangling after an abort).
  std::size_t uploads_in_progress() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modelarts::testing::detail::obs

// SPDX-License-Identifier: Apache-2.0
// The seam between the emulator's HTTP server (sockets, TLS, auth, IAM, faults) and its ModelArts v1
// service (state, lifecycle, validation, persistence). The service is pure request -> response, so it is
// tested without sockets.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace modelarts::testing::detail {

struct ServiceRequest {
  std::string method;                  ///< "GET", ...
  /// Decoded path segments: "/v1/p1/visualization-jobs/a%2Fb" -> {"v1", "p1", "visualization-jobs", "a/b"}.
  std::vector<std::string> segments;
  std::vector<std::pair<std::string, std::string>> query;  ///< decoded, in request order
  std::string content_type;
  std::string body;
};

struct ServiceResponse {
  int status = 200;
  std::string body;                    ///< JSON text
  std::vector<std::pair<std::string, std::string>> headers;  ///< Content-Type is added by the server if absent
};

/// The emulator's OBS as the training service uses it: v2 jobs check their code there and export
/// their logs there (ModelArts API Reference, "Training Management"). Implemented by obs::ObsService.
class ObjectStorage {
 public:
  virtual ~ObjectStorage() = default;
  virtual bool bucket_exists(const std::string& bucket) const = 0;
  virtual bool object_exists(const std::string& bucket, const std::string& key) const = 0;
  /// Whether any object's key starts with `prefix`.
  virtual bool prefix_exists(const std::string& bucket, const std::string& prefix) const = 0;
  virtual std::optional<std::string> object_data(const std::string& bucket, const std::string& key) const = 0;
  /// Creates or replaces an object; false when the bucket does not exist.
  virtual bool put_object(const std::string& bucket, const std::string& key, std::string data,
                          const std::string& content_type) = 0;
  /// A pre-signed GET URL of the object (OBS query authentication), valid for `seconds`.
  virtual std::string presigned_get_url(const std::string& bucket, const std::string& key, std::int64_t seconds) = 0;
};

struct ServiceConfig {
  std::string project_id;
  double time_scale = 1.0;             ///< job time runs this many times faster than wall time
  std::string state_file;              ///< empty: memory only
  /// Wall clock in milliseconds since the epoch; replaceable in tests.
  std::function<std::int64_t()> now_ms;
  /// v2 logs/preview window in bytes (the service's is 5 MiB; tests make it small to see it move).
  std::int64_t v2_log_window = 5 * 1024 * 1024;
  /// v2 search reads `offset` as a record offset instead of a page index (docs/service-quirks.md, Q1).
  bool v2_search_record_offsets = false;
  /// The emulator's OBS; null: none (v2 code checks and log export are skipped).
  ObjectStorage* obs = nullptr;
};

/// Every /v1/{project_id}/... endpoint of the ModelArts API Reference (old-version training) and every
/// /v2/{project_id}/... training endpoint (new version). Thread-safe.
class ModelArtsService {
 public:
  explicit ModelArtsService(ServiceConfig config);  ///< loads state_file if it exists; throws std::runtime_error
  ~ModelArtsService();
  ModelArtsService(const ModelArtsService&) = delete;
  ModelArtsService& operator=(const ModelArtsService&) = delete;

  /// Answers one request whose project segment already matched config.project_id and whose caller is
  /// authenticated. A mutating request is persisted (when state_file is set) before this returns.
  ServiceResponse handle(const ServiceRequest& request);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modelarts::testing::detail

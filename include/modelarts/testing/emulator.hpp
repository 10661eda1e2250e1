// SPDX-License-Identifier: Apache-2.0
// An in-process ModelArts v1/v2 + IAM + OBS emulator for offline development and integration tests
// (README "The emulator, for your own tests"). It serves on 127.0.0.1 from background threads until stopped or
// destroyed.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include <modelarts/options.hpp>
#include <modelarts/session.hpp>

namespace modelarts::testing {

/// Defaults, also printed by `modelarts-emulator --help`.
inline constexpr const char* kDefaultAccessKey = "EMULATORACCESSKEY0001";
inline constexpr const char* kDefaultSecretKey = "Xk7pQ2vL9mR4tW8zN1cF6hJ3bD5gS0yE";
inline constexpr const char* kDefaultAccount = "emulator-account";
inline constexpr const char* kDefaultUsername = "emulator-user";
inline constexpr const char* kDefaultPassword = "Z8qT3nV6rK1xW9mP";
inline constexpr const char* kDefaultProjectId = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
inline constexpr const char* kDefaultRegion = "cn-north-4";
/// The OBS bucket that exists from the start (path-style: ENDPOINT/modelarts-emulator/key).
inline constexpr const char* kDefaultBucket = "modelarts-emulator";

class EmulatorOptions {
  MODELARTS_OPTION(std::string, host){"127.0.0.1"};
  MODELARTS_OPTION(std::uint16_t, port){0};                  ///< 0 picks a free port
  MODELARTS_OPTION(bool, tls){false};                        ///< HTTPS with a certificate made at start
  MODELARTS_OPTION(std::string, cert_out);                   ///< write that certificate (PEM) here
  MODELARTS_OPTION(std::string, access_key){kDefaultAccessKey};
  MODELARTS_OPTION(std::string, secret_key){kDefaultSecretKey};
  MODELARTS_OPTION(std::string, account){kDefaultAccount};
  MODELARTS_OPTION(std::string, username){kDefaultUsername};
  MODELARTS_OPTION(std::string, password){kDefaultPassword};
  MODELARTS_OPTION(std::string, project_id){kDefaultProjectId};
  MODELARTS_OPTION(std::string, region){kDefaultRegion};
  /// Speed of job time: 1 = real time; 1000 turns a minute of job life into 60 ms.
  MODELARTS_OPTION(double, time_scale){1.0};
  /// Share (0..1) of ModelArts requests answered with an injected fault (429+Retry-After, 500, 503,
  /// a delay, or a reply cut off mid-body). IAM requests are never faulted.
  MODELARTS_OPTION(double, fault_rate){0.0};
  MODELARTS_OPTION(std::uint64_t, fault_seed){1};            ///< same seed, same fault sequence
  MODELARTS_OPTION(int, retry_after_seconds){1};             ///< Retry-After of injected 429 replies
  MODELARTS_OPTION(std::string, state_file);                 ///< persist every change here before replying
  MODELARTS_OPTION(int, threads){2};
  /// Larger request bodies are refused with 413 (APIGW.0201) and the connection is closed.
  MODELARTS_OPTION(std::size_t, body_limit){1024 * 1024};
  /// v2 logs/preview window in bytes (5 MiB as the service; smaller shows the window moving sooner).
  MODELARTS_OPTION(std::int64_t, v2_log_window){5 * 1024 * 1024};
  /// v2 search reads `offset` as a record offset instead of a page index (docs/service-quirks.md, Q1).
  MODELARTS_OPTION(bool, v2_search_record_offsets){false};
  /// OBS (a path whose first segment is not a version prefix such as v1, v2, v3): larger request bodies (objects, parts) are refused with 413.
  MODELARTS_OPTION(std::size_t, obs_body_limit){std::size_t{256} * 1024 * 1024};
  MODELARTS_OPTION(std::string, default_bucket){kDefaultBucket};  ///< created at start when missing
};

/// Counters for tests (e.g. keep-alive reuse: connections_accepted stays 1 over many calls).
struct EmulatorStats {
  std::uint64_t connections_accepted = 0;
  std::uint64_t requests = 0;
  std::uint64_t faults_injected = 0;
};

class Emulator {
 public:
  /// Binds, starts serving and returns; throws modelarts::Error if it cannot bind or load the state file.
  explicit Emulator(EmulatorOptions options = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT".
  std::string endpoint() const;
  std::uint16_t port() const;
  /// The PEM certificate clients must trust (empty without TLS).
  const std::string& certificate_pem() const;
  /// Session options that reach this emulator with its AK/SK, project and region (and trust its certificate).
  SessionOptions session_options() const;
  /// The same with account/username/password (IAM token) authentication.
  SessionOptions password_session_options() const;

  void set_fault_rate(double rate);
  EmulatorStats stats() const;
  /// Stops accepting and closes connections; idempotent.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace modelarts::testing

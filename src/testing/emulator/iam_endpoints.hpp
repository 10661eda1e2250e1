// SPDX-License-Identifier: Apache-2.0
// The emulated IAM: POST /v3/auth/tokens (password method), GET /v3/projects?name=R and
// POST /v3.0/OS-CREDENTIAL/securitytokens. Answers in IAM's (Keystone's) shapes; never faulted.
#pragma once

#include <string>
#include <string_view>

#include "testing/emulator/credential_store.hpp"
#include "testing/emulator/gateway_auth.hpp"
#include "testing/emulator/http_types.hpp"
#include "testing/emulator/request_target.hpp"

namespace modelarts::testing::detail {

struct IamAccount {
  std::string account;   ///< domain name
  std::string username;
  std::string password;
  std::string project_id;
  std::string region;    ///< the project's name
};

class IamEndpoints {
 public:
  IamEndpoints(IamAccount account, CredentialStore& credentials, const GatewayAuth& auth);

  /// `target.segments` starts with "v3" or "v3.0".
  HttpResponseMessage handle(const HttpRequestMessage& request, const RequestTarget& target,
                             const std::string& request_id);

 private:
  HttpResponseMessage issue_token(const HttpRequestMessage& request, const std::string& request_id);
  HttpResponseMessage list_projects(const RequestTarget& target, const std::string& request_id) const;
  HttpResponseMessage issue_security_token(const HttpRequestMessage& request, const std::string& request_id);

  const IamAccount account_;
  const std::string domain_id_;
  const std::string user_id_;
  CredentialStore& credentials_;
  const GatewayAuth& auth_;
};

}  // namespace modelarts::testing::detail

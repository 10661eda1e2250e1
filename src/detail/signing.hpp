// SPDX-License-Identifier: Apache-2.0
// The AK/SK signature with the body given apart from the request: the pipeline holds a body once, in the
// HttpRequest it sends, and signs it there (an OBS part or a large JSON body is never copied to be signed).
#pragma once

#include <string_view>

#include <modelarts/signer.hpp>

namespace modelarts::detail {

/// modelarts::sign_request with `body` as the payload; request.body is not read.
SignedRequest sign_request_with_body(const SignableRequest& request, std::string_view body,
                                     const SigningCredentials& credentials, std::string_view sdk_date);

}  // namespace modelarts::detail

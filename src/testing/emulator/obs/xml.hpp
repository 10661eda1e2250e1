// SPDX-License-Identifier: Apache-2.0
// The emulated OBS's XML: text escaping, the error body (OBS API Reference, "Error Codes"), and reading the element
// texts of a CompleteMultipartUpload body. Just enough XML for the documented shapes, no namespaces.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace modelarts::testing::detail::obs {

std::string xml_escape(std::string_view text);

/// <?xml ...?><Error><Code/><Message/><RequestId/><HostId/>[extra]</Error>
std::string error_document(std::string_view code, std::string_view message, std::string_view request_id,
                           std::string_view extra_elements = {});

/// The (PartNumber, ETag) pairs of a CompleteMultipartUpload body, in document order; nullopt when the body
/// is not that document or a part lacks either element.
std::optional<std::vector<std::pair<std::string, std::string>>> complete_parts(std::string_view body);

}  // namespace modelarts::testing::detail::obs

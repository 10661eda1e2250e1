// SPDX-License-Identifier: Apache-2.0
// The SDK's public test seam (<modelarts/testing/fake_transport.hpp>), under the names the tests use.
#pragma once

#include <modelarts/testing/fake_transport.hpp>

namespace modelarts::test {
using testing::fake_session_options;
using testing::FakeClock;
using testing::FakeTransport;
}  // namespace modelarts::test

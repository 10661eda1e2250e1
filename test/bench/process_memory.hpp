// SPDX-License-Identifier: Apache-2.0
// Resident memory of this process, from /proc/self/status.
#pragma once

#include <cstdint>

namespace bench {

/// VmRSS in KiB (0 if unreadable).
std::int64_t resident_kib();
/// VmHWM (peak resident set) in KiB.
std::int64_t peak_resident_kib();
/// Resets VmHWM to the current RSS (Linux >= 4.0: "5" into /proc/self/clear_refs); false if refused.
bool reset_peak_resident();

}  // namespace bench

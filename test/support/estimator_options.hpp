// SPDX-License-Identifier: Apache-2.0
// The estimator most tests train with: one worker on the emulator's CPU spec with its PyTorch engine, code
// and output under /bucket/. Tests add what they need on top (and some assert on these values).
#pragma once

#include <modelarts/estimator.hpp>

namespace modelarts::test {

inline EstimatorOptions pytorch_on_cpu() {
  return EstimatorOptions{}
      .train_instance_type("modelarts.vm.cpu.2u")
      .train_instance_count(1)
      .output_path("/bucket/out/")
      .code_dir("/bucket/code/")
      .boot_file("/bucket/code/train.py")
      .framework_type("PyTorch")
      .framework_version("PyTorch-1.0.0-python3.6");
}

}  // namespace modelarts::test

// SPDX-License-Identifier: Apache-2.0
#include "catalog.hpp"

namespace modelarts::testing::detail::service {

const std::vector<ResourceSpec>& resource_specs() {
  static const std::vector<ResourceSpec> specs = {
      {1, "modelarts.vm.cpu.8u", "8", "32", 0, "", 5, ""},
      {2, "modelarts.vm.cpu.2u", "2", "8", 0, "", 2, ""},
      {3, "modelarts.vm.gpu.p100", "8", "64", 1, "P100", 5, "/cache:3200GB"},
      {4, "modelarts.vm.gpu.v100", "8", "64", 1, "v100NV32", 5, "/cache:800GB"},
      {5, "modelarts.vm.gpu.8v100", "64", "512", 8, "v100NV32", 5, "/cache:6400GB"},
      {6, "modelarts.vm.gpu.t4", "8", "32", 1, "T4", 5, "/cache:500GB"},
  };
  return specs;
}

const std::vector<AiEngine>& ai_engines() {
  static const std::vector<AiEngine> engines = {
      {1, 1, "TensorFlow", "TF-1.8.0-python3.6"},
      {2, 1, "TensorFlow", "TF-1.13.1-python3.6"},
      {3, 2, "MXNet", "MXNet-1.2.1-python3.6"},
      {4, 4, "Caffe", "Caffe-1.0.0-python2.7"},
      {5, 5, "Spark_MLlib", "Spark-2.3.2-python3.6"},
      {6, 6, "Scikit_Learn", "Scikit_Learn-0.18.1-python3.6"},
      {7, 9, "XGBoost-Sklearn", "XGBoost-0.80-Sklearn-0.18.1-python3.6"},
      {8, 10, "PyTorch", "PyTorch-1.0.0-python3.6"},
      {9, 10, "PyTorch", "PyTorch-1.3.0-python3.6"},
      {10, 12, "Horovod", "horovod_0.16.2-TF-1.13.1-python3.6"},
      {11, 13, "Ascend-Powered-Engine", "TF-1.15-python3.7-aarch64"},
      {12, 17, "MindSpore-GPU", "MindSpore-1.1.0-python3.7"},
  };
  return engines;
}

const std::vector<BuiltInAlgorithm>& built_in_algorithms() {
  static const std::vector<BuiltInAlgorithm> models = {
      {1, "ResNet_v1_50", 1, "74.2%(top1), 91.7%(top5)", 102503801, "ImageNet, 1000 classes", "TFRecord", 1,
       1556582400000},
      {2, "Inception_v3", 1, "78.0%(top1), 93.9%(top5)", 95362344, "ImageNet, 1000 classes", "TFRecord", 1,
       1556582400000},
      {3, "Faster_RCNN_ResNet_v1_50", 2, "73.6%(mAP)", 200243711, "PASCAL VOC2007, 20 classes", "TFRecord", 3,
       1556582400000},
      {4, "YOLOv3_Darknet53", 2, "81.1%(mAP)", 248007048, "PASCAL VOC2007, 20 classes", "Raw", 3, 1556582400000},
      {5, "DeepLabv3", 3, "72.4%(mIoU)", 183627341, "PASCAL VOC2012, 21 classes", "TFRecord", 1, 1556582400000},
      {6, "BERT_base", 4, "88.4%(accuracy)", 440473133, "chnsenticorp", "Raw", 1, 1556582400000},
  };
  return models;
}

const ResourceSpec* find_spec(std::int64_t spec_id) {
  for (const auto& s : resource_specs())
    if (s.spec_id == spec_id) return &s;
  return nullptr;
}

const AiEngine* find_engine(std::int64_t engine_id) {
  for (const auto& e : ai_engines())
    if (e.engine_id == engine_id) return &e;
  return nullptr;
}

const BuiltInAlgorithm* find_algorithm(std::int64_t model_id) {
  for (const auto& m : built_in_algorithms())
    if (m.model_id == model_id) return &m;
  return nullptr;
}

}  // namespace modelarts::testing::detail::service

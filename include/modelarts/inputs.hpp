// SPDX-License-Identifier: Apache-2.0
// Inputs: where a training job (or config) reads its data from. The v1 API takes exactly one of an OBS
// path (data_url), a dataset version (dataset_id + dataset_version_id), or a list of data sources; each
// factory below builds one of those forms, so an Inputs value always names one form (or none, when
// default-constructed, which the SDK refuses before sending anything).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace modelarts {

/// One hyperparameter ({"label": ..., "value": ...} on the wire; environment variables for custom images).
struct Parameter {
  std::string label;
  std::string value;
};

/// One data_source[] item: {type: "obs", data_url} or {type: "dataset", dataset_id, dataset_version}.
struct DataSource {
  std::string type;             ///< "obs" or "dataset"
  std::string data_url;         ///< type obs
  std::string dataset_id;       ///< type dataset
  std::string dataset_version;  ///< type dataset
};

class Inputs {
 public:
  enum class Kind { none, obs, dataset, data_sources };

  Inputs() = default;
  /// Python: fit(inputs="/bucket/data/")
  static Inputs obs(std::string data_url) {
    Inputs in;
    in.kind_ = Kind::obs;
    in.data_url_ = std::move(data_url);
    return in;
  }
  /// Python: fit(dataset_id=..., dataset_version_id=...)
  static Inputs dataset(std::string dataset_id, std::string dataset_version_id) {
    Inputs in;
    in.kind_ = Kind::dataset;
    in.dataset_id_ = std::move(dataset_id);
    in.dataset_version_id_ = std::move(dataset_version_id);
    return in;
  }
  /// REST data_source[] (several OBS paths or datasets).
  static Inputs data_sources(std::vector<DataSource> sources) {
    Inputs in;
    in.kind_ = Kind::data_sources;
    in.sources_ = std::move(sources);
    return in;
  }

  Kind kind() const noexcept { return kind_; }
  const std::string& data_url() const noexcept { return data_url_; }
  const std::string& dataset_id() const noexcept { return dataset_id_; }
  const std::string& dataset_version_id() const noexcept { return dataset_version_id_; }
  const std::vector<DataSource>& sources() const noexcept { return sources_; }

 private:
  Kind kind_ = Kind::none;
  std::string data_url_;
  std::string dataset_id_;
  std::string dataset_version_id_;
  std::vector<DataSource> sources_;
};

}  // namespace modelarts

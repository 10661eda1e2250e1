// SPDX-License-Identifier: Apache-2.0
#include "job_submit.hpp"

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include <modelarts/error.hpp>
#include <modelarts/v2/estimator.hpp>

#include "obs_progress.hpp"
#include "options.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

// Flags that build the body; --file gives the whole body instead.
const char* const kBodyFlags[] = {"code-dir",       "boot-file", "framework-type", "framework-version", "image-url",
                                  "command",        "algorithm-id", "instance-type", "instance-count",    "pool-id",
                                  "input",          "output",    "parameter",      "env",               "log-export-path",
                                  "description",    "working-dir",  "obs-path"};

/// v2 SDK setting -> the flag it came from, for error messages (longest names first).
std::string in_submit_terms(std::string message) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"training_files.code_dir", "--code-dir"}, {"training_files.boot_file", "--boot-file"},
      {"training_files", "--code-dir/--boot-file"}, {"train_instance_count", "--instance-count"},
      {"train_instance_type", "--instance-type"}, {"framework_type", "--framework-type"},
      {"framework_version", "--framework-version"}, {"user_image_url", "--image-url"},
      {"user_command", "--command"}, {"algorithm_id", "--algorithm-id"}, {"log_url", "--log-export-path"},
      {"job_description", "--description"}, {"job_name", "NAME"}, {"pool_id", "--pool-id"},
      {"training_files.obs_path", "--obs-path"}, {"working_dir", "--working-dir"}, {"code_dir", "--code-dir"},
      {"boot_file", "--boot-file"},
  };
  for (const auto& [setting, flag] : kNames) {
    const std::string name = setting;
    for (std::size_t at = message.find(name); at != std::string::npos; at = message.find(name, at + 1)) {
      const std::size_t end = at + name.size();
      const auto word = [&](std::size_t i) {
        const char c = message[i];
        return (c >= 'a' && c <= 'z') || c == '_' || c == '.';
      };
      if ((at > 0 && word(at - 1)) || (end < message.size() && word(end))) continue;
      message.replace(at, name.size(), flag);
      at += std::string(flag).size() - 1;
    }
  }
  return message;
}

/// KEY=VALUE of a repeatable flag; `empty_value`: "KEY" alone means an empty value.
std::pair<std::string, std::string> key_value(const std::string& flag, const std::string& text, const char* example) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0)
    throw UsageError("bad --" + flag + " '" + text + "'", std::string("write it as ") + example);
  return {text.substr(0, equals), text.substr(equals + 1)};
}

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw UsageError("--file: cannot read '" + path + "'", "give a readable JSON file with the whole create body");
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

/// --file BODY.json, with NAME (when given) as metadata.name.
std::string body_from_file(const Invocation& invocation) {
  for (const char* flag : kBodyFlags) {
    if (invocation.has(flag))
      throw UsageError("--file gives the whole create body: it does not mix with --" + std::string(flag),
                       "put the field in the file, or leave out --file");
  }
  const std::string path = invocation.get_or<std::string>("file", "");
  boost::system::error_code error;
  boost::json::value body = boost::json::parse(read_file(path), error);
  if (error || !body.is_object())
    throw UsageError("--file: '" + path + "' is not a JSON object", "the file holds one create body (kind, metadata, algorithm, spec)");
  if (!invocation.arg(0).empty()) {
    boost::json::value& metadata = body.as_object()["metadata"];
    if (!metadata.is_object()) metadata = boost::json::object();
    metadata.as_object()["name"] = invocation.arg(0);
  }
  return boost::json::serialize(body);
}

v2::EstimatorOptions options_from(const Invocation& invocation) {
  v2::EstimatorOptions options;
  const auto get = [&](const char* flag) { return invocation.get_or<std::string>(flag, ""); };
  options.training_files({get("code-dir"), get("boot-file"), get("obs-path")})
      .framework_type(get("framework-type"))
      .framework_version(get("framework-version"))
      .user_image_url(get("image-url"))
      .user_command(get("command"))
      .algorithm_id(get("algorithm-id"))
      .train_instance_type(get("instance-type"))
      .train_instance_count(invocation.get_or<int>("instance-count", 1))
      .pool_id(get("pool-id"))
      .log_url(get("log-export-path"))
      .working_dir(get("working-dir"))
      .job_description(get("description"));
  std::vector<v2::OutputData> outputs;
  for (const std::string& text : invocation.all("output")) {
    auto [name, path] = key_value("output", text, "NAME=obs://bucket/dir/, e.g. train_url=obs://bkt/out/");
    outputs.push_back({path, name, ""});
  }
  options.outputs(std::move(outputs));
  std::vector<v2::Parameter> parameters;
  for (const std::string& text : invocation.all("parameter")) {
    auto [name, value] = key_value("parameter", text, "NAME=VALUE (NAME= for a flag without value), e.g. epochs=10");
    parameters.push_back({name, value});
  }
  options.parameters(std::move(parameters));
  v2::Environment environment;
  for (const std::string& text : invocation.all("env")) {
    auto [name, value] = key_value("env", text, "NAME=VALUE, e.g. NCCL_DEBUG=INFO");
    environment[name] = value;
  }
  options.env_variables(std::move(environment));
  return options;
}

}  // namespace

void add_submit_flags(CLI::App& app) {
  text(app, "code-dir", "DIR", "the code directory: obs://bucket/code/, or a local directory with --obs-path");
  text(app, "boot-file", "FILE", "the boot file, inside --code-dir (or relative to it)");
  text(app, "obs-path", "OBS_DIR", "upload the local --code-dir under this folder first (obs://bucket/stage/)");
  text(app, "framework-type", "NAME", "preset engine name, e.g. PyTorch (see 'job engines')");
  text(app, "framework-version", "VERSION", "preset engine version (see 'job engines')");
  text(app, "image-url", "IMAGE", "custom image: the SWR image (org/name:tag)");
  text(app, "command", "COMMAND", "custom image: the start command");
  text(app, "algorithm-id", "ID", "a saved algorithm instead of code or image");
  text(app, "instance-type", "FLAVOR", "flavor ID, e.g. modelarts.vm.cpu.8u (see 'job flavors')");
  integer(app, "instance-count", "N", "nodes (default 1)");
  text(app, "pool-id", "ID", "a dedicated resource pool");
  repeated(app, "input", "NAME=OBS_PATH", "an input, e.g. data_url=obs://bkt/data/ (repeatable)");
  repeated(app, "output", "NAME=OBS_PATH", "an output, e.g. train_url=obs://bkt/out/ (repeatable)");
  repeated(app, "parameter", "NAME=VALUE", "an algorithm parameter (repeatable; NAME= for a flag)");
  repeated(app, "env", "NAME=VALUE", "an environment variable (repeatable)");
  text(app, "log-export-path", "OBS_DIR", "where task logs are kept (obs://bkt/logs/)");
  text(app, "working-dir", "DIR", "the container's working directory");
  text(app, "description", "TEXT", "job description (0..256 characters)");
  text(app, "file", "BODY.json", "the whole create body from a file (NAME, when given, becomes metadata.name)");
  flag(app, "dry-run", "print the create body, upload and create nothing");
  flag(app, "wait", "wait until the job ends (exit 6 unless it completed)");
  flag(app, "follow", "stream worker-0's log until the job ends (exit 6 unless it completed)");
}

namespace {

std::vector<v2::InputData> inputs_from(const Invocation& invocation) {
  std::vector<v2::InputData> inputs;
  for (const std::string& text : invocation.all("input")) {
    auto [name, path] = key_value("input", text, "NAME=obs://bucket/dir/, e.g. data_url=obs://bkt/data/");
    inputs.push_back({path, name, ""});
  }
  return inputs;
}

}  // namespace

std::string submit_body(Invocation& invocation) {
  try {
    if (invocation.has("file")) return body_from_file(invocation);
    const std::string name = invocation.arg(0).empty() ? "dry-run" : invocation.arg(0);
    return v2::Estimator(invocation.session(), options_from(invocation)).create_body(inputs_from(invocation), name);
  } catch (const InvalidArgumentError& e) {
    throw UsageError(in_submit_terms(e.what()), "see 'modelarts job submit --help'");
  }
}

v2::TrainingJobInfo submit_job(Invocation& invocation) {
  try {
    if (invocation.has("file")) return v2::Estimator::create_job(invocation.session(), body_from_file(invocation));
    const std::vector<v2::InputData> inputs = inputs_from(invocation);
    v2::EstimatorOptions options = options_from(invocation);
    TransferProgressLine progress(invocation, "uploading code");
    options.code_upload(obs::TransferOptions().progress(progress.callback()));
    v2::TrainingJobInfo created = v2::Estimator(invocation.session(), options).fit(inputs, false, invocation.arg(0)).info();
    progress.finish();
    return created;
  } catch (const InvalidArgumentError& e) {
    throw UsageError(in_submit_terms(e.what()), "see 'modelarts job submit --help'");
  }
}

}  // namespace modelarts::cli

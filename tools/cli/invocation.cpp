// SPDX-License-Identifier: Apache-2.0
#include <ostream>
#include <utility>

#include <CLI/CLI.hpp>

#include "invocation.hpp"

namespace modelarts::cli {

Invocation::Invocation(const GlobalOptions& global, const CLI::App& verb, std::vector<std::string> args,
                       std::ostream& out, std::ostream& err)
    : global_(global), verb_(verb), args_(std::move(args)), out_(out), err_(err) {}

const Session& Invocation::session() {
  if (!session_) session_.emplace(make_session(global_, err_));
  return *session_;
}

std::string Invocation::arg(std::size_t index) const { return index < args_.size() ? args_[index] : std::string(); }

const CLI::Option* Invocation::option(const std::string& name) const {
  // A verb only asks for options it declared: a missing one is a programming error, reported as such.
  return verb_.get_option("--" + name);
}

bool Invocation::has(const std::string& name) const {
  const CLI::Option* declared = verb_.get_option_no_throw("--" + name);
  return declared != nullptr && declared->count() > 0;
}

template <class T>
std::optional<T> Invocation::get(const std::string& name) const {
  if (!has(name)) return std::nullopt;
  return option(name)->as<T>();
}

template std::optional<std::string> Invocation::get<std::string>(const std::string&) const;
template std::optional<int> Invocation::get<int>(const std::string&) const;
template std::optional<std::int64_t> Invocation::get<std::int64_t>(const std::string&) const;
template std::optional<double> Invocation::get<double>(const std::string&) const;

std::vector<std::string> Invocation::all(const std::string& name) const {
  if (!has(name)) return {};
  return option(name)->results();
}

}  // namespace modelarts::cli

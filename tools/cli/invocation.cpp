#include <ostream>
#include <utility>

#include "command.hpp"

namespace modelarts::cli {

Invocation::Invocation(const GlobalOptions& global, po::variables_map options, std::vector<std::string> args,
                       std::ostream& out, std::ostream& err)
    : global_(global), options_(std::move(options)), args_(std::move(args)), out_(out), err_(err) {}

const Session& Invocation::session() {
  if (!session_) session_.emplace(make_session(global_, err_));
  return *session_;
}

std::string Invocation::arg(std::size_t index) const { return index < args_.size() ? args_[index] : std::string(); }

}  // namespace modelarts::cli

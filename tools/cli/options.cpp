// SPDX-License-Identifier: Apache-2.0
#include "options.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include <CLI/CLI.hpp>

namespace modelarts::cli {

namespace {

CLI::Validator whole_number() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        char* end = nullptr;
        errno = 0;
        (void)std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || errno == ERANGE) return "'" + value + "' is not a whole number";
        return {};
      },
      "");
}

CLI::Validator decimal_number() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        char* end = nullptr;
        const double parsed = std::strtod(value.c_str(), &end);
        if (value.empty() || *end != '\0' || !std::isfinite(parsed)) return "'" + value + "' is not a number";
        return {};
      },
      "");
}

CLI::Option* declare(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help,
                     Need need) {
  return app.add_option("--" + name, help)->type_name(value_name)->required(need == Need::required);
}

}  // namespace

void text(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help, Need need) {
  declare(app, name, value_name, help, need);
}

void integer(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help, Need need) {
  declare(app, name, value_name, help, need)->check(whole_number());
}

void number(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help, Need need) {
  declare(app, name, value_name, help, need)->check(decimal_number());
}

void repeated(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help) {
  declare(app, name, value_name, help, Need::optional)->take_all();
}

void flag(CLI::App& app, const std::string& name, const std::string& help) { app.add_flag("--" + name, help); }

}  // namespace modelarts::cli

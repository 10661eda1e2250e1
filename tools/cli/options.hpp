// SPDX-License-Identifier: Apache-2.0
// How a verb declares its options on its CLI11 subcommand. Values stay in CLI11 and are read back through
// Invocation::get<T>("name"); the type checks here make `--per-page many` a usage error naming the option.
// Only this file's .cpp (and dispatch, help, global options) see CLI11 itself: the groups compile without it.
//
//     text(app, "description", "TEXT", "job description");
//     integer(app, "per-page", "N", "items per page", Need::required);   // shown as REQUIRED in the help
//     flag(app, "all", "every page");
//     repeated(app, "hyperparameter", "LABEL=VALUE", "a training parameter (repeatable)");
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace modelarts::cli {

enum class Need { optional, required };

void text(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help,
          Need need = Need::optional);
/// A whole number (read as int or std::int64_t).
void integer(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help,
             Need need = Need::optional);
/// A decimal number (read as double).
void number(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help,
            Need need = Need::optional);
/// May be given several times; Invocation::all() reads every value.
void repeated(CLI::App& app, const std::string& name, const std::string& value_name, const std::string& help);
void flag(CLI::App& app, const std::string& name, const std::string& help);

}  // namespace modelarts::cli

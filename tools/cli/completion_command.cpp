// SPDX-License-Identifier: Apache-2.0
// `modelarts completion bash|zsh`: a completion script for the shell, made from the registered groups, their
// verbs and options, so it never goes stale. Load it with `source <(modelarts completion bash)`.
#include <functional>
#include <ostream>

#include <CLI/CLI.hpp>

#include "groups.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

std::string long_options(const std::function<void(CLI::App&)>& declare) {
  CLI::App scratch;
  scratch.set_help_flag();
  if (declare) declare(scratch);
  std::string words;
  for (const CLI::Option* option : scratch.get_options())
    for (const auto& name : option->get_lnames()) words += " --" + name;
  return words;
}

std::string bash_script() {
  GlobalOptions unused;
  const std::string global = long_options([&unused](CLI::App& app) { add_global_options(app, unused); });
  std::string groups;
  for (const auto& group : all_groups()) groups += " " + group.name;
  std::string cases;
  for (const auto& group : all_groups()) {
    if (group.direct) {
      cases += "    '" + group.name + " '*) words=\"" + long_options(group.verbs.front().add_options) + "\" ;;\n";
      continue;
    }
    std::string verbs;
    for (const auto& verb : group.verbs) {
      verbs += " " + verb.name;
      cases += "    '" + group.name + " " + verb.name + "') words=\"" + long_options(verb.add_options) + "\" ;;\n";
    }
    cases += "    '" + group.name + " ') words=\"" + verbs + "\" ;;\n";
  }
  return "# bash completion for modelarts: source <(modelarts completion bash)\n"
         "_modelarts() {\n"
         "  local cur=${COMP_WORDS[COMP_CWORD]} group='' verb='' w words\n"
         "  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n"
         "    case $w in -*) ;; *) if [ -z \"$group\" ]; then group=$w; elif [ -z \"$verb\" ]; then verb=$w; fi ;; esac\n"
         "  done\n"
         "  case \"$group $verb\" in\n"
         "    ' ') words=\"" + groups + "\" ;;\n" + cases +
         "    *) words='' ;;\n"
         "  esac\n"
         "  case $cur in -*) words=\"$words" + global + "\" ;; esac\n"
         "  COMPREPLY=($(compgen -W \"$words\" -- \"$cur\"))\n"
         "}\n"
         "complete -F _modelarts modelarts\n";
}

int completion(Invocation& invocation) {
  const std::string shell = invocation.arg(0);
  if (shell == "bash") {
    invocation.out() << bash_script();
  } else if (shell == "zsh") {
    invocation.out() << "# zsh completion for modelarts: source <(modelarts completion zsh)\n"
                        "autoload -U +X bashcompinit && bashcompinit\n"
                     << bash_script();
  } else {
    throw UsageError("unknown shell '" + shell + "'", "use 'modelarts completion bash' or 'modelarts completion zsh'");
  }
  return 0;
}

Group completion_group() {
  Group group{"completion", "Print a bash or zsh completion script", {}, true};
  group.verbs.push_back({"completion", "Print a completion script for SHELL (bash or zsh)", {"SHELL"}, {}, completion,
                         "Load it in the current shell:   source <(modelarts completion bash)\n"
                         "or for every shell:            modelarts completion bash > /etc/bash_completion.d/modelarts"});
  return group;
}

const GroupRegistration registered{110, completion_group};

}  // namespace

}  // namespace modelarts::cli

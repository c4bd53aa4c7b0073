// delivsim-docgen OUT_DIR: writes delivsim's man pages and shell completion, generated from the same CLI11
// app the delivsim executable parses with (cli_app.h), under OUT_DIR in the installed layout:
// share/man/man1/*.1, share/bash-completion/completions/delivsim, share/zsh/vendor-completions/_delivsim.
// Run at build time; not installed.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <vector>

#include "sim/cli/bash_completion.h"
#include "sim/cli/cli_app.h"
#include "sim/cli/cli_walk.h"
#include "sim/cli/man_page.h"
#include "sim/cli/zsh_completion.h"
#include "sim/output/text_file.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: delivsim-docgen OUT_DIR\n";
    return 2;
  }
  namespace fs = std::filesystem;
  try {
    CLI::App app;
    const std::vector<delivsim::CliCommand> commands = delivsim::build_cli_app(app);
    const fs::path out(argv[1]);
    const fs::path man = out / "share" / "man" / "man1";
    const fs::path bash = out / "share" / "bash-completion" / "completions";
    const fs::path zsh = out / "share" / "zsh" / "vendor-completions";
    for (const fs::path& folder : {man, bash, zsh}) fs::create_directories(folder);
    delivsim::write_text_file_atomically(man / "delivsim.1", delivsim::main_man_page(app));
    for (const delivsim::CliCommandPath& command : delivsim::cli_commands(app)) {
      delivsim::write_text_file_atomically(man / (command.page_name() + ".1"),
                                           delivsim::command_man_page(app, command));
    }
    delivsim::write_text_file_atomically(bash / "delivsim", delivsim::bash_completion(app));
    delivsim::write_text_file_atomically(zsh / "_delivsim", delivsim::zsh_completion(app));
  } catch (const std::exception& e) {
    std::cerr << "delivsim-docgen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

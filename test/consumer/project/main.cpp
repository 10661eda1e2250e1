// A user's program built against the installed SDK: starts the emulator in-process and makes one signed call.
#include <iostream>
#include <string>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/emulator.hpp>

int main() {
  modelarts::testing::Emulator emulator;
  modelarts::Session session(emulator.session_options());
  auto reply = session.request("GET", "/v1/" + session.project_id() + "/job/ai-engines");
  if (reply.status != 200) {
    std::cerr << "unexpected status " << reply.status << '\n';
    return 1;
  }
  if (std::string(modelarts::version()) != MODELARTS_VERSION_STRING) {
    std::cerr << "version " << modelarts::version() << " != " << MODELARTS_VERSION_STRING << '\n';
    return 1;
  }
  std::cout << "consumer ok " << MODELARTS_VERSION_STRING << "\n";
  return 0;
}

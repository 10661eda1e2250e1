// SPDX-License-Identifier: Apache-2.0
// A user's program built against the installed SDK: starts the emulator in-process and makes one signed call,
// then uses the installed test seam (a scripted transport).
#include <iostream>
#include <memory>
#include <string>

#include <modelarts/modelarts.hpp>
#include <modelarts/testing/emulator.hpp>
#include <modelarts/testing/fake_transport.hpp>

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
  auto transport = std::make_shared<modelarts::testing::FakeTransport>();
  transport->reply(200, R"({"is_success":true})");
  modelarts::TrainingJob(modelarts::Session(modelarts::testing::fake_session_options(transport)), "10", "11")
      .stop_job_version();
  if (transport->request_count() != 1) {
    std::cerr << "the fake transport saw " << transport->request_count() << " requests\n";
    return 1;
  }
  std::cout << "consumer ok " << MODELARTS_VERSION_STRING << "\n";
  return 0;
}

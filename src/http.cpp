#include <modelarts/http.hpp>

#include <cctype>

namespace modelarts {

std::string_view find_header(const HttpHeaders& headers, std::string_view name) noexcept {
  for (const auto& [key, value] : headers) {
    if (key.size() != name.size()) continue;
    bool same = true;
    for (std::size_t i = 0; i < key.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(key[i])) == std::tolower(static_cast<unsigned char>(name[i]));
    }
    if (same) return value;
  }
  return {};
}

}  // namespace modelarts

// A fresh directory under the system's temporary directory for one test's files, removed with
// everything in it when the test ends.
#ifndef JAEGERTRACING_TESTS_SUPPORT_TEMPDIRECTORY_H
#define JAEGERTRACING_TESTS_SUPPORT_TEMPDIRECTORY_H

#include <filesystem>
#include <string>

namespace jaegertracing {
namespace testing {

class TempDirectory {
 public:
  // Throws std::system_error when it cannot be created.
  TempDirectory();
  ~TempDirectory();

  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `text` to path()/name, replacing the file; returns its path. Throws
  // std::runtime_error when it cannot be written.
  std::filesystem::path write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
};

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_TEMPDIRECTORY_H

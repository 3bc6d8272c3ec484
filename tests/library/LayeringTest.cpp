// The folders of src/ are layers, and an include points only down: tracer/ composes the rest and
// nothing includes it; reporters/ drives senders/; every component reads model/, metrics/,
// platform/ and logging/, which sit on concurrency/ and text/. The public headers include no
// file of src/. Read from the source tree, so a new upward include fails here, naming it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

namespace jaegertracing {
namespace testing {
namespace {

namespace fs = std::filesystem;

// A folder may include folders of a lower rank only (and itself).
const std::map<std::string, int> kRanks = {
    {"text", 0},     {"concurrency", 0}, {"logging", 0},   {"model", 1},
    {"metrics", 1},  {"platform", 1},    {"config", 1},    {"propagation", 2},
    {"samplers", 2}, {"senders", 2},     {"reporters", 3}, {"tracer", 4},
};

struct Include {
  std::string file;
  std::string target;
};

std::vector<Include> quotedIncludes(const fs::path& root) {
  static const std::regex kInclude(R"(^\s*#\s*include\s*"([^"]+)\")");
  std::vector<Include> includes;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    std::smatch match;
    while (std::getline(in, line)) {
      if (std::regex_search(line, match, kInclude)) {
        includes.push_back({fs::relative(entry.path(), root).string(), match[1]});
      }
    }
  }
  return includes;
}

std::string folderOf(const std::string& path) { return path.substr(0, path.find('/')); }

TEST(LayeringTest, EveryIncludeInSrcPointsDown) {
  const fs::path src = fs::path(JAEGERTRACING_SOURCE_DIR) / "src";
  const auto includes = quotedIncludes(src);
  ASSERT_GT(includes.size(), 100u) << "read from " << src;
  for (const auto& include : includes) {
    const std::string from = folderOf(include.file);
    ASSERT_TRUE(kRanks.count(from)) << "src/" << from << " has no rank in this test: place it";
    // Generated Thrift and protobuf headers live in the build tree.
    if (!fs::exists(src / include.target)) continue;
    const std::string to = folderOf(include.target);
    if (to == from) continue;
    ASSERT_TRUE(kRanks.count(to)) << "src/" << to << " has no rank in this test: place it";
    EXPECT_LT(kRanks.at(to), kRanks.at(from))
        << "src/" << include.file << " includes \"" << include.target << "\": src/" << from
        << " may include only lower layers";
  }
}

TEST(LayeringTest, NothingInSrcIncludesTheTracerButTheTracer) {
  for (const auto& include : quotedIncludes(fs::path(JAEGERTRACING_SOURCE_DIR) / "src")) {
    if (folderOf(include.target) == "tracer") {
      EXPECT_EQ(folderOf(include.file), "tracer") << include.file << " includes " << include.target;
    }
  }
}

TEST(LayeringTest, PublicHeadersIncludeOnlyPublicHeaders) {
  const auto includes = quotedIncludes(fs::path(JAEGERTRACING_SOURCE_DIR) / "include");
  for (const auto& include : includes) {
    ADD_FAILURE() << "include/" << include.file << " includes \"" << include.target
                  << "\": public headers include <jaegertracing/...> and system headers only";
  }
}

}  // namespace
}  // namespace testing
}  // namespace jaegertracing

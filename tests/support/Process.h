// A child process for end-to-end tests: started with posix_spawn, its stdout read line by line
// through a pipe with a deadline, and never outliving the test: the destructor kills it
// (SIGKILL) and reaps it if it still runs. Every wait has a deadline and none sleeps in a loop.
#ifndef JAEGERTRACING_TESTS_SUPPORT_PROCESS_H
#define JAEGERTRACING_TESTS_SUPPORT_PROCESS_H

#include <sys/types.h>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jaegertracing {
namespace testing {

class Process {
 public:
  // Runs argv[0] (a path) with the test's environment, where `environment` adds or replaces
  // variables. stdout is a pipe read by readLine(); stderr is the test's, so what the child
  // says shows in the test log. Throws std::system_error when it cannot start.
  Process(const std::vector<std::string>& argv,
          const std::map<std::string, std::string>& environment = {});
  ~Process();

  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  pid_t pid() const { return pid_; }

  // The next line of stdout without its newline; nullopt at end of file or at the deadline.
  std::optional<std::string> readLine(std::chrono::milliseconds timeout);

  // Sends a signal unless the process was already reaped.
  void signal(int signalNumber);

  // Waits for the exit and returns the raw waitpid status (use WIFEXITED etc.); nullopt when it
  // still runs at the deadline.
  std::optional<int> wait(std::chrono::milliseconds timeout);

 private:
  pid_t pid_ = -1;
  int stdout_ = -1;
  // A pidfd: readable once the process exited, so wait() can poll it with a deadline.
  int exitFd_ = -1;
  std::optional<int> status_;
  std::string buffered_;
};

// "exited with 3", "killed by signal 9": for assertion messages.
std::string describeStatus(int status);

}  // namespace testing
}  // namespace jaegertracing

#endif  // JAEGERTRACING_TESTS_SUPPORT_PROCESS_H

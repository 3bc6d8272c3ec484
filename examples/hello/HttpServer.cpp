#include "HttpServer.h"

#include <opentracing/ext/tags.h>
#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <iostream>
#include <mutex>
#include <thread>

#include "HttpCarriers.h"
#include "TracerSetup.h"

namespace hello {

sigset_t blockTerminationSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

std::unique_ptr<opentracing::Span> startServerSpan(const opentracing::Tracer& tracer,
                                                   const httplib::Request& request,
                                                   const std::string& operationName) {
  auto parent = tracer.Extract(HttpHeadersReader(request.headers));
  if (!parent) {
    std::cerr << operationName
              << ": cannot extract the caller's context: " << parent.error().message() << std::endl;
  }
  // ChildOf(nullptr) adds no reference: the span is then a root.
  const opentracing::SpanContext* parentContext = parent ? parent->get() : nullptr;
  return tracer.StartSpan(
      operationName,
      {opentracing::ChildOf(parentContext),
       opentracing::SetTag(opentracing::ext::span_kind, opentracing::ext::span_kind_rpc_server)});
}

int serve(httplib::Server& server, const std::string& program, const std::string& host, int port,
          const sigset_t& signals) {
  const int bound =
      port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound <= 0) {
    std::cerr << program << ": cannot listen on " << host << ":" << port << std::endl;
    opentracing::Tracer::Global()->Close();
    return 1;
  }
  std::cout << "listening on " << host << ":" << bound << std::endl;

  std::mutex mutex;
  std::condition_variable listenEnded;
  bool stopped = false;
  // Server::stop() only works once listen_after_bind() is running, and a signal may come just
  // before: keep stopping until listening has ended.
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    std::unique_lock<std::mutex> lock(mutex);
    while (!stopped) {
      server.stop();
      listenEnded.wait_for(lock, std::chrono::milliseconds(100));
    }
  });

  const bool listened = server.listen_after_bind();
  {
    std::lock_guard<std::mutex> lock(mutex);
    stopped = true;
  }
  listenEnded.notify_all();
  // When listening ended by itself the stopper still waits for a signal: send it one. If it has
  // had one already, this one stays pending on it and goes with the thread.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();

  // Every handler has returned (the server joined its workers), so every span is finished.
  opentracing::Tracer::Global()->Close();
  if (!listened) {
    std::cerr << program << ": the server stopped with an error" << std::endl;
    return 1;
  }
  return 0;
}

std::optional<ServerOptions> parseServerOptions(int argc, char** argv, const std::string& program,
                                                int defaultPort) {
  ServerOptions options{"", defaultPort, "127.0.0.1"};
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const char* value = nullptr;
    if ((argument == "--config" || argument == "--port" || argument == "--host") &&
        (value = optionValue(argc, argv, i)) == nullptr) {
      return std::nullopt;
    }
    if (argument == "--config") {
      options.configFile = value;
    } else if (argument == "--host") {
      options.host = value;
    } else if (argument == "--port") {
      options.port = parsePort(value);
      if (options.port < 0) {
        std::cerr << program << ": --port: \"" << value << "\" is not a port number" << std::endl;
        return std::nullopt;
      }
    } else {
      std::cerr << "usage: " << program << " [--config FILE] [--port N] [--host ADDRESS]"
                << std::endl;
      return std::nullopt;
    }
  }
  return options;
}

std::optional<std::string> requireParam(opentracing::Span& span, const httplib::Request& request,
                                        httplib::Response& response, const std::string& name) {
  if (request.has_param(name)) return request.get_param_value(name);
  const std::string message = "missing query parameter " + name;
  span.SetTag(opentracing::ext::error, true);
  span.Log({{"event", "error"}, {"message", message}});
  response.status = 400;
  response.set_content(message + "\n", "text/plain");
  return std::nullopt;
}

}  // namespace hello

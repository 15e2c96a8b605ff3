// A language-server client for tests: starts `clause lsp` as a child process and talks
// to it through pipes with real framed JSON-RPC messages, as an editor does. Every read
// has a deadline, so a server that hangs fails the test instead of stalling it.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace clause::test {

class LspClient {
 public:
  using Json = nlohmann::json;

  LspClient() {
    ::signal(SIGPIPE, SIG_IGN);  // a server that died must fail a check, not kill the tests
    int to_child[2];
    int from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) throw std::runtime_error("pipe failed");
    pid_ = ::fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      ::dup2(to_child[0], STDIN_FILENO);
      ::dup2(from_child[1], STDOUT_FILENO);
      // The server's log (stderr) would clutter the test report.
      const int null = ::open("/dev/null", O_WRONLY);
      if (null >= 0) ::dup2(null, STDERR_FILENO);
      ::close(to_child[0]);
      ::close(to_child[1]);
      ::close(from_child[0]);
      ::close(from_child[1]);
      const char* binary = CLAUSE_BINARY;
      ::execl(binary, binary, "lsp", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }

  ~LspClient() {
    if (in_ >= 0) ::close(in_);
    if (out_ >= 0) ::close(out_);
    if (!exit_status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  LspClient(const LspClient&) = delete;
  LspClient& operator=(const LspClient&) = delete;

  void send_raw(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t n = ::write(in_, bytes.data() + done, bytes.size() - done);
      if (n <= 0) throw std::runtime_error("the server stopped reading");
      done += static_cast<std::size_t>(n);
    }
  }
  void send(const Json& message) {
    const std::string body = message.dump();
    send_raw("Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  }
  void notify(const std::string& method, Json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }
  // Sends a request and returns its response; notifications that come first are kept.
  Json request(const std::string& method, Json params) {
    const int id = next_id_++;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return response_to(id);
  }
  Json response_to(const Json& id) {
    while (true) {
      Json m = receive();
      if (m.contains("id") && m["id"] == id && !m.contains("method")) return m;
      notifications.push_back(std::move(m));
    }
  }
  // The next notification with this method (kept ones first).
  Json notification(const std::string& method) {
    for (auto it = notifications.begin(); it != notifications.end(); ++it) {
      if ((*it)["method"] == method) {
        Json m = std::move(*it);
        notifications.erase(it);
        return m;
      }
    }
    while (true) {
      Json m = receive();
      if (m.value("method", "") == method) return m;
      notifications.push_back(std::move(m));
    }
  }

  // The next message from the server; throws when none comes in time.
  Json receive(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      const std::size_t header_end = buffer_.find("\r\n\r\n");
      if (header_end != std::string::npos) {
        const std::size_t at = buffer_.find("Content-Length: ");
        if (at == std::string::npos || at > header_end) throw std::runtime_error("a frame without Content-Length");
        const std::size_t length = std::stoul(buffer_.substr(at + 16, header_end - at - 16));
        if (buffer_.size() >= header_end + 4 + length) {
          const std::string body = buffer_.substr(header_end + 4, length);
          buffer_.erase(0, header_end + 4 + length);
          return Json::parse(body);
        }
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) throw std::runtime_error("no message from the server in time");
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[65536];
      const ssize_t n = ::read(out_, chunk, sizeof chunk);
      if (n <= 0) throw std::runtime_error("the server closed its output (did it die?)");
      buffer_.append(chunk, static_cast<std::size_t>(n));
    }
  }

  bool alive() {
    if (exit_status_) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      exit_status_ = status;
      return false;
    }
    return true;
  }

  // The exit code once the server has exited; -1 if it was killed by a signal or did not exit in time.
  int wait_for_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (alive() && std::chrono::steady_clock::now() < deadline) ::usleep(10'000);
    if (!exit_status_) return -1;
    return WIFEXITED(*exit_status_) ? WEXITSTATUS(*exit_status_) : -1;
  }

  std::vector<Json> notifications;

 private:
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  int next_id_ = 1;
  std::string buffer_;
  std::optional<int> exit_status_;
};

}  // namespace clause::test

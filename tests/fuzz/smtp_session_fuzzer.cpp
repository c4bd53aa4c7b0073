// libFuzzer target: the bytes a client sends to `delivsim serve`. The input is split into reads at each
// 0xff byte (so pipelining and lines split across reads are explored) and fed to an SMTP session whose judge
// is the live receiver of a small scenario; every input must end in replies, in bounded memory, and every
// reply must be a well-formed SMTP reply line. A message sink (what --keep writes) must see each message's
// content between its begin and its end, no more of it than the size limit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/live/live_receiver.h"
#include "sim/live/smtp_session.h"
#include "sim/scenario/scenario_loader.h"

namespace {

const delivsim::Scenario& scenario() {
  static const delivsim::Scenario s = delivsim::parse_scenario(R"(name: fuzz
identities:
  ips: [{address: 203.0.113.10, age: new, live_source: 127.0.0.1}]
  domains: [{name: news.example.com, age: new}]
pools: {main: [203.0.113.10]}
traffic:
  - {name: t, pool: main, dkim_domain: news.example.com, campaign: {recipients: 10}, domains: {gmail.com: 1.0}}
)",
                                                               "fuzz.yaml");
  return s;
}

/// Every line of `output` is "ddd", "ddd text" or "ddd-text" (RFC 5321 4.2).
bool well_formed(std::string_view output) {
  while (!output.empty()) {
    const std::size_t end = output.find("\r\n");
    if (end == std::string_view::npos) return false;
    const std::string_view line = output.substr(0, end);
    if (line.size() < 3 || line[0] < '2' || line[0] > '5') return false;
    if (line.size() > 3 && line[3] != ' ' && line[3] != '-') return false;
    output.remove_prefix(end + 2);
  }
  return true;
}

/// Traps when the session feeds it out of order or past the size limit.
struct CheckingSink : delivsim::MessageSink {
  bool open = false;
  std::uint64_t octets = 0;
  void begin(const std::string&, const std::vector<std::string>& recipients) override {
    if (open || recipients.empty() || recipients.size() > delivsim::SmtpLimits{}.recipients) __builtin_trap();
    open = true;
    octets = 0;
  }
  void line(std::string_view text) override {
    octets += text.size() + 2;
    if (!open || octets > delivsim::SmtpLimits{}.message_octets + delivsim::SmtpLimits{}.text_line_octets)
      __builtin_trap();
  }
  void end(bool) override {
    if (!open) __builtin_trap();
    open = false;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::chrono::steady_clock::time_point now{};
  const delivsim::LiveClock clock(3600.0, [&now] { return now; });
  delivsim::LiveReceiver live(scenario(), clock, 1024);
  auto judge = live.connect("127.0.0.1", std::nullopt);
  CheckingSink sink;
  delivsim::SmtpSession session(*judge, "mx", delivsim::SmtpLimits{}, true, &sink);
  session.open();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  while (!input.empty() && !session.closing()) {
    const std::size_t cut = input.find('\xff');
    session.receive(input.substr(0, cut));
    input.remove_prefix(cut == std::string_view::npos ? input.size() : cut + 1);
    if (!well_formed(session.output())) __builtin_trap();
    if (session.output().size() > 1 << 20) __builtin_trap();  // replies stay bounded per read
    session.output().clear();
    if (session.tls_pending()) session.tls_started();
    now += std::chrono::seconds(1);
  }
  return 0;
}

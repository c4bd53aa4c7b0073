#include "sim/cli/serve_command.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/option_checks.h"
#include "sim/import/time_scale.h"
#include "sim/live/live_report.h"
#include "sim/live/metrics_http.h"
#include "sim/live/open_file_limit.h"
#include "sim/live/repeating_timer.h"
#include "sim/live/smtp_server.h"
#include "sim/live/tls_context.h"
#include "sim/output/accounting_csv.h"
#include "sim/output/number_format.h"
#include "sim/output/output_dir.h"
#include "sim/output/output_folder.h"
#include "sim/output/text_file.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/yaml/did_you_mean.h"

namespace delivsim {
namespace {

struct ServeArgs {
  std::string file;
  std::vector<std::string> listen{"127.0.0.1:2525"};
  std::string time_scale = "1";  ///< checked by time_scale_value
  std::string metrics;
  std::string out_dir;
  double write_every_minutes = 5.0;
  std::size_t max_connections = 1000;
  double idle_timeout_s = 300;
  double command_timeout_s = 600;
  std::string keep_dir;
  std::string tls_cert, tls_key;
  bool no_starttls = false;
  std::vector<std::string> overrides;
  bool force = false;
};

struct HostPort {
  std::string address;
  std::uint16_t port = 0;
};

/// "ADDRESS:PORT" or "[IPv6]:PORT"; throws std::invalid_argument saying what is wrong.
HostPort parse_host_port(const std::string& text, const std::string& option) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon + 1 == text.size())
    throw std::invalid_argument(option + " \"" + text + "\": expected ADDRESS:PORT such as 127.0.0.1:2525");
  std::string address = text.substr(0, colon);
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  const std::string port_text = text.substr(colon + 1);
  unsigned long port = 0;
  std::size_t used = 0;
  try {
    port = std::stoul(port_text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != port_text.size() || port > 65535)
    throw std::invalid_argument(option + " \"" + text + "\": the port must be a number from 0 to 65535");
  return {address, static_cast<std::uint16_t>(port)};
}

ListenSpec parse_listen(const std::string& text, const LiveReceiver& live) {
  ListenSpec spec;
  std::string where = text;
  const std::size_t equals = text.find('=');
  if (equals != std::string::npos) {
    const std::string name = text.substr(0, equals);
    spec.provider = live.provider_index(name);
    if (!spec.provider) {
      std::vector<std::string_view> names;
      for (const ProviderSpec& p : live.scenario().providers) names.push_back(p.name);
      const std::string hint = closest_name(name, names);
      throw std::invalid_argument("--listen \"" + text + "\": the scenario has no provider \"" + name + "\"" +
                                  (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)"));
    }
    where = text.substr(equals + 1);
  }
  const HostPort host_port = parse_host_port(where, "--listen");
  spec.address = host_port.address;
  spec.port = host_port.port;
  return spec;
}

std::chrono::milliseconds milliseconds_of(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

int serve(const ServeArgs& args) {
  const Scenario scenario = load_scenario(args.file, args.overrides);
  const std::filesystem::path out_dir = args.out_dir.empty()
                                            ? std::filesystem::path("runs") / (scenario.name + "-live")
                                            : std::filesystem::path(args.out_dir);
  // A folder it may not replace is refused before anything is bound; the folder is made further down.
  check_output_folder(out_dir, replace_mode(args.force));
  const double time_scale = parse_time_scale(args.time_scale).value();
  const LiveClock clock(time_scale);
  boost::asio::io_context io;

  std::ofstream accounting, timeseries;  // opened once every socket is bound
  LiveReceiver live(scenario, clock);

  std::vector<ListenSpec> listens;
  std::optional<HostPort> metrics_at;
  try {
    for (const std::string& text : args.listen) listens.push_back(parse_listen(text, live));
    if (!args.metrics.empty()) metrics_at = parse_host_port(args.metrics, "--metrics");
  } catch (const std::invalid_argument& e) {
    std::cerr << "delivsim serve: " << e.what() << "\n";
    return kExitBadInput;
  }

  const std::size_t open_files_wanted = args.max_connections + kDescriptorsBesideConnections;
  const std::size_t open_files = raise_open_file_limit(open_files_wanted);
  if (open_files < open_files_wanted) {
    std::cerr << "delivsim serve: warning: --max-connections " << args.max_connections << " needs about "
              << open_files_wanted << " open files, and this process may have " << open_files
              << " (ulimit -n): connections past that wait in the listen backlog\n";
  }
  ServerLimits limits;
  limits.max_connections = args.max_connections;
  limits.idle_timeout = milliseconds_of(args.idle_timeout_s);
  limits.command_timeout = milliseconds_of(args.command_timeout_s);
  std::optional<boost::asio::ssl::context> tls;
  try {
    if (!args.no_starttls) tls.emplace(make_server_tls_context(args.tls_cert, args.tls_key, "delivsim"));
  } catch (const std::runtime_error& e) {
    std::cerr << "delivsim serve: " << e.what() << "\n";
    return kExitBadInput;
  }
  std::optional<KeptMessages> keep;
  try {
    if (!args.keep_dir.empty()) keep.emplace(args.keep_dir);
  } catch (const std::runtime_error& e) {
    std::cerr << "delivsim serve: " << e.what() << "\n";
    return kExitBadInput;
  }
  SmtpServer server(io, live, limits, tls ? &*tls : nullptr, keep ? &*keep : nullptr);
  MetricsHttp metrics(io, [&live] { return live_prometheus_text(live); });
  const auto write_summary = [&] {
    live.advance();
    accounting.flush();
    timeseries.flush();
    write_text_file_atomically(out_dir / kSummaryJsonName, live_summary_json(live, time_scale));
  };
  try {
    for (const ListenSpec& spec : listens) {
      const auto bound = server.listen(spec);
      std::cout << "listening on " << bound.address().to_string() << ":" << bound.port() << " ("
                << (spec.provider ? scenario.providers[*spec.provider].name : std::string("every provider"))
                << ")\n";
    }
    if (metrics_at) {
      const auto bound = metrics.listen(metrics_at->address, metrics_at->port);
      std::cout << "metrics on http://" << bound.address().to_string() << ":" << bound.port() << "/metrics\n";
    }
    if (keep) keep->make_folder();
  } catch (const std::runtime_error& e) {
    std::cerr << "delivsim serve: " << e.what() << "\n";
    return kExitBadInput;
  }
  // Only now, every argument checked and every socket bound, are the folders made (--keep's above, the
  // outputs' marked as delivsim's), so a bad argument neither leaves a folder nor replaces an earlier run's;
  // accounting.csv and timeseries.csv then grow as replies are given and intervals end (no connection is
  // accepted before io.run()), and summary.json is replaced atomically every --write-every minutes and at the
  // end.
  write_outputs_atomically(
      out_dir, {{kAccountingCsvName, [](std::ostream&) {}}, {kTimeseriesCsvName, [](std::ostream&) {}}},
      replace_mode(args.force));
  accounting.open(out_dir / kAccountingCsvName, std::ios::binary | std::ios::app);
  timeseries.open(out_dir / kTimeseriesCsvName, std::ios::binary | std::ios::app);
  live.write_outputs_to(&accounting, &timeseries);
  std::cout << "time scale " << time_scale << "; outputs: " << out_dir.string() << "/" << std::endl;
  write_summary();

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  const auto write_every = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double, std::ratio<60>>(args.write_every_minutes));
  auto next_write = std::chrono::steady_clock::now() + write_every;
  RepeatingTimer tick(io, std::chrono::seconds(1), [&] {
    live.advance();
    if (std::chrono::steady_clock::now() >= next_write) {
      write_summary();
      next_write += write_every;
    }
  });
  signals.async_wait([&](boost::system::error_code, int signal) {
    std::cout << "signal " << signal << ": stopping" << std::endl;
    server.stop();
    metrics.stop();
    tick.stop();
  });
  io.run();
  live.finish();
  write_summary();
  std::cout << "outputs: " << out_dir.string() << "/" << std::endl;
  if (keep)
    std::cout << format_count_noun(keep->kept(), "message", "messages") << " kept in " << args.keep_dir << "/"
              << std::endl;
  return kExitOk;
}

}  // namespace

CliCommand add_serve_command(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "serve", "Answer real SMTP as the scenario's providers (live mode) until SIGINT or SIGTERM");
  cmd->add_option("file", args->file, "Scenario YAML file")->required()->type_name(kScenarioValue);
  cmd->add_option(
         "--listen", args->listen,
         "[PROVIDER=]ADDRESS:PORT to listen on (repeatable; default 127.0.0.1:2525 for every provider)")
      ->take_all();
  cmd->add_option("--time-scale", args->time_scale,
                  "Run the model's clock K times faster than real time (default 1); the MTA's timers do not "
                  "speed up (`delivsim import --time-scale K` scales an MTA's configuration to match)")
      ->check(time_scale_value());
  cmd->add_option("--metrics", args->metrics, "ADDRESS:PORT for a Prometheus text endpoint (default: none)");
  cmd->add_option("--out", args->out_dir, "Output folder (default: runs/<scenario name>-live/)")
      ->check(not_empty("a folder path"))
      ->type_name(kFolderValue);
  cmd->add_option("--write-every", args->write_every_minutes,
                  "Rewrite summary.json every this many real minutes (default 5)")
      ->check(CLI::Range(0.01, 1440.0));
  cmd->add_option("--max-connections", args->max_connections,
                  "Connections open at once over all listeners (default 1000)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option(
         "--idle-timeout", args->idle_timeout_s,
         "Close a connection silent for this many seconds, 421 4.4.2 (default 300, RFC 5321 4.5.3.2.7)")
      ->check(CLI::Range(0.1, 86400.0));
  cmd->add_option(
         "--command-timeout", args->command_timeout_s,
         "Close a connection whose command line, or message content from DATA to its final \".\", takes "
         "longer than this many seconds, 421 4.4.2 (default 600)")
      ->check(CLI::Range(0.1, 86400.0));
  cmd->add_option("--keep", args->keep_dir,
                  "Keep every accepted message as DIR/NNNNNNNN.eml (default: content is counted and dropped)")
      ->check(not_empty("a folder path"))
      ->type_name(kFolderValue);
  cmd->add_option("--tls-cert", args->tls_cert,
                  "PEM certificate chain for STARTTLS (default: a self-signed one made at start)")
      ->type_name(kFileValue);
  cmd->add_option("--tls-key", args->tls_key, "PEM private key of --tls-cert")->type_name(kFileValue);
  cmd->add_flag("--no-starttls", args->no_starttls, "Do not offer STARTTLS");
  add_set_option(*cmd, args->overrides);
  add_force_flag(*cmd, args->force);
  cmd->footer("Example: delivsim serve scenarios/live-gmail.yaml --listen 127.0.0.1:2525 --time-scale 3600");
  return {cmd, [args] { return serve(*args); }};
}

}  // namespace delivsim

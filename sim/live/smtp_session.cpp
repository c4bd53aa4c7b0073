#include "sim/live/smtp_session.h"

#include <utility>

namespace delivsim {

SmtpSession::SmtpSession(ConnectionJudge& judge, std::string host_name, SmtpLimits limits, bool tls_available,
                         MessageSink* sink)
    : judge_(judge),
      host_name_(std::move(host_name)),
      limits_(limits),
      tls_available_(tls_available),
      sink_(sink) {}

void SmtpSession::open() {
  reply(judge_.greeting());
}

void SmtpSession::receive(std::string_view bytes) {
  while (!bytes.empty() && !closing_ && !tls_pending_) {
    const std::size_t limit = state_ == State::Data ? limits_.text_line_octets : limits_.command_line_octets;
    const std::size_t newline = bytes.find('\n');
    const std::string_view piece =
        bytes.substr(0, newline == std::string_view::npos ? bytes.size() : newline + 1);
    bytes.remove_prefix(piece.size());
    line_octets_ += piece.size();
    // Keep at most one line's worth: an overlong line is counted and dropped, not stored.
    if (line_octets_ <= limit) line_.append(piece);
    if (newline == std::string_view::npos) continue;
    const std::size_t received = line_octets_;
    line_octets_ = 0;
    if (received > limit) {
      line_.clear();
      on_overlong_line(received);
      continue;
    }
    std::string_view text(line_);
    text.remove_suffix(1);  // LF
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    on_line(text, received);
    line_.clear();
  }
}

void SmtpSession::on_line(std::string_view line, std::size_t received_octets) {
  if (state_ == State::Data) {
    data_line(line, received_octets);
  } else {
    command(line);
  }
}

void SmtpSession::on_overlong_line(std::size_t received_octets) {
  if (state_ == State::Data) {
    scan_.overlong_line(received_octets);
  } else {
    error("500 5.5.2 Line too long (RFC 5321 4.5.3.1.4: 512 octets)");
  }
}

void SmtpSession::command(std::string_view line) {
  const SmtpCommand command = parse_smtp_command(line);
  switch (command.verb) {
    case SmtpVerb::Ehlo:
    case SmtpVerb::Helo:
      return ehlo(command, command.verb == SmtpVerb::Ehlo);
    case SmtpVerb::Mail:
      return mail(command);
    case SmtpVerb::Rcpt:
      return rcpt(command);
    case SmtpVerb::Data:
      return data(command);
    case SmtpVerb::Rset:
      if (!command.argument.empty()) return error("501 5.5.4 RSET takes no argument");
      abort_transaction();
      return reply("250 2.0.0 OK");
    case SmtpVerb::Noop:
      return reply("250 2.0.0 OK");
    case SmtpVerb::Quit:
      reply("221 2.0.0 " + host_name_ + " closing connection");
      closing_ = true;
      return;
    case SmtpVerb::Vrfy:
      return reply("252 2.1.5 Cannot VRFY user, but will accept message and attempt delivery");
    case SmtpVerb::StartTls:
      if (!tls_available_ || tls_active_) return error("502 5.5.1 STARTTLS not available");
      if (!command.argument.empty()) return error("501 5.5.4 STARTTLS takes no argument");
      if (state_ == State::Mail) return error("503 5.5.1 STARTTLS inside a mail transaction");
      reply("220 2.0.0 Ready to start TLS");
      tls_pending_ = true;
      return;
    case SmtpVerb::Unknown:
      break;
  }
  error("500 5.5.1 Unrecognized command");
}

void SmtpSession::ehlo(const SmtpCommand& command, bool extended) {
  if (command.argument.empty()) return error("501 5.5.4 Empty HELO/EHLO argument not allowed");
  abort_transaction();
  state_ = State::Ready;
  if (!extended) return reply("250 " + host_name_);
  std::string text = "250-" + host_name_ + " at your service\r\n250-SIZE " +
                     std::to_string(limits_.message_octets) + "\r\n250-8BITMIME\r\n";
  if (tls_available_ && !tls_active_) text += "250-STARTTLS\r\n";
  text += "250-ENHANCEDSTATUSCODES\r\n250 PIPELINING";
  reply(text);
}

void SmtpSession::mail(const SmtpCommand& command) {
  if (state_ == State::Connected) return error("503 5.5.1 EHLO/HELO first");
  if (state_ == State::Mail) return error("503 5.5.1 Nested MAIL command");
  const std::optional<SmtpPath> path = parse_smtp_path(command.argument, "FROM:");
  if (!path) return error("501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n]");
  if (path->size && *path->size > limits_.message_octets)
    return reply("552 5.3.4 Message size exceeds fixed maximum message size");
  const SmtpReply answer = judge_.mail(*path);
  if (answer.text.starts_with('2')) {
    state_ = State::Mail;
    recipients_ = 0;
    if (sink_) {
      reverse_path_ = path->address;
      recipient_addresses_.clear();
    }
  }
  reply(answer);
}

void SmtpSession::rcpt(const SmtpCommand& command) {
  if (state_ != State::Mail) return error("503 5.5.1 Need MAIL before RCPT");
  const std::optional<SmtpPath> path = parse_smtp_path(command.argument, "TO:");
  if (!path || path->address.empty()) return error("501 5.5.4 Syntax: RCPT TO:<address>");
  if (recipients_ >= limits_.recipients) return reply("452 4.5.3 Too many recipients");
  const SmtpReply answer = judge_.rcpt(*path);
  if (answer.text.starts_with('2')) {
    ++recipients_;
    if (sink_) recipient_addresses_.push_back(path->address);
  }
  reply(answer);
}

void SmtpSession::data(const SmtpCommand& command) {
  if (state_ != State::Mail) return error("503 5.5.1 Need MAIL command");
  if (!command.argument.empty()) return error("501 5.5.4 DATA takes no argument");
  if (recipients_ == 0) return reply("554 5.5.1 No valid recipients");
  state_ = State::Data;
  scan_ = MessageScan();
  if (sink_) sink_->begin(reverse_path_, recipient_addresses_);
  reply("354 Go ahead");
}

void SmtpSession::data_line(std::string_view line, std::size_t received_octets) {
  if (line == ".") return end_of_data();
  if (!line.empty() && line.front() == '.') {  // dot-stuffing, RFC 5321 4.5.2
    line.remove_prefix(1);
    --received_octets;
  }
  scan_.line(line, received_octets);
  // Past the size limit the message will be refused: the sink stops taking it.
  if (sink_ && scan_.bytes() <= limits_.message_octets) sink_->line(line);
}

void SmtpSession::end_of_data() {
  const MessageFacts& facts = scan_.finish();
  state_ = State::Ready;
  bool accepted = false;
  if (facts.bytes > limits_.message_octets) {
    reply("552 5.3.4 Message size exceeds fixed maximum message size");
  } else if (facts.line_too_long) {
    reply("500 5.5.2 Line too long (RFC 5321 4.5.3.1.6: 1000 octets)");
  } else {
    ++messages_;
    const SmtpReply answer = judge_.end_of_data(facts);
    accepted = answer.text.starts_with('2');
    reply(answer);
  }
  if (sink_) sink_->end(accepted);
  judge_.reset();
  recipients_ = 0;
}

void SmtpSession::abort_transaction() {
  if (state_ == State::Mail) judge_.reset();
  if (state_ != State::Connected) state_ = State::Ready;
  recipients_ = 0;
}

void SmtpSession::tls_started() {
  tls_pending_ = false;
  tls_active_ = true;
  judge_.tls_started();
  state_ = State::Connected;  // RFC 3207 4.2: the client must send EHLO again
  recipients_ = 0;
  line_.clear();
  line_octets_ = 0;
}

void SmtpSession::reply(std::string_view text) {
  output_.append(text);
  output_.append("\r\n");
}

void SmtpSession::reply(const SmtpReply& answer) {
  if (!answer.text.empty()) reply(answer.text);  // empty: the provider closes without a reply
  if (answer.close) closing_ = true;
}

void SmtpSession::error(std::string_view text) {
  reply(text);
  if (++bad_commands_ >= limits_.bad_commands) {
    reply("421 4.7.0 Too many errors, closing connection");
    closing_ = true;
  }
}

}  // namespace delivsim

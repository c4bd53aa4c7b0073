#pragma once
/// @file One SMTP server conversation as a pure state machine (RFC 5321, with PIPELINING, SIZE, 8BITMIME,
/// ENHANCEDSTATUSCODES and STARTTLS): bytes in, reply text out, no sockets, so every byte sequence can be
/// fuzzed. The protocol's own replies (syntax, sequence, limits) are decided here; every reply about the
/// mail itself comes from a ConnectionJudge (the provider models, live_receiver.h). Memory stays bounded
/// whatever the client sends: at most one line is buffered and the message body is counted, never kept.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/live/message_scan.h"
#include "sim/live/smtp_command.h"

namespace delivsim {

/// A reply: its lines joined by "\r\n" (no final CRLF), and whether the server closes after it (421).
struct SmtpReply {
  std::string text;
  bool close = false;
};

/// Decides the replies about the mail: one per connection.
class ConnectionJudge {
 public:
  virtual ~ConnectionJudge() = default;
  /// The 220 banner, or a refusal (closing) for the client's address.
  virtual SmtpReply greeting() = 0;
  virtual SmtpReply mail(const SmtpPath& reverse_path) = 0;
  virtual SmtpReply rcpt(const SmtpPath& forward_path) = 0;
  /// The reply to the final "." for the transaction's accepted recipients.
  virtual SmtpReply end_of_data(const MessageFacts& message) = 0;
  /// The transaction ended or was abandoned (end of DATA, RSET, EHLO/HELO, a refused DATA).
  virtual void reset() = 0;
  /// The connection now runs over TLS (STARTTLS succeeded): the mail that follows came over TLS.
  virtual void tls_started() = 0;
};

/// Takes each message's content as the client sends it (`delivsim serve --keep DIR`, kept_messages.h).
class MessageSink {
 public:
  virtual ~MessageSink() = default;
  /// DATA was accepted: the transaction's reverse path and accepted recipients.
  virtual void begin(const std::string& reverse_path, const std::vector<std::string>& recipients) = 0;
  /// One line of the content, dot-unstuffed, without its line ending.
  virtual void line(std::string_view text) = 0;
  /// The final "." was answered: `accepted` when with 2xx; a refused message's content is discarded, as is
  /// one whose connection closes before its end.
  virtual void end(bool accepted) = 0;
};

/// RFC 5321 section 4.5.3 sizes and the server's own patience.
struct SmtpLimits {
  std::size_t command_line_octets = 512;       ///< 4.5.3.1.4, CRLF included
  std::size_t text_line_octets = 1000;         ///< 4.5.3.1.6, CRLF included
  std::uint64_t message_octets = 157'286'400;  ///< advertised as SIZE (Gmail advertises 157286400)
  std::size_t recipients = 100;                ///< 4.5.3.1.8: at least 100 must be accepted
  int bad_commands = 20;                       ///< 5xx protocol errors before "421 4.7.0" and a close
};

class SmtpSession {
 public:
  /// `host_name` names the server in the banner-independent replies (EHLO, QUIT); `tls_available` offers
  /// STARTTLS; `sink` (may be null) takes the content of every message.
  SmtpSession(ConnectionJudge& judge, std::string host_name, SmtpLimits limits, bool tls_available,
              MessageSink* sink = nullptr);

  /// The connection opened: queues the judge's greeting.
  void open();
  /// Bytes from the client; the replies they call for are appended to output().
  void receive(std::string_view bytes);
  /// Reply bytes to send; the caller sends and clears them.
  std::string& output() { return output_; }
  /// Close the connection once output() is sent (QUIT, a 421, too many errors).
  bool closing() const { return closing_; }
  /// STARTTLS was accepted: send output(), run the TLS handshake, then call tls_started(). Input received
  /// before the handshake is discarded (RFC 3207 section 6: no plaintext pipelined into TLS).
  bool tls_pending() const { return tls_pending_; }
  /// The handshake succeeded: the session starts over, as RFC 3207 section 4.2 requires.
  void tls_started();
  bool tls_active() const { return tls_active_; }
  /// A command line or a message's content has begun and not ended (the server's command timeout runs).
  bool mid_command() const { return line_octets_ > 0 || state_ == State::Data; }
  /// Message transactions the judge answered at end of DATA (for tests and counters).
  std::uint64_t messages() const { return messages_; }

 private:
  enum class State : std::uint8_t { Connected, Ready, Mail, Data, Closed };

  void on_line(std::string_view line, std::size_t received_octets);
  void on_overlong_line(std::size_t received_octets);
  void command(std::string_view line);
  void data_line(std::string_view line, std::size_t received_octets);
  void end_of_data();
  void ehlo(const SmtpCommand& command, bool extended);
  void mail(const SmtpCommand& command);
  void rcpt(const SmtpCommand& command);
  void data(const SmtpCommand& command);
  void reply(std::string_view text);
  void reply(const SmtpReply& reply);
  /// A protocol error reply (5xx); too many of them end the conversation.
  void error(std::string_view text);
  void abort_transaction();

  ConnectionJudge& judge_;
  std::string host_name_;
  SmtpLimits limits_;
  bool tls_available_;
  bool tls_active_ = false;
  bool tls_pending_ = false;
  bool closing_ = false;
  State state_ = State::Connected;
  std::size_t recipients_ = 0;
  int bad_commands_ = 0;
  std::uint64_t messages_ = 0;
  std::string line_;             ///< the line being received, up to the line limit
  std::size_t line_octets_ = 0;  ///< octets of that line received so far (more than line_ when overlong)
  MessageScan scan_;
  std::string output_;
  MessageSink* sink_;
  // The transaction's envelope, kept only for a sink.
  std::string reverse_path_;
  std::vector<std::string> recipient_addresses_;
};

}  // namespace delivsim

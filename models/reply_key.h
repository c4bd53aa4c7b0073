#pragma once
/// @file The summary key of a reply read back as text (an accounting log's dsnDiag), so that a log's
/// deferrals and bounces are counted under the same keys as delivsim's own summary.json.
#include <string>
#include <string_view>

namespace delivsim {

/// The key ReplyInfo::key gives the reply whose one-line text is `one_line_reply` ("421 4.7.28 Gmail has
/// detected ..." -> "421 4.7.28", "421 4.7.0 [TSS04] Messages from ..." -> "421 4.7.0 [TSS04]", "421 RP-001
/// (...)" -> "421 RP-001"). The longest key of any profile's catalogs (every text set) that the text starts
/// with, followed by a space or the end, wins; a reply no catalog has is keyed by its codes: the basic code
/// plus the enhanced code when the second word is one ("451 4.3.0 ..." -> "451 4.3.0"). Leading spaces and
/// a "smtp;" prefix (PowerMTA's dsnDiag) are ignored. A text that opens with no three-digit code gives
/// kNoReplyCodeKey.
std::string reply_key_of_text(std::string_view one_line_reply);

/// The key of a reply text that opens with no SMTP code (an empty dsnDiag, a local error).
inline constexpr std::string_view kNoReplyCodeKey = "(no reply code)";

}  // namespace delivsim

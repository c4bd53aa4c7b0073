#include "sim/live/kept_messages.h"

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "sim/output/output_path.h"
#include "sim/output/output_path_error.h"

namespace delivsim {

/// One connection's message being written: ".incoming-<pid>-<writer>.tmp" in the folder.
class KeptMessages::Writer final : public MessageSink {
 public:
  Writer(KeptMessages& kept, std::uint64_t id)
      : kept_(kept),
        temporary_(kept.dir_ /
                   (".incoming-" + std::to_string(::getpid()) + "-" + std::to_string(id) + ".tmp")) {}
  ~Writer() override { discard(); }

  void begin(const std::string& reverse_path, const std::vector<std::string>& recipients) override {
    discard();
    file_.open(temporary_, std::ios::binary | std::ios::trunc);
    file_ << "Return-Path: <" << reverse_path << ">\r\n";
    for (const std::string& recipient : recipients)
      file_ << "X-Delivsim-Recipient: <" << recipient << ">\r\n";
  }
  void line(std::string_view text) override {
    if (file_.is_open()) file_ << text << "\r\n";
  }
  void end(bool accepted) override {
    if (!file_.is_open()) return;
    file_.close();
    if (!accepted) return discard();
    if (file_.fail()) {
      std::cerr << "delivsim serve: --keep: could not write " << temporary_.string()
                << "; message not kept\n";
      return discard();
    }
    if (const std::error_code error = kept_.link_numbered(temporary_)) {
      std::cerr << "delivsim serve: --keep: could not name " << temporary_.string() << " (" << error.message()
                << "); message not kept\n";
    } else {
      ++kept_.kept_;
    }
    discard();
  }

 private:
  void discard() {
    if (file_.is_open()) file_.close();
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }

  KeptMessages& kept_;
  std::filesystem::path temporary_;
  std::ofstream file_;
};

namespace {

/// The error for a --keep folder that is not one and cannot be made; `why` in brackets unless empty.
std::runtime_error cannot_make(const std::filesystem::path& dir, const std::string& why) {
  return std::runtime_error("--keep " + dir.string() + ": not a folder that can be made" +
                            (why.empty() ? std::string() : " (" + why + ")"));
}

}  // namespace

KeptMessages::KeptMessages(std::filesystem::path dir) : dir_(std::move(dir)) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(dir_, error);
  if (std::filesystem::is_directory(status)) return;
  if (status.type() != std::filesystem::file_type::not_found)
    throw cannot_make(dir_, error ? error.message() : "it is not a folder");
  try {
    check_output_parent(std::filesystem::absolute(dir_));  // where the missing folders will be made
  } catch (const OutputPathError& e) {
    throw cannot_make(dir_, e.what());
  }
}

void KeptMessages::make_folder() {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error || !std::filesystem::is_directory(dir_)) throw cannot_make(dir_, error ? error.message() : "");
}

std::unique_ptr<MessageSink> KeptMessages::sink() {
  return std::make_unique<Writer>(*this, next_writer_++);
}

std::error_code KeptMessages::link_numbered(const std::filesystem::path& file) {
  for (;; ++next_number_) {
    char name[32];
    std::snprintf(name, sizeof name, "%08llu.eml", static_cast<unsigned long long>(next_number_));
    // A hard link, unlike a rename, fails rather than replace a file of that name.
    std::error_code error;
    std::filesystem::create_hard_link(file, dir_ / name, error);
    if (error != std::errc::file_exists) {
      if (!error) ++next_number_;
      return error;
    }
  }
}

}  // namespace delivsim

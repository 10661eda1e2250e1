// SPDX-License-Identifier: Apache-2.0
// ObsClient transfers: files in one PUT or in parts (read part by part, `parallelism` in flight, aborted on
// failure), incremental directory uploads (limits first, skip unchanged files by size + MD5 = ETag),
// downloads in ranged GETs, and Python's copy().
#include <modelarts/obs.hpp>

#include <algorithm>
#include <chrono>
#include <atomic>
#include <exception>
#include <functional>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>

#include <openssl/evp.h>

#include <modelarts/error.hpp>
#include <modelarts/signer.hpp>

#include "detail/pipeline.hpp"
#include "detail/redaction.hpp"
#include "detail/session_state.hpp"
#include "detail/time_text.hpp"
#include "obs/client_impl.hpp"

namespace modelarts::obs {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMinPartSize = 100 * 1024;
constexpr std::uint64_t kMaxPartSize = std::uint64_t{5} * 1024 * 1024 * 1024;
constexpr std::uint64_t kMaxParts = 10000;

[[noreturn]] void throw_invalid(std::string message) {
  detail::throw_error(detail::invalid_argument_error(std::move(message)));
}

detail::ErrorInfo io_error(const std::string& message) {
  detail::ErrorInfo error;
  error.category = detail::ErrorCategory::invalid_argument;
  error.message = message;
  return error;
}

void check_options(const TransferOptions& options) {
  if (options.part_size() < kMinPartSize || options.part_size() > kMaxPartSize) {
    throw_invalid("part_size must be between 100 KiB and 5 GiB");
  }
  if (options.parallelism() < 1 || options.parallelism() > 64) throw_invalid("parallelism must be 1..64");
}

/// Reads `size` bytes at `offset` of `file`; an error when the file is shorter than that now.
detail::Result<std::string> read_range(const std::string& file, std::uint64_t offset, std::uint64_t size) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return io_error("cannot open " + file);
  in.seekg(static_cast<std::streamoff>(offset));
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size) return io_error(file + " changed while it was being uploaded");
  return data;
}

/// MD5 of `length` bytes of a file from `offset`, read in 1 MiB blocks (raw digest).
std::string md5_of_range(const std::string& file, std::uint64_t offset, std::uint64_t length) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::ifstream in(file, std::ios::binary);
  if (!ctx || !in || EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr) != 1) throw_invalid("cannot read " + file);
  in.seekg(static_cast<std::streamoff>(offset));
  std::string buffer(1024 * 1024, '\0');
  while (length > 0 && in) {
    in.read(buffer.data(), static_cast<std::streamsize>(std::min<std::uint64_t>(buffer.size(), length)));
    const auto got = static_cast<std::uint64_t>(in.gcount());
    if (got > 0) EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(got));
    length -= got;
  }
  if (in.bad() || length > 0) throw_invalid("cannot read " + file);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  return std::string(reinterpret_cast<const char*>(digest), size);
}

std::string hex_of(const std::string& bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0x0F];
  }
  return hex;
}

/// The part size a file of `size` bytes is uploaded with: options.part_size(), grown so that it takes at most
/// 10,000 parts.
std::uint64_t effective_part_size(std::uint64_t size, const TransferOptions& options) {
  std::uint64_t part_size = options.part_size();
  if ((size + part_size - 1) / part_size > kMaxParts) part_size = (size + kMaxParts - 1) / kMaxParts;
  return part_size;
}

std::string unquote(std::string_view etag) {
  if (etag.size() >= 2 && etag.front() == '"' && etag.back() == '"') etag = etag.substr(1, etag.size() - 2);
  return std::string(etag);
}

/// The ETag OBS gives the object completed from parts with these ETags (MD5 hex, quoted or not): the MD5 of their
/// MD5s, "-N" (docs/service-quirks.md, O10), quoted.
std::string expected_multipart_etag(const std::vector<std::string>& part_etags) {
  std::string digests;
  for (const std::string& etag : part_etags) {
    const std::string hex = unquote(etag);
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
      digests += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    }
  }
  return '"' + md5_hex(digests) + "-" + std::to_string(part_etags.size()) + '"';
}

/// The ETag a multipart upload of this file makes (unquoted): the same rule, over its parts read from the disk.
std::string multipart_etag(const std::string& file, std::uint64_t size, const TransferOptions& options) {
  const std::uint64_t part_size = effective_part_size(size, options);
  std::vector<std::string> parts;
  for (std::uint64_t offset = 0; offset < size; offset += part_size) {
    parts.push_back(hex_of(md5_of_range(file, offset, std::min(part_size, size - offset))));
  }
  return unquote(expected_multipart_etag(parts));
}

/// Serialises progress reports from worker threads.
class ProgressReporter {
 public:
  ProgressReporter(const ProgressCallback& callback, std::uint64_t bytes_total, std::size_t files_total)
      : callback_(callback) {
    progress_.bytes_total = bytes_total;
    progress_.files_total = files_total;
  }
  void add(std::uint64_t bytes, std::size_t files) {
    if (!callback_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    progress_.bytes_done += bytes;
    progress_.files_done += files;
    callback_(progress_);
  }

 private:
  const ProgressCallback& callback_;
  std::mutex mutex_;
  TransferProgress progress_;
};

/// Runs `work(i)` for i in [0, count) on up to `threads` threads; stops handing out work after the first
/// exception and returns it (null when every call succeeded).
std::exception_ptr run_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;
  std::exception_ptr failure;
  const auto worker = [&] {
    while (!failed.load()) {
      const std::size_t i = next.fetch_add(1);
      if (i >= count) return;
      try {
        work(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!failure) failure = std::current_exception();
        failed = true;
      }
    }
  };
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(threads), count);
  if (n <= 1) {
    worker();
    return failure;
  }
  std::vector<std::thread> pool;
  pool.reserve(n);
  for (std::size_t i = 0; i < n; ++i) pool.emplace_back(worker);
  for (auto& thread : pool) thread.join();
  return failure;
}

}  // namespace

// Declared here, used by upload_file and the directory uploads: one file to one object.
namespace {

/// A call on the multipart upload `upload_id` of bucket/key (?uploadId=).
ObsCall upload_call(const char* method, const std::string& bucket, const std::string& key, const std::string& upload_id) {
  ObsCall call;
  call.method = method;
  call.bucket = bucket;
  call.key = key;
  call.query = {{"uploadId", upload_id}};
  return call;
}

/// Whether a failed initiate or complete may have taken effect: the request was sent and no answer says it
/// did not (a 5xx, or the connection lost). A 4xx is a definite refusal.
bool outcome_unknown(const detail::ErrorInfo& error) {
  if (error.category == detail::ErrorCategory::api) return error.api.http_status >= 500;
  return error.category == detail::ErrorCategory::transport && error.transport_kind != TransportErrorKind::invalid_reply;
}

int attempts_allowed(const ObsClient::Impl& impl) {
  return std::max(1, detail::SessionAccess::state(impl.session).options.retry().max_attempts());
}

/// POST /{key}?uploads: the new upload's ID. The pipeline never resends it once written (each send would start
/// another upload); here it is sent again after an unknown outcome, and `unsure` says so (strays may exist).
std::string initiate_upload(const ObsClient::Impl& impl, const std::string& bucket, const std::string& key,
                            const std::string& content_type, bool& unsure) {
  for (int attempt = 1;; ++attempt) {
    ObsCall initiate;
    initiate.method = "POST";
    initiate.bucket = bucket;
    initiate.key = key;
    initiate.query = {{"uploads", ""}};
    initiate.headers.emplace_back("Content-Type", content_type);
    initiate.idempotent = false;
    auto initiated = impl.send(std::move(initiate));
    if (initiated) {
      auto upload_id = xml_text(initiated.value().body, "UploadId");
      if (upload_id && !upload_id->empty()) return *upload_id;
      detail::ErrorInfo error;
      error.category = detail::ErrorCategory::transport;
      error.transport_kind = TransportErrorKind::invalid_reply;
      error.message = "POST " + url_of(bucket, key) + "?uploads: no UploadId in the reply";
      detail::throw_error(error);
    }
    if (!outcome_unknown(initiated.error())) detail::throw_error(initiated.error());
    unsure = true;
    if (attempt >= attempts_allowed(impl)) detail::throw_error(initiated.error());
  }
}

/// Aborts the uploads of bucket/key other than `ours` initiated since `since` (less 5 s for clock skew): the
/// leftovers of initiates whose answers were lost. Best effort.
void abort_strays(const ObsClient::Impl& impl, const std::string& bucket, const std::string& key,
                  const std::string& ours, std::chrono::system_clock::time_point since) {
  auto uploads = impl.list_uploads(bucket, key);
  if (!uploads) return;
  for (const auto& [upload_id, initiated] : uploads.value()) {
    const auto at = detail::parse_iso8601_utc(initiated);
    if (upload_id == ours || !at || *at < since - std::chrono::seconds(5)) continue;
    (void)impl.send(upload_call("DELETE", bucket, key, upload_id));
  }
}

/// POST /{key}?uploadId=: completes the upload; returns the object's ETag. Never resent blindly once written: after
/// an unknown outcome a HEAD proves whether the object now holds exactly these parts (its ETag is the one they
/// make); if it does, that is the answer, otherwise the complete is sent again (a repeat of a completed upload is
/// refused by OBS, 404 NoSuchUpload, then the HEAD decides).
detail::Result<std::string> complete_upload(const ObsClient::Impl& impl, const std::string& bucket,
                                            const std::string& key, const std::string& upload_id,
                                            const std::vector<std::string>& etags) {
  std::string body = "<CompleteMultipartUpload>";
  for (std::size_t i = 0; i < etags.size(); ++i) {
    body += "<Part><PartNumber>" + std::to_string(i + 1) + "</PartNumber><ETag>" + etags[i] + "</ETag></Part>";
  }
  body += "</CompleteMultipartUpload>";
  const std::string expected = expected_multipart_etag(etags);
  bool unsure = false;
  for (int attempt = 1;; ++attempt) {
    ObsCall complete = upload_call("POST", bucket, key, upload_id);
    complete.headers.emplace_back("Content-Type", "application/xml");
    complete.body = body;
    complete.idempotent = false;
    auto completed = impl.send(std::move(complete));
    if (completed) return xml_text(completed.value().body, "ETag").value_or(expected);
    const detail::ErrorInfo& error = completed.error();
    const bool gone = error.category == detail::ErrorCategory::api && error.api.http_status == 404;
    if (!outcome_unknown(error) && !(unsure && gone)) return error;
    unsure = true;
    ObsCall head;
    head.method = "HEAD";
    head.bucket = bucket;
    head.key = key;
    auto found = impl.send(std::move(head));
    if (found && unquote(found.value().header("ETag")) == unquote(expected)) return expected;
    if (gone || attempt >= attempts_allowed(impl)) return error;
  }
}


std::string upload_one(const ObsClient::Impl& impl, const std::string& file, std::uint64_t size,
                       const std::string& bucket, const std::string& key, const TransferOptions& options,
                       ProgressReporter& progress) {
  const std::string content_type = content_type_for(key);
  if (size < options.multipart_threshold()) {
    std::string etag = impl.put(bucket, key, read_range(file, 0, size).value_or_throw(), content_type);
    progress.add(size, 0);
    return etag;
  }

  const std::uint64_t part_size = effective_part_size(size, options);
  const std::size_t parts = static_cast<std::size_t>((size + part_size - 1) / part_size);

  const auto started = std::chrono::system_clock::now();
  bool initiate_unsure = false;
  const std::string upload_id = initiate_upload(impl, bucket, key, content_type, initiate_unsure);
  // An initiate whose answer was lost may have left an upload nobody will finish: ours is known, the others of
  // this key started since our first attempt are aborted once we are done (only then, so never our own).
  const auto finish = [&] {
    if (initiate_unsure) abort_strays(impl, bucket, key, upload_id, started);
  };
  const auto abort_upload = [&] {
    (void)impl.send(upload_call("DELETE", bucket, key, upload_id));  // best effort: the failure is what counts
    finish();
  };

  std::vector<std::string> etags(parts);
  const std::exception_ptr failure = run_parallel(parts, options.parallelism(), [&](std::size_t i) {
    const std::uint64_t offset = i * part_size;
    const std::uint64_t length = std::min(part_size, size - offset);
    std::string data = read_range(file, offset, length).value_or_throw();  // one part in memory per worker
    ObsCall call = upload_call("PUT", bucket, key, upload_id);
    call.query.insert(call.query.begin(), {"partNumber", std::to_string(i + 1)});
    call.headers.emplace_back("Content-MD5", md5_base64(data));
    call.body = std::move(data);
    etags[i] = std::string(impl.send(std::move(call)).value_or_throw().header("ETag"));
    progress.add(length, 0);
  });
  if (failure) {
    abort_upload();
    std::rethrow_exception(failure);
  }
  auto completed = complete_upload(impl, bucket, key, upload_id, etags);
  if (!completed) {
    abort_upload();
    detail::throw_error(completed.error());
  }
  finish();
  return completed.value();
}

/// Every regular file under `dir` (sorted by relative path), after checking the limits; nothing is sent.
std::vector<LocalFile> scan_directory(const std::string& dir, const DirectoryLimits& limits) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw_invalid("'" + dir + "' is not a directory");
  std::vector<LocalFile> files;
  std::size_t entries = 0;
  std::uint64_t bytes = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    ++entries;  // files and folders both count (the code-directory limit)
    if (entries > limits.max_entries) {
      throw_invalid("'" + dir + "' holds more than " + std::to_string(limits.max_entries) +
                    " files and folders (the code-directory limit); nothing was uploaded");
    }
    if (!it->is_regular_file(ec)) continue;
    LocalFile file;
    file.path = it->path().string();
    // The name inside the tree, as listed: fs::relative would resolve a symlink to its target's path.
    file.relative = it->path().lexically_relative(dir).generic_string();
    check_object_key(file.relative, file.path);  // every key is checked before anything is sent
    file.size = it->file_size(ec);
    bytes += file.size;
    if (bytes > limits.max_bytes) {
      throw_invalid("'" + dir + "' holds more than " + std::to_string(limits.max_bytes) +
                    " bytes (the code-directory limit); nothing was uploaded");
    }
    files.push_back(std::move(file));
  }
  if (ec) throw_invalid("cannot read '" + dir + "': " + ec.message());
  std::sort(files.begin(), files.end(), [](const LocalFile& a, const LocalFile& b) { return a.relative < b.relative; });
  return files;
}

/// The folder's own name: "a/b/" -> "b", "." -> the current folder's name.
std::string last_component(const std::string& dir) {
  fs::path path = fs::absolute(dir).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();  // "/x/a/b/" -> "/x/a/b"
  const std::string name = path.filename().string();
  if (name.empty()) throw_invalid("'" + dir + "' has no folder name to upload under: name the destination folder");
  return name;
}

std::string folder_key(std::string key) {
  if (!key.empty() && key.back() != '/') key += '/';
  return key;
}

}  // namespace

std::string ObsClient::upload_file(const std::string& local_file, std::string_view obs_dst,
                                   const TransferOptions& options) const {
  check_options(options);
  const ObsPath dst = ObsPath::parse(obs_dst);
  std::error_code ec;
  if (!fs::is_regular_file(local_file, ec)) throw_invalid("'" + local_file + "' is not a file");
  const std::uint64_t size = fs::file_size(local_file, ec);
  const std::string key =
      dst.key.empty() || dst.key.back() == '/' ? dst.key + fs::path(local_file).filename().string() : dst.key;
  ProgressReporter progress(options.progress(), size, 1);
  upload_one(*impl_, local_file, size, dst.bucket, key, options, progress);
  progress.add(0, 1);
  return url_of(dst.bucket, key);
}

namespace {

/// The files of `dir` with their MD5s, and the tree hash: SHA-256 of the sorted "path\tsize\tmd5\n" lines.
std::vector<LocalFile> hash_tree(const std::string& dir, const DirectoryLimits& limits, std::string& tree_hash) {
  std::vector<LocalFile> files = scan_directory(dir, limits);
  std::string listing;
  for (LocalFile& file : files) {
    file.md5 = hex_of(md5_of_range(file.path, 0, file.size));
    listing += file.relative + '\t' + std::to_string(file.size) + '\t' + file.md5 + '\n';
  }
  tree_hash = sha256_hex(listing);
  return files;
}

}  // namespace

UploadDirResult ObsClient::Impl::upload_files(const std::vector<LocalFile>& files, const std::string& tree_hash,
                                              const std::string& bucket, const std::string& prefix,
                                              const TransferOptions& options) const {
  UploadDirResult result;
  result.obs_prefix = url_of(bucket, prefix);
  result.tree_hash = tree_hash;
  std::uint64_t total = 0;
  for (const LocalFile& file : files) total += file.size;

  // What is there already: size and ETag per key (one listing, page by page).
  std::map<std::string, std::pair<std::uint64_t, std::string>> existing;
  for (const auto& item : ObsClient(session).list(result.obs_prefix)) {
    existing[item.key] = {item.size, unquote(item.etag)};
  }

  std::vector<const LocalFile*> to_send;
  ProgressReporter progress(options.progress(), total, files.size());
  for (const LocalFile& file : files) {
    const auto found = existing.find(prefix + file.relative);
    // A file sent in parts has the multipart ETag, not its MD5: computed (reading it again) only for such a match.
    const auto unchanged = [&](const std::string& etag) {
      if (etag.find('-') == std::string::npos) return etag == file.md5;
      return file.size >= options.multipart_threshold() && etag == multipart_etag(file.path, file.size, options);
    };
    if (found != existing.end() && found->second.first == file.size && unchanged(found->second.second)) {
      ++result.files_skipped;
      progress.add(file.size, 1);
    } else {
      to_send.push_back(&file);
    }
  }
  // Small files side by side; a large one uses the parallelism for its parts.
  std::vector<const LocalFile*> small;
  for (const LocalFile* file : to_send) {
    if (file->size >= options.multipart_threshold()) {
      upload_one(*this, file->path, file->size, bucket, prefix + file->relative, options, progress);
      progress.add(0, 1);
    } else {
      small.push_back(file);
    }
  }
  const std::exception_ptr failure = run_parallel(small.size(), options.parallelism(), [&](std::size_t i) {
    upload_one(*this, small[i]->path, small[i]->size, bucket, prefix + small[i]->relative, options, progress);
    progress.add(0, 1);
  });
  if (failure) std::rethrow_exception(failure);
  result.files_uploaded = to_send.size();
  for (const LocalFile* file : to_send) result.bytes_uploaded += file->size;
  return result;
}

UploadDirResult ObsClient::sync_dir(const std::string& local_dir, std::string_view obs_prefix,
                                    const TransferOptions& options, const DirectoryLimits& limits) const {
  check_options(options);
  const ObsPath dst = ObsPath::parse(obs_prefix);
  std::string tree_hash;
  const std::vector<LocalFile> files = hash_tree(local_dir, limits, tree_hash);
  return impl_->upload_files(files, tree_hash, dst.bucket, folder_key(dst.key), options);
}

namespace {

// Content-addressed: the same tree goes to the same prefix, so a retried fit re-uses what is there.
std::string stage_key(const ObsPath& obs_path, const std::string& tree_hash) {
  return folder_key(obs_path.key) + tree_hash.substr(0, 16) + "/code/";
}

}  // namespace

UploadDirResult ObsClient::stage_code_dir(const std::string& local_dir, std::string_view obs_path,
                                          const TransferOptions& options, const DirectoryLimits& limits) const {
  check_options(options);
  const ObsPath dst = ObsPath::parse(obs_path);
  std::string tree_hash;
  const std::vector<LocalFile> files = hash_tree(local_dir, limits, tree_hash);
  return impl_->upload_files(files, tree_hash, dst.bucket, stage_key(dst, tree_hash), options);
}

std::string code_stage_prefix(const std::string& local_dir, std::string_view obs_path, const DirectoryLimits& limits) {
  const ObsPath dst = ObsPath::parse(obs_path);
  std::string tree_hash;
  hash_tree(local_dir, limits, tree_hash);
  return url_of(dst.bucket, stage_key(dst, tree_hash));
}

UploadDirResult ObsClient::upload_dir(const std::string& local_dir, std::string_view obs_dst_dir,
                                      const TransferOptions& options, const DirectoryLimits& limits) const {
  const ObsPath dst = ObsPath::parse(obs_dst_dir);
  return sync_dir(local_dir, url_of(dst.bucket, folder_key(dst.key) + last_component(local_dir) + "/"), options,
                  limits);
}

std::string ObsClient::download_file(std::string_view obs_file, const std::string& local_dst,
                                     const TransferOptions& options) const {
  check_options(options);
  const ObsPath src = ObsPath::parse(obs_file);
  if (src.key.empty() || src.key.back() == '/') throw_invalid("download_file needs an object, not a folder: " + src.url());
  std::error_code ec;
  const bool into_dir = (!local_dst.empty() && local_dst.back() == '/') || fs::is_directory(local_dst, ec);
  const fs::path target =
      into_dir ? fs::path(local_dst) / fs::path(src.key).filename() : fs::path(local_dst);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const ObjectMetadata metadata = head_object(obs_file);
  // Written to a temporary name and renamed at the end: a failed download leaves no partial file behind.
  const fs::path temp = target.string() + ".part";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) throw_invalid("cannot write " + temp.string());
    ProgressReporter progress(options.progress(), metadata.size, 1);
    for (std::uint64_t offset = 0; offset < metadata.size; offset += options.part_size()) {
      const std::uint64_t last = std::min(metadata.size, offset + options.part_size()) - 1;
      std::string data;
      try {
        data = get_object(obs_file, ByteRange{offset, last});
      } catch (...) {
        out.close();
        fs::remove(temp, ec);
        throw;
      }
      if (data.size() != last - offset + 1) {
        out.close();
        fs::remove(temp, ec);
        throw_invalid(src.url() + " changed while it was being downloaded");
      }
      out.write(data.data(), static_cast<std::streamsize>(data.size()));
      progress.add(data.size(), 0);
    }
    if (!out.flush()) throw_invalid("cannot write " + temp.string());
  }
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw_invalid("cannot rename " + temp.string() + ": " + ec.message());
  }
  return target.string();
}

void ObsClient::download_dir(std::string_view obs_dir, const std::string& local_dst_dir,
                             const TransferOptions& options) const {
  const ObsPath src = ObsPath::parse(obs_dir);
  const std::string prefix = folder_key(src.key);
  std::string name = prefix;
  if (!name.empty()) name.pop_back();
  name = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
  const fs::path root = fs::path(local_dst_dir) / (name.empty() ? src.bucket : name);
  // Every key is checked before the first byte is written: a listing that holds a key we cannot fetch as named
  // (or that a hostile server placed outside the prefix or the destination) stops the download before it starts.
  std::vector<std::pair<std::string, fs::path>> objects;
  const fs::path base = root.lexically_normal();
  for (const auto& item : list(url_of(src.bucket, prefix))) {
    if (item.key.empty() || item.key.back() == '/') continue;  // folder markers: empty folders are not made
    if (item.key.compare(0, prefix.size(), prefix) != 0) {
      throw_invalid("the listing of " + url_of(src.bucket, prefix) + " holds a key outside it: " +
                    detail::escape_control(item.key, 200));
    }
    check_object_key(item.key, url_of(src.bucket, item.key));
    const fs::path local = (root / item.key.substr(prefix.size())).lexically_normal();
    if (std::mismatch(base.begin(), base.end(), local.begin(), local.end()).first != base.end()) {
      throw_invalid("object key escapes the destination: " + detail::escape_control(item.key, 200));
    }
    objects.emplace_back(item.key, local);
  }
  for (const auto& [key, local] : objects) download_file(url_of(src.bucket, key), local.string(), options);
}

void ObsClient::copy(const std::string& src, const std::string& dst, const TransferOptions& options) const {
  const bool src_obs = src.rfind("obs://", 0) == 0;
  const bool dst_obs = dst.rfind("obs://", 0) == 0;
  if (src_obs == dst_obs) throw_invalid("copy goes from a local path to obs:// or back: '" + src + "' -> '" + dst + "'");
  if (!src_obs) {
    std::error_code ec;
    if (fs::is_directory(src, ec)) {
      upload_dir(src, dst, options);
    } else {
      upload_file(src, dst, options);
    }
    return;
  }
  if (src.back() == '/') {
    download_dir(src, dst, options);
  } else {
    download_file(src, dst, options);
  }
}

}  // namespace modelarts::obs

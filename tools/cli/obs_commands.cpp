// SPDX-License-Identifier: Apache-2.0
// `modelarts obs cp|ls|rm`: local <-> OBS copies shaped like ma-cli's obs-copy (Python session.obs.copy), a
// listing and deletion, on the session's OBS client (session.obs(): same credentials, retry and TLS rules).
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <modelarts/obs.hpp>

#include "groups.hpp"
#include "json_output.hpp"
#include "obs_progress.hpp"
#include "options.hpp"
#include "table.hpp"
#include "terminal_text.hpp"
#include "usage_error.hpp"

namespace modelarts::cli {

namespace {

namespace fs = std::filesystem;

bool is_obs_url(const std::string& path) { return path.rfind("obs://", 0) == 0; }

bool is_folder(const std::string& url) { return !url.empty() && url.back() == '/'; }

void print_done(Invocation& invocation, const std::string& text, boost::json::object fields) {
  if (invocation.json()) print_json(invocation, success_document(std::move(fields)));
  else invocation.out() << terminal_safe(text) << '\n';
}

/// Local -> OBS: a file to DST (DST ending in '/' is a folder: DST + file name), or with --recursive a folder
/// into DST + <folder name>/, only the changed files (size and MD5 against the stored ETag).
int upload(Invocation& invocation, const std::string& src, const std::string& dst, bool recursive) {
  std::error_code ec;
  const bool folder = fs::is_directory(src, ec);
  if (folder && !recursive) throw UsageError("'" + src + "' is a folder", "add --recursive to copy a folder");
  const obs::ObsClient client = invocation.session().obs();
  TransferProgressLine progress(invocation, "uploading");
  obs::TransferOptions options;
  options.progress(progress.callback());
  if (!folder) {
    const std::string url = client.upload_file(src, dst, options);
    progress.finish();
    print_done(invocation, "uploaded " + src + " to " + url, {{"src", src}, {"dst", url}});
    return 0;
  }
  // A copy is not a code directory: the code-directory limits (1,000 entries, 5 GB) are job submit's, not cp's.
  obs::DirectoryLimits unlimited;
  unlimited.max_entries = static_cast<std::size_t>(-1);
  unlimited.max_bytes = static_cast<std::uint64_t>(-1);
  const obs::UploadDirResult result = client.upload_dir(src, dst, options, unlimited);
  progress.finish();
  print_done(invocation,
             "uploaded " + std::to_string(result.files_uploaded) + (result.files_uploaded == 1 ? " file (" : " files (") +
                 format_bytes(result.bytes_uploaded) +
                 "), " + std::to_string(result.files_skipped) + " unchanged, to " + result.obs_prefix,
             {{"src", src},
              {"dst", result.obs_prefix},
              {"files_uploaded", result.files_uploaded},
              {"files_skipped", result.files_skipped},
              {"bytes_uploaded", result.bytes_uploaded},
              {"tree_hash", result.tree_hash}});
  return 0;
}

/// OBS -> local: an object into DST (a folder, or the file to write), or with --recursive the objects under
/// SRC/ into DST/<last folder name>/.
int download(Invocation& invocation, std::string src, const std::string& dst, bool recursive) {
  if (is_folder(src) && !recursive) throw UsageError("'" + src + "' is a folder", "add --recursive to copy a folder");
  if (recursive && !is_folder(src)) src += '/';
  obs::ObsPath::parse(src);  // a bad bucket name is a usage error before anything is sent
  const obs::ObsClient client = invocation.session().obs();
  TransferProgressLine progress(invocation, "downloading");
  obs::TransferOptions options;
  options.progress(progress.callback());
  if (!recursive) {
    const std::string path = client.download_file(src, dst, options);
    progress.finish();
    print_done(invocation, "downloaded " + src + " to " + path, {{"src", src}, {"dst", path}});
    return 0;
  }
  client.download_dir(src, dst, options);
  progress.finish();
  print_done(invocation, "downloaded " + src + " into " + dst, {{"src", src}, {"dst", dst}});
  return 0;
}

int copy(Invocation& invocation) {
  const std::string src = invocation.arg(0);
  const std::string dst = invocation.arg(1);
  const bool recursive = invocation.flag("recursive");
  if (is_obs_url(src) == is_obs_url(dst))
    throw UsageError("obs cp copies between a local path and obs://bucket/key, not '" + src + "' -> '" + dst + "'",
                     "e.g. modelarts obs cp ./code obs://bucket/stage/ --recursive");
  return is_obs_url(src) ? download(invocation, src, dst, recursive) : upload(invocation, src, dst, recursive);
}

std::string obs_url_arg(const Invocation& invocation) {
  const std::string url = invocation.arg(0);
  if (!is_obs_url(url)) throw UsageError("'" + url + "' is not an OBS path", "write obs://bucket/prefix");
  return url;
}

/// ListObjects under the prefix: folders rolled up at '/' (as `ls`), every object with --recursive.
int list(Invocation& invocation) {
  const std::string url = obs_url_arg(invocation);
  const obs::ObsPath path = obs::ObsPath::parse(url);
  obs::ObjectListing listing = invocation.session().obs().list(url, invocation.flag("recursive") ? "" : "/");
  boost::json::array items;
  Table table({"LAST_MODIFIED", "SIZE", "KEY"});
  std::int64_t count = 0;
  for (const obs::ObjectSummary& item : listing) {
    ++count;
    if (invocation.json()) {
      boost::json::object row{{"key", item.key}};
      if (item.is_prefix) row["is_prefix"] = true;
      else row.insert({{"size", item.size}, {"etag", item.etag}, {"last_modified", item.last_modified}});
      items.push_back(std::move(row));
    } else if (item.is_prefix) {
      table.add_row({"", "DIR", "obs://" + path.bucket + "/" + item.key});
    } else {
      table.add_row({item.last_modified, std::to_string(item.size), "obs://" + path.bucket + "/" + item.key});
    }
  }
  if (invocation.json()) {
    print_json(invocation, list_document(std::move(items), count));
    return 0;
  }
  table.print(invocation.out());
  invocation.out() << count << ' ' << (count == 1 ? "item" : "items") << '\n';
  return 0;
}

/// DELETE one object, or with --recursive every object in the folder (listed first, then deleted). The folder is
/// the path with a '/' added, as `cp --recursive` reads it: "rm obs://b/proj --recursive" must not take
/// obs://b/project-notes.txt along.
int remove(Invocation& invocation) {
  std::string url = obs_url_arg(invocation);
  const bool recursive = invocation.flag("recursive");
  if (recursive && !is_folder(url) && obs::ObsPath::parse(url).key.size() > 0) url += '/';
  const obs::ObsPath path = obs::ObsPath::parse(url);
  if (!recursive && (path.key.empty() || is_folder(path.key)))
    throw UsageError("'" + url + "' is a folder", "add --recursive to delete every object under it");
  const obs::ObsClient client = invocation.session().obs();
  std::vector<std::string> keys;
  if (recursive) {
    for (const obs::ObjectSummary& item : client.list(url)) keys.push_back(item.key);
  } else {
    keys.push_back(path.key);
  }
  // Every key is checked first: one we cannot delete as named stops the command before it deleted anything.
  for (const std::string& key : keys) obs::ObsPath::parse("obs://" + path.bucket + "/" + key);
  for (const std::string& key : keys) client.delete_object("obs://" + path.bucket + "/" + key);
  print_done(invocation,
             recursive ? "deleted " + std::to_string(keys.size()) + (keys.size() == 1 ? " object" : " objects")
                       : "deleted " + url,
             {{"deleted", keys.size()}});
  return 0;
}

void recursive_flag(CLI::App& app, const char* help) { flag(app, "recursive", help); }

Group obs_group() {
  Group group{"obs", "OBS objects: copy local files and folders to and from OBS, list, delete", {}, false};
  group.verbs.push_back(
      {"cp", "Copy a file or folder between the local disk and OBS (ma-cli obs-copy, Python session.obs.copy)",
       {"SRC", "DST"},
       [](CLI::App& app) { recursive_flag(app, "copy a folder (upload: only changed files are sent)"); },
       copy,
       "One side is local, the other obs://bucket/key. Upload: a file goes to DST, or DST + its name when DST ends "
       "in '/'; a folder (--recursive) goes to DST + <folder name>/. Download: an object goes into DST (a folder) "
       "or to DST; a folder (--recursive) into DST/<last folder name>/. A progress line shows on a terminal."});
  group.verbs.push_back({"ls", "List objects under obs://bucket/prefix", {"OBS_URL"},
                         [](CLI::App& app) { recursive_flag(app, "every object, not rolled up into folders"); }, list,
                         "-o json prints {\"items\": [{key, size, etag, last_modified} or {key, is_prefix}], \"total\": N}."});
  group.verbs.push_back({"rm", "Delete an object, or with --recursive every object in a folder", {"OBS_URL"},
                         [](CLI::App& app) { recursive_flag(app, "delete every object in the folder OBS_URL/"); }, remove,
                         "Deleting an object that does not exist succeeds (as OBS answers). With --recursive, OBS_URL "
                         "is a folder: obs://b/proj deletes obs://b/proj/..., never obs://b/project.txt."});
  return group;
}

const GroupRegistration registered{85, obs_group};

}  // namespace

}  // namespace modelarts::cli

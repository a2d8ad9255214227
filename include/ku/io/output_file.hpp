#pragma once
/// @file
/// Writing an output file atomically, through a temporary file beside it, so a failing
/// command never leaves a partial file behind and an existing file is kept.

#include <filesystem>
#include <functional>
#include <string_view>

namespace ku {

/// Writes `content` to `path` atomically: into a new file `path`.tmp-XXXXXX in the same folder,
/// flushed to disk, then renamed over `path`; on any failure the temporary file is removed and
/// `path` is left as it was. Throws ku::error naming the path and the reason.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

namespace detail {

/// Creates a new empty file `path`.tmp-XXXXXX in the folder of `path`, calls `write` with its
/// name, flushes it to disk and renames it over `path`. On any failure (an exception from
/// `write`, or a failing flush or rename) the temporary file is removed and the error passed
/// on; `path` is then left as it was. Throws ku::error when the temporary file cannot be made.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path& temporary)>& write);

} // namespace detail

} // namespace ku

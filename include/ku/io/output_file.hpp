#pragma once
/// @file
/// Writing an output file atomically, through a temporary file beside it, so a failing
/// command never leaves a partial file behind and an existing file is kept. Only a regular file
/// the user may write, with one name, is ever replaced; a symbolic link is written through.

#include <filesystem>
#include <functional>
#include <string_view>

namespace ku {

/// Writes `content` to `path` atomically: into a new file `path`.tmp-XXXXXX in the same folder,
/// flushed to disk, then renamed over `path`; on any failure the temporary file is removed and
/// `path` is left as it was. A symbolic link is followed and the file it names replaced (a loop
/// is refused); a replaced file keeps its mode (and its owner, when run as root). Throws
/// ku::error naming the path and the reason when `path` is a folder, a pipe, a device or a
/// socket, a read-only file (even for root), a file the user may not write, or a file with
/// more than one hard link.
void write_file_atomically(const std::filesystem::path& path, std::string_view content);

namespace detail {

/// Checks `path` as write_file_atomically does, creates a new empty file `path`.tmp-XXXXXX in
/// the folder of the file it names, calls `write` with its name, flushes it to disk and renames
/// it over that file. On any failure (an exception from
/// `write`, or a failing flush or rename) the temporary file is removed and the error passed
/// on; `path` is then left as it was. Throws ku::error when the temporary file cannot be made.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path& temporary)>& write);

} // namespace detail

} // namespace ku

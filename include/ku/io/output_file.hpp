#pragma once
// Internal: writing an output file atomically through a temporary file beside it. Not installed.

#include <filesystem>
#include <functional>

namespace ku::detail {

/// Creates a new empty file `path`.tmp-XXXXXX in the folder of `path`, calls `write` with its
/// name, flushes it to disk and renames it over `path`. On any failure (an exception from
/// `write`, or a failing flush or rename) the temporary file is removed and the error passed
/// on; `path` is then left as it was. Throws ku::error when the temporary file cannot be made.
void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path& temporary)>& write);

} // namespace ku::detail

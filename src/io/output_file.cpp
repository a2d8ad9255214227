// Atomic output files: a temporary file in the same folder, renamed over the target.

#include "ku/io/output_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ku/core/error.hpp"

namespace ku {

namespace detail {

namespace {

/// The process's file mode creation mask, read without changing it (Linux /proc), else 022.
mode_t current_umask()
{
    std::ifstream status{"/proc/self/status"};
    std::string line;
    while (std::getline(status, line)) {
        if (line.starts_with("Umask:")) {
            try {
                return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
            } catch (const std::exception&) {
                break;
            }
        }
    }
    return 022;
}

/// Flushes a file (or folder) to disk; false when that fails.
bool sync(const std::filesystem::path& path, bool folder)
{
    const int fd = ::open(path.c_str(), folder ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) {
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

std::string failure(const std::filesystem::path& path, std::string_view reason)
{
    return "cannot write " + path.string() + ": " + std::string{reason};
}

} // namespace

void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path& temporary)>& write)
{
    if (path.empty()) {
        throw error("cannot write a file without a name");
    }
    std::string pattern = path.string() + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        throw error(failure(path, std::strerror(errno)));
    }
    // mkstemp makes the file private (0600); give it the mode a new file gets.
    (void)::fchmod(fd, static_cast<mode_t>(0666) & ~current_umask());
    ::close(fd);
    const std::filesystem::path temporary{name.data()};
    try {
        write(temporary);
        if (!sync(temporary, false)) {
            throw error(failure(path, std::strerror(errno)));
        }
        std::error_code renamed;
        std::filesystem::rename(temporary, path, renamed);
        if (renamed) {
            throw error(failure(path, renamed.message()));
        }
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path{"."};
    (void)sync(folder, true); // the rename itself is durable once the folder is flushed
}

} // namespace detail

void write_file_atomically(const std::filesystem::path& path, std::string_view content)
{
    detail::write_atomically(path, [&](const std::filesystem::path& temporary) {
        std::ofstream out{temporary, std::ios::binary | std::ios::trunc};
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.close();
        if (!out) {
            throw error(detail::failure(path, "the file could not be written"));
        }
    });
}

} // namespace ku

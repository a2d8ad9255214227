// Atomic output files: a temporary file in the same folder, renamed over the target. What is
// already at the path is replaced only when it is a regular file the user may write, with one
// name; a symbolic link is followed to the file it names, which is replaced in its place.

#include "ku/io/output_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
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

/// What a file that is not a regular file is, in the words of a refusal.
std::string_view kind_of(mode_t mode)
{
    if (S_ISDIR(mode)) {
        return "it is a folder";
    }
    if (S_ISFIFO(mode)) {
        return "it is a named pipe (FIFO)";
    }
    if (S_ISCHR(mode)) {
        return "it is a character device";
    }
    if (S_ISBLK(mode)) {
        return "it is a block device";
    }
    if (S_ISSOCK(mode)) {
        return "it is a socket";
    }
    return "it is not a regular file";
}

/// The file `path` names once every symbolic link is followed (at most 40, as the kernel
/// does). Throws ku::error for a loop of links.
std::filesystem::path written_file(const std::filesystem::path& path)
{
    std::filesystem::path target = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat info {};
        if (::lstat(target.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) {
            return target;
        }
        std::error_code failed;
        const std::filesystem::path next = std::filesystem::read_symlink(target, failed);
        if (failed) {
            throw error(failure(path, failed.message()));
        }
        target = next.is_absolute() ? next : target.parent_path() / next;
    }
    throw error(failure(path, "its symbolic links form a loop"));
}

/// The status of the file at `target` that a write would replace, or none when there is none.
/// Throws ku::error when it is not a regular file, is read-only, or has other names.
std::optional<struct stat> replaced_file(const std::filesystem::path& path, const std::filesystem::path& target)
{
    struct stat info {};
    if (::lstat(target.c_str(), &info) != 0) {
        if (errno == ENOENT) {
            return std::nullopt;
        }
        throw error(failure(path, std::strerror(errno)));
    }
    if (!S_ISREG(info.st_mode)) {
        throw error(failure(path, std::string{kind_of(info.st_mode)} + "; ku replaces only a regular file"));
    }
    if ((info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) {
        throw error(failure(path, "the file is read-only; ku does not replace it"));
    }
    if (::access(target.c_str(), W_OK) != 0) {
        throw error(failure(path, "you may not write the file; ku does not replace it"));
    }
    if (info.st_nlink > 1) {
        throw error(failure(path, "the file has " + std::to_string(info.st_nlink) +
                                      " hard links; replacing it would separate it from the others"));
    }
    return info;
}

} // namespace

void write_atomically(const std::filesystem::path& path,
                      const std::function<void(const std::filesystem::path& temporary)>& write)
{
    if (path.empty()) {
        throw error("cannot write a file without a name");
    }
    const std::filesystem::path target = written_file(path);
    const std::optional<struct stat> existing = replaced_file(path, target);
    std::string pattern = target.string() + ".tmp-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        throw error(failure(path, std::strerror(errno)));
    }
    // mkstemp makes the file private (0600): give it the replaced file's mode and owner, or the
    // mode a new file gets.
    if (existing) {
        (void)::fchmod(fd, existing->st_mode & 07777);
        if (::geteuid() == 0) {
            (void)::fchown(fd, existing->st_uid, existing->st_gid);
            (void)::fchmod(fd, existing->st_mode & 07777); // chown clears set-id bits
        }
    } else {
        (void)::fchmod(fd, static_cast<mode_t>(0666) & ~current_umask());
    }
    ::close(fd);
    const std::filesystem::path temporary{name.data()};
    try {
        write(temporary);
        if (!sync(temporary, false)) {
            throw error(failure(path, std::strerror(errno)));
        }
        std::error_code renamed;
        std::filesystem::rename(temporary, target, renamed);
        if (renamed) {
            throw error(failure(path, renamed.message()));
        }
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        throw;
    }
    const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path{"."};
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

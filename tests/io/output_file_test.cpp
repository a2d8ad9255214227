// --output never destroys what is at the path: only a regular file the user may write, with one
// name, is replaced; a symbolic link is written through; the replaced file keeps its mode.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "ku/core/error.hpp"
#include "ku/io/output_file.hpp"

namespace {

namespace fs = std::filesystem;

/// A fresh, empty folder for one test, removed when the test ends.
struct scratch_folder {
    fs::path path;
    explicit scratch_folder(const std::string& name) : path{fs::temp_directory_path() / ("ku_output_" + name)}
    {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~scratch_folder()
    {
        std::error_code ignored;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ignored);
        fs::remove_all(path, ignored);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;
    [[nodiscard]] fs::path operator/(const std::string& name) const { return path / name; }
};

std::string read(const fs::path& file)
{
    std::ifstream in{file, std::ios::binary};
    return {std::istreambuf_iterator<char>{in}, {}};
}

void write(const fs::path& file, const std::string& text)
{
    std::ofstream{file, std::ios::binary} << text;
}

std::size_t entries(const fs::path& folder)
{
    return static_cast<std::size_t>(std::distance(fs::directory_iterator{folder}, fs::directory_iterator{}));
}

mode_t mode_of(const fs::path& file)
{
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    return info.st_mode & 07777;
}

} // namespace

TEST_CASE("a new output file is created with the contents and nothing else is left beside it", "[output]")
{
    const scratch_folder folder{"new"};
    ku::write_file_atomically(folder / "out.csv", "code,kommun\n0604,Aneby\n");
    CHECK(read(folder / "out.csv") == "code,kommun\n0604,Aneby\n");
    CHECK(entries(folder.path) == 1);
}

TEST_CASE("a replaced output file keeps its mode", "[output]")
{
    const scratch_folder folder{"mode"};
    write(folder / "out.csv", "old\n");
    REQUIRE(::chmod((folder / "out.csv").c_str(), 0640) == 0);
    ku::write_file_atomically(folder / "out.csv", "new\n");
    CHECK(read(folder / "out.csv") == "new\n");
    CHECK(mode_of(folder / "out.csv") == 0640);
}

TEST_CASE("a read-only output file is refused and kept, even for root", "[output]")
{
    const scratch_folder folder{"read_only"};
    write(folder / "out.csv", "published\n");
    REQUIRE(::chmod((folder / "out.csv").c_str(), 0444) == 0);
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "out.csv", "new\n"),
                        "cannot write " + (folder / "out.csv").string() +
                            ": the file is read-only; ku does not replace it");
    CHECK(read(folder / "out.csv") == "published\n");
    CHECK(mode_of(folder / "out.csv") == 0444);
    CHECK(entries(folder.path) == 1);
}

TEST_CASE("a folder at the output path is refused", "[output]")
{
    const scratch_folder folder{"folder"};
    fs::create_directories(folder / "taken");
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "taken", "x"),
                        "cannot write " + (folder / "taken").string() +
                            ": it is a folder; ku replaces only a regular file");
    CHECK(fs::is_directory(folder / "taken"));
    CHECK(entries(folder.path) == 1);
}

TEST_CASE("a named pipe at the output path is refused and stays a pipe", "[output]")
{
    const scratch_folder folder{"fifo"};
    REQUIRE(::mkfifo((folder / "pipe").c_str(), 0644) == 0);
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "pipe", "x"),
                        Catch::EndsWith(": it is a named pipe (FIFO); ku replaces only a regular file"));
    CHECK(fs::is_fifo(folder / "pipe"));
}

TEST_CASE("a character device at the output path is refused", "[output]")
{
    REQUIRE_THROWS_WITH(ku::write_file_atomically("/dev/null", "x"),
                        "cannot write /dev/null: it is a character device; ku replaces only a regular file");
    CHECK(fs::is_character_file("/dev/null"));
}

TEST_CASE("a file with a second hard link is refused so the two names stay one file", "[output]")
{
    const scratch_folder folder{"hard_link"};
    write(folder / "out.csv", "shared\n");
    fs::create_hard_link(folder / "out.csv", folder / "other.csv");
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "out.csv", "new\n"),
                        Catch::EndsWith(": the file has 2 hard links; replacing it would separate it from the others"));
    CHECK(read(folder / "other.csv") == "shared\n");
    CHECK(fs::hard_link_count(folder / "out.csv") == 2);
}

TEST_CASE("a symbolic link is written through: the file it names is replaced and the link kept", "[output]")
{
    const scratch_folder folder{"symlink"};
    fs::create_directories(folder / "real");
    write(folder / "real" / "out.csv", "old\n");
    REQUIRE(::chmod((folder / "real" / "out.csv").c_str(), 0600) == 0);
    fs::create_symlink("real/out.csv", folder / "link.csv");
    ku::write_file_atomically(folder / "link.csv", "new\n");
    CHECK(fs::is_symlink(folder / "link.csv"));
    CHECK(read(folder / "real" / "out.csv") == "new\n");
    CHECK(mode_of(folder / "real" / "out.csv") == 0600);
    CHECK(entries(folder / "real") == 1);
}

TEST_CASE("a symbolic link to a file not yet there creates that file", "[output]")
{
    const scratch_folder folder{"dangling"};
    fs::create_symlink("target.csv", folder / "link.csv");
    ku::write_file_atomically(folder / "link.csv", "new\n");
    CHECK(fs::is_symlink(folder / "link.csv"));
    CHECK(read(folder / "target.csv") == "new\n");
}

TEST_CASE("a loop of symbolic links is refused", "[output]")
{
    const scratch_folder folder{"loop"};
    fs::create_symlink("b", folder / "a");
    fs::create_symlink("a", folder / "b");
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "a", "x"),
                        "cannot write " + (folder / "a").string() + ": its symbolic links form a loop");
    CHECK(entries(folder.path) == 2);
}

TEST_CASE("a file in a folder that does not exist is refused with the OS reason", "[output]")
{
    const scratch_folder folder{"missing"};
    REQUIRE_THROWS_AS(ku::write_file_atomically(folder / "missing" / "out.csv", "x"), ku::error);
    REQUIRE_THROWS_WITH(ku::write_file_atomically(folder / "missing" / "out.csv", "x"),
                        "cannot write " + (folder / "missing" / "out.csv").string() + ": No such file or directory");
}

TEST_CASE("a failing writer leaves the old file as it was and no temporary file", "[output]")
{
    const scratch_folder folder{"failing"};
    write(folder / "out.csv", "old\n");
    REQUIRE_THROWS_WITH(ku::detail::write_atomically(folder / "out.csv",
                                                     [](const fs::path&) { throw ku::error("the writer failed"); }),
                        "the writer failed");
    CHECK(read(folder / "out.csv") == "old\n");
    CHECK(entries(folder.path) == 1);
}

// Inputs the fuzzers (fuzz/) found to crash or misbehave, each a test named after what it was.
// Each input is refused with a ku::error now; before the fix it was undefined behaviour or an
// exception that is not a ku::error.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "ku/ku.hpp"

namespace {

/// An empty scratch folder, removed at the end of the test.
class scratch_folder {
public:
    explicit scratch_folder(const std::string& name)
        : path_{std::filesystem::temp_directory_path() / ("ku-fuzz-regression-" + name)}
    {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~scratch_folder() { std::filesystem::remove_all(path_); }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
};

} // namespace

// fuzz_money, from its seed corpus: the decimal digits of a ratio were checked against
// INT64_MAX / 10 before multiplying by ten, not against (INT64_MAX - digit) / 10 before adding
// the digit, so a last digit past ...807 overflowed a signed 64-bit integer (UBSan).
TEST_CASE("fuzz regression: a ratio whose last decimal digit passes the 64-bit limit is refused, not overflowed",
          "[fuzz][ratio]")
{
    CHECK_THROWS_AS(ku::ratio::parse("92 233 720 368 547 758,08"), ku::parse_error);
    CHECK_THROWS_AS(ku::ratio::parse("92233720368547758,09"), ku::parse_error);
    CHECK_THROWS_AS(ku::weight::parse("92233720368547758,08"), ku::parse_error);
    // The largest numerator still reads.
    const ku::ratio largest = ku::ratio::parse("92 233 720 368 547 758,07");
    CHECK(largest.num() == 9'223'372'036'854'775'807);
    CHECK(largest.den() == 100);
}

// fuzz_spec: a key file named "../" is a folder; opening it succeeds, reading it threw
// std::ios_base::failure out of the CSV reader, which is not a ku::error.
TEST_CASE("fuzz regression: a key file that is a folder is a ku::error, not an escaping std::ios_base::failure",
          "[fuzz][csv][spec]")
{
    const scratch_folder folder{"key-file-is-a-folder"};
    const std::filesystem::path spec = folder.path() / "spec.toml";
    std::ofstream{spec} << "[keys]\nB = { file = \"../\", column = \"key_b\" }\n"
                           "[[fees]]\nname = \"Avgift\"\ntotal = \"1 000\"\nkey = \"B\"\n";
    REQUIRE_THROWS_AS(ku::read_proposal_spec(spec, ku::jonkopings_lan()), ku::error);
    REQUIRE_THROWS_WITH(ku::read_proposal_spec(spec, ku::jonkopings_lan()), Catch::Contains("cannot be read"));
    REQUIRE_THROWS_AS(ku::read_csv_file(folder.path()), ku::error);
}

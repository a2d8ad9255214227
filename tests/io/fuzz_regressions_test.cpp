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
class scratch_dir {
public:
    explicit scratch_dir(const std::string& name)
        : path_{std::filesystem::temp_directory_path() / ("ku-fuzz-regression-" + name)}
    {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~scratch_dir() { std::filesystem::remove_all(path_); }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;

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
    const scratch_dir folder{"key-file-is-a-folder"};
    const std::filesystem::path spec = folder.path() / "spec.toml";
    std::ofstream{spec} << "[keys]\nB = { file = \"../\", column = \"key_b\" }\n"
                           "[[fees]]\nname = \"Avgift\"\ntotal = \"1 000\"\nkey = \"B\"\n";
    REQUIRE_THROWS_AS(ku::read_proposal_spec(spec, ku::jonkopings_lan()), ku::error);
    REQUIRE_THROWS_WITH(ku::read_proposal_spec(spec, ku::jonkopings_lan()), Catch::Contains("is a folder, not a file"));
    REQUIRE_THROWS_AS(ku::read_csv_file(folder.path()), ku::error);
}

// fuzz_json: exact values were read with cpp_int's string constructor, which takes a leading
// 0 as octal: "0.10" read as 0.08, "010" as 8, and "09" threw a std::runtime_error. It also
// refused ku's own share finding with a difference of "-0.65" (read as -0.53).
TEST_CASE("fuzz regression: a percent with a leading zero (\"0.10\", \"09\") is decimal, not octal",
          "[fuzz][json]")
{
    const auto finding = [](const std::string& expected, const std::string& found, const std::string& difference) {
        return R"({"findings": [{"kind": "total_mismatch", "area": "Summa", "column": "staten", "expected": ")" +
               expected + R"(", "found": ")" + found + R"(", "difference": ")" + difference + R"(", "note": ""}]})";
    };
    const auto read = ku::read_share_findings_json(finding("09", "50", "41"), "f.json");
    REQUIRE(read.size() == 1);
    CHECK(read[0].expected == 9);
    CHECK(ku::read_share_findings_json(finding("0.10", "0.75", "0.65"), "f.json")[0].expected ==
          ku::exact_share{1, 10});
    CHECK(ku::read_share_findings_json(finding("3", "010/3", "1/3"), "f.json")[0].found == ku::exact_share{10, 3});
    CHECK(ku::read_share_findings_json(finding("100", "99.35", "-0.65"), "f.json")[0].difference ==
          ku::exact_share{-65, 100});
    CHECK(ku::exact_quota::from_fraction("010/09") == ku::exact_quota{.numerator = 10, .denominator = 9});
}

// fuzz_json: the 5-byte input "1e999" made nlohmann::json throw out_of_range (a number beyond
// a double), which only json::parse_error was caught for.
TEST_CASE("fuzz regression: a JSON number beyond a double (1e999) is a ku::parse_error, not an escaping out_of_range",
          "[fuzz][json]")
{
    try {
        static_cast<void>(ku::read_allocation_json("1e999", "tal.json"));
        FAIL("1e999 was read");
    } catch (const ku::parse_error& e) {
        CHECK(std::string{e.what()} == "tal.json: not JSON ku can read: number overflow parsing '1e999'");
    }
}

// Bad input in specs, key files and published tables: each error names the file, the line and
// the value at fault.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ku/ku.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/csv.hpp"
#include "../support/fixtures.hpp"

namespace {

using ku::test::catalogue;

/// A scratch folder with a key file, removed at the end of the test.
class temporary_folder {
public:
    temporary_folder()
        : path_{std::filesystem::temp_directory_path() /
                ("ku-test-" + std::to_string(std::hash<std::string>{}(Catch::getResultCapture().getCurrentTestName())))}
    {
        std::filesystem::create_directories(path_);
        write("keys.csv", "code,name,pop\n0604,Aneby,6842\n0617,Gnosjö,9309\n");
    }
    ~temporary_folder() { std::filesystem::remove_all(path_); }
    temporary_folder(const temporary_folder&) = delete;
    temporary_folder& operator=(const temporary_folder&) = delete;

    std::filesystem::path write(const std::string& name, const std::string& text) const
    {
        std::ofstream{path_ / name} << text;
        return path_ / name;
    }

private:
    std::filesystem::path path_;
};

const std::string good_keys = "[keys]\nP = { file = \"keys.csv\", column = \"pop\" }\n";

ku::csv_table test_csv(const std::string& text, const std::string& name = "test.csv")
{
    std::istringstream in{text};
    return ku::read_csv(in, name);
}

} // namespace

TEST_CASE("a well-formed spec over a key file splits its fee by population", "[spec]")
{
    const temporary_folder folder;
    const auto spec_path =
        folder.write("spec.toml", "title = \"T\"\n" + good_keys + "[[fees]]\nname = \"Avgift\"\ntotal = \"16 151\"\nkey = \"P\"\nmembers = [\"0604\", \"0617\"]\n");
    const ku::proposal_table table = ku::build_proposal(ku::read_proposal_spec(spec_path, catalogue), catalogue);
    REQUIRE(table.kommuner.size() == 2);
    CHECK(table.cell(0, 0) == ku::money::kr(6'842)); // 16 151 × 6842 / 16 151
    CHECK(table.cell(1, 0) == ku::money::kr(9'309));
}

TEST_CASE("malformed TOML in a spec names the file and the line", "[spec][errors]")
{
    const temporary_folder folder;
    const auto spec_path = folder.write("broken.toml", "title = \"T\"\n[keys\n");
    REQUIRE_THROWS_AS(ku::read_proposal_spec(spec_path, catalogue), ku::parse_error);
    REQUIRE_THROWS_WITH(ku::read_proposal_spec(spec_path, catalogue), Catch::Contains("broken.toml:2"));
}

TEST_CASE("a fee amount written as a floating-point number is refused as inexact", "[spec][errors]")
{
    const temporary_folder folder;
    const auto spec_path =
        folder.write("spec.toml", good_keys + "[[fees]]\nname = \"Avgift\"\ntotal = 1234.5\nkey = \"P\"\n");
    REQUIRE_THROWS_AS(ku::read_proposal_spec(spec_path, catalogue), ku::parse_error);
    REQUIRE_THROWS_WITH(ku::read_proposal_spec(spec_path, catalogue),
                        Catch::Contains("spec.toml:5") && Catch::Contains("fees[1].total") &&
                            Catch::Contains("not exact"));
}

TEST_CASE("an unknown field in a fee is an error, not silently ignored", "[spec][errors]")
{
    const temporary_folder folder;
    const auto spec_path =
        folder.write("spec.toml", good_keys + "[[fees]]\nname = \"Avgift\"\ntotal = \"100\"\nkey = \"P\"\nmethd = \"round-each\"\n");
    REQUIRE_THROWS_WITH(ku::read_proposal_spec(spec_path, catalogue),
                        Catch::Contains("fees[1].methd") && Catch::Contains("unknown field"));
}

TEST_CASE("a fee that names an undefined key is an error naming the fee and the key", "[spec][errors]")
{
    const temporary_folder folder;
    const auto spec_path = folder.write("spec.toml", good_keys + "[[fees]]\nname = \"Avgift\"\ntotal = \"100\"\nkey = \"Q\"\n");
    const ku::proposal_spec spec = ku::read_proposal_spec(spec_path, catalogue);
    REQUIRE_THROWS_AS(ku::build_proposal(spec, catalogue), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::build_proposal(spec, catalogue),
                        Catch::Contains("\"Avgift\"") && Catch::Contains("\"Q\""));
}

TEST_CASE("an unknown method in a spec names the value and where it stands", "[spec][errors]")
{
    const temporary_folder folder;
    const auto spec_path = folder.write("spec.toml", "method = \"hamilton\"\n" + good_keys +
                                                          "[[fees]]\nname = \"Avgift\"\ntotal = \"100\"\nkey = \"P\"\n");
    REQUIRE_THROWS_AS(ku::read_proposal_spec(spec_path, catalogue), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::read_proposal_spec(spec_path, catalogue),
                        Catch::Contains("hamilton") && Catch::Contains("spec.toml:1"));
}

TEST_CASE("a negative weight in a key file names the file, line and column", "[weights][errors]")
{
    const ku::csv_table table = test_csv("code,name,pop\n0604,Aneby,6842\n0617,Gnosjö,-9309\n", "keys.csv");
    REQUIRE_THROWS_AS(ku::read_weights(table, "pop", catalogue), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::read_weights(table, "pop", catalogue),
                        Catch::Contains("-9309") && Catch::Contains("keys.csv:3:pop"));
}

TEST_CASE("an unknown kommun code in a key file names the code and the line", "[weights][errors]")
{
    const ku::csv_table table = test_csv("code,pop\n0604,6842\n0999,10\n", "keys.csv");
    REQUIRE_THROWS_AS(ku::read_weights(table, "pop", catalogue), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::read_weights(table, "pop", catalogue),
                        Catch::Contains("0999") && Catch::Contains("keys.csv:3"));
}

TEST_CASE("a kommun listed twice in a key file is an error", "[weights][errors]")
{
    const ku::csv_table table = test_csv("code,pop\n0604,6842\n0604,6842\n", "keys.csv");
    REQUIRE_THROWS_AS(ku::read_weights(table, "pop", catalogue), ku::domain_error);
    REQUIRE_THROWS_WITH(ku::read_weights(table, "pop", catalogue), Catch::Contains("keys.csv:3") && Catch::Contains("twice"));
}

TEST_CASE("a weight column that does not exist is named with the columns the file has", "[weights][errors]")
{
    const ku::csv_table table = test_csv("code,key_a\n0604,6842\n", "keys.csv");
    REQUIRE_THROWS_AS(ku::read_weights(table, "key_z", catalogue), ku::lookup_error);
    REQUIRE_THROWS_WITH(ku::read_weights(table, "key_z", catalogue),
                        Catch::Contains("key_z") && Catch::Contains("code, key_a"));
}

TEST_CASE("a malformed weight names its text, line and column", "[weights][errors]")
{
    const ku::csv_table table = test_csv("code,pop\n0604,68x2\n", "keys.csv");
    REQUIRE_THROWS_AS(ku::read_weights(table, "pop", catalogue), ku::parse_error);
    REQUIRE_THROWS_WITH(ku::read_weights(table, "pop", catalogue),
                        Catch::Contains("68x2") && Catch::Contains("keys.csv:2:pop"));
}

TEST_CASE("a CSV row wider than its header names the line and the field without a column", "[csv][errors]")
{
    REQUIRE_THROWS_AS(test_csv("code,pop\n0604,6842\n0617,9309,12\n"), ku::parse_error);
    REQUIRE_THROWS_WITH(test_csv("code,pop\n0604,6842\n0617,9309,12\n"),
                        "test.csv:3: the row has 3 fields but the header has 2: field 3 (\"12\") has no column");
}

TEST_CASE("a CSV row narrower than its header names the column without a field", "[csv][errors]")
{
    REQUIRE_THROWS_WITH(test_csv("code,name,pop\n0604,Aneby,6842\n0617,Gnosjö\n"),
                        "test.csv:3: the row has 2 fields but the header has 3: column \"pop\" has no field");
}

TEST_CASE("a CSV with an unclosed quote is malformed", "[csv][errors]")
{
    REQUIRE_THROWS_AS(test_csv("code,name\n0604,\"Aneby\n"), ku::parse_error);
}

TEST_CASE("quoted CSV fields keep their commas and a byte order mark is skipped", "[csv]")
{
    const ku::csv_table table = test_csv("\xEF\xBB\xBF" "code,name\n0604,\"Aneby, kommun\"\n");
    REQUIRE(table.header.at(0) == "code");
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0].fields[1] == "Aneby, kommun");
    CHECK(table.rows[0].line == 2);
}

TEST_CASE("a malformed amount in a published proposal names its cell", "[compare][errors]")
{
    const ku::csv_table table = test_csv("code,kommun,Avgift,Summa\n0604,Aneby,12 34,1234\n,Summa,1234,1234\n", "pub.csv");
    REQUIRE_THROWS_AS(ku::read_published_proposal(table, catalogue), ku::parse_error);
    REQUIRE_THROWS_WITH(ku::read_published_proposal(table, catalogue),
                        Catch::Contains("12 34") && Catch::Contains("pub.csv:2:Avgift"));
}

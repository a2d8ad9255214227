// Swedish exports read as they are: kommuner by SCB code or by name, the headings analysts and
// ku's own reports use, and errors that name the file, line, column and value (issue #15).

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ku/ku.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/shares_io.hpp"
#include "../support/fixtures.hpp"

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using ku::test::what;
using ku::test::catalogue;

ku::csv_table export_csv(const std::string& text, const std::string& name = "export.csv")
{
    std::istringstream in{text};
    return ku::read_csv(in, name);
}

/// A scratch folder named after the test, removed at the end of it.
class export_folder {
public:
    explicit export_folder(const std::string& name)
        : path_{std::filesystem::absolute(std::filesystem::temp_directory_path() / ("ku-swedish-input-" + name))}
    {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~export_folder() { std::filesystem::remove_all(path_); }
    export_folder(const export_folder&) = delete;
    export_folder& operator=(const export_folder&) = delete;

    [[nodiscard]] std::filesystem::path write(const std::string& name, const std::string& text) const
    {
        std::ofstream{path_ / name, std::ios::binary} << text;
        return path_ / name;
    }
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// data/population_keys.csv's key_a as a Swedish Excel export: names, `;`, no codes.
const std::string excel_export = "Kommun;Invånare\n"
                                 "Aneby;6842\nEksjö;17794\nGislaved;29145\nGnosjö;9309\nHabo;13283\n"
                                 "Jönköpings kommun;146197\nMullsjö;7568\nNässjö;31649\nSävsjö;11664\n"
                                 "Tranås;18806\nVaggeryd;14857\nVetlanda;27531\nVärnamo;34682\n";

/// A key file with every kommun of the län but Habo (0643).
const std::string keys_without_habo = "code,pop\n0604,6842\n0686,17794\n0662,29145\n0617,9309\n0680,146197\n"
                                      "0642,7568\n0682,31649\n0684,11664\n0687,18806\n0665,14857\n0685,27531\n"
                                      "0683,34682\n";

const std::string balance_header = "omrade,ingaende_balans,erhallna_medel,disponibla_medel,budget_forbrukning,"
                                   "utfall_forbrukning,utbetalt_till_kommuner,kvarvarande_medel,varav_statliga_medel\n";
const std::string balance_rows = "Nära vård,65287,38709,103996,1900,1658,69250,33088,33088\n"
                                 "Kurs och konferens,,1931,1931,1500,2326,,-395,\n";

} // namespace

// The catalogue's names.

TEST_CASE("a kommun is found by its name in any case, with or without \"s kommun\"", "[kommun][names]")
{
    for (const char* text : {"Jönköping", "jönköping", "JÖNKÖPING", "Jönköpings kommun", "Jönköping kommun",
                             "jönköpings KOMMUN", "  Jönköping  "}) {
        INFO(text);
        const auto found = catalogue.find_name(text);
        REQUIRE(found.has_value());
        CHECK(found->code == ku::kommun_code{"0680"});
    }
    CHECK(catalogue.find_name("Tranås kommun")->code == ku::kommun_code{"0687"});
    CHECK(catalogue.find_name("ÄNEBY") == std::nullopt);
    CHECK(catalogue.find_name("Jönköpings") == std::nullopt);
    CHECK(catalogue.find_name("Linköping") == std::nullopt);
}

TEST_CASE("names are looked up at compile time too", "[kommun][names]")
{
    static_assert(ku::jonkopings_lan().find_name("Värnamo kommun")->code == ku::kommun_code{"0683"});
    static_assert(ku::jonkopings_lan().find_name("eksjö")->name == "Eksjö");
    static_assert(!ku::jonkopings_lan().find_name("Linköping").has_value());
    SUCCEED();
}

TEST_CASE("a kommun given by code or name is identified, and an unknown one is named with where it stands",
          "[kommun][names][errors]")
{
    CHECK(catalogue.identify("0604").name == "Aneby");
    CHECK(catalogue.identify("Nässjö kommun").code == ku::kommun_code{"0682"});
    CHECK_THROWS_MATCHES(catalogue.identify("Linköping", "keys.csv:3:Kommun"), ku::lookup_error,
                         what(Equals("keys.csv:3:Kommun: unknown kommun \"Linköping\" (a name or an SCB code, "
                                     "e.g. Aneby or 0604)")));
    CHECK_THROWS_MATCHES(catalogue.identify("0999", "keys.csv:3:code"), ku::lookup_error,
                         what(Equals("unknown kommun code 0999 (keys.csv:3:code)")));
}

// Key files as Excel exports them.

TEST_CASE("a Swedish Excel export of kommun names and Invånare gives the weights of population_keys.csv",
          "[weights][swedish]")
{
    const ku::csv_table table = export_csv(excel_export);
    const std::vector<ku::member_weight> exported = ku::read_weights(table, "Invånare", catalogue);
    std::ifstream file{std::filesystem::path{KU_DATA_DIR} / "population_keys.csv"};
    const std::vector<ku::member_weight> original =
        ku::read_weights(ku::read_csv(file, "population_keys.csv"), "key_a", catalogue);
    REQUIRE(exported.size() == 13);
    for (const ku::member_weight& w : original) {
        const auto found = std::ranges::find(exported, w.member, &ku::member_weight::member);
        REQUIRE(found != exported.end());
        CHECK(found->weight == w.weight);
    }
    CHECK(exported[5].member == ku::kommun_code{"0680"}); // "Jönköpings kommun"
}

TEST_CASE("a population column asked for as befolkning or invånare is found under either heading",
          "[weights][swedish]")
{
    const ku::csv_table table = export_csv("Kommunkod;Kommun;Befolkning\n0604;Aneby;6842\n0686;Eksjö kommun;17794\n");
    const std::vector<ku::member_weight> weights = ku::read_weights(table, "invånare", catalogue);
    REQUIRE(weights.size() == 2);
    CHECK(weights[1].member == ku::kommun_code{"0686"});
    CHECK(ku::read_weights(table, "BEFOLKNING", catalogue)[0].weight == ku::read_weights(table, "Befolkning", catalogue)[0].weight);
}

TEST_CASE("a kommun name that is not the name of the code beside it is refused", "[weights][swedish][errors]")
{
    const ku::csv_table table = export_csv("Kommunkod;Kommun;Invånare\n0604;Eksjö;6842\n");
    CHECK_THROWS_MATCHES(ku::read_weights(table, "Invånare", catalogue), ku::parse_error,
                         what(Equals("cannot read \"Eksjö\" (export.csv:2:Kommun): the kommun with code 0604 is Aneby")));
}

TEST_CASE("an unknown kommun name in a key file names the file, line, column and name", "[weights][swedish][errors]")
{
    const ku::csv_table table = export_csv("Kommun;Invånare\nAneby;6842\nLinköping;164616\n");
    CHECK_THROWS_MATCHES(ku::read_weights(table, "Invånare", catalogue), ku::lookup_error,
                         what(Equals("export.csv:3:Kommun: unknown kommun \"Linköping\" (a name or an SCB code, "
                                     "e.g. Aneby or 0604)")));
}

TEST_CASE("a key file without a column of kommuner lists the headings accepted", "[weights][swedish][errors]")
{
    const ku::csv_table table = export_csv("Ort;Invånare\nAneby;6842\n");
    CHECK_THROWS_MATCHES(ku::read_weights(table, "Invånare", catalogue), ku::lookup_error,
                         what(Equals("export.csv: no column of kommuner (the columns are Ort, Invånare; accepted "
                                     "headings: code, Kod, Kommunkod, SCB-kod or kommun_code for codes, kommun, "
                                     "name, Namn or Kommunnamn for names)")));
}

TEST_CASE("two columns of kommun names are ambiguous and named", "[weights][swedish][errors]")
{
    const ku::csv_table table = export_csv("Kommun;Kommunnamn;Invånare\nAneby;Aneby;6842\n");
    CHECK_THROWS_MATCHES(ku::read_weights(table, "Invånare", catalogue), ku::parse_error,
                         what(Equals("export.csv:1: the columns \"Kommun\" and \"Kommunnamn\" are both read as "
                                     "kommun (kommun, name, Namn or Kommunnamn); keep one")));
}

TEST_CASE("a published proposal with Kod and kommun names written the long way is read", "[compare][swedish]")
{
    const ku::csv_table table =
        export_csv("Kod;Kommun;Avgift;Summa\n0604;Aneby kommun;100;100\n0680;Jönköpings kommun;200;200\n;Summa;300;300\n");
    const ku::published_proposal published = ku::read_published_proposal(table, catalogue);
    REQUIRE(published.kommuner.size() == 2);
    CHECK(published.kommuner[1] == ku::kommun_code{"0680"});
    CHECK(published.fees == std::vector<std::string>{"Avgift"});
}

// Balance and percent tables with the headings ku prints.

TEST_CASE("a balance table with the headings ku prints reads as the same table as with its CSV names",
          "[balance][swedish]")
{
    const ku::balance_table plain = ku::read_balance_table(export_csv(balance_header + balance_rows, "plain.csv"));
    const ku::balance_table printed = ku::read_balance_table(
        export_csv("Område;Radtyp;Ingående balans (tkr);Erhållna medel (tkr);Disponibla medel (tkr);Budget förbrukning "
            "(tkr);Utfall förbrukning (tkr);Utbetalt till länets kommuner (tkr);Kvarvarande medel (tkr);Varav "
            "kvarvarande statliga medel (tkr)\n"
            "Nära vård;område;65287;38709;103996;1900;1658;69250;33088;33088\n"
            "Kurs och konferens;OMRÅDE;;1931;1931;1500;2326;;-395;\n",
            "printed.csv"));
    REQUIRE(printed.rows.size() == plain.rows.size());
    for (std::size_t r = 0; r < plain.rows.size(); ++r) {
        CHECK(printed.rows[r].area.id() == plain.rows[r].area.id());
        CHECK(printed.rows[r].kind == plain.rows[r].kind);
        for (const ku::balance_column column : ku::all_balance_columns) {
            CHECK(printed.rows[r].cell(column) == plain.rows[r].cell(column));
        }
    }
}

TEST_CASE("a balance column headed in kr is refused when the table is read in tkr", "[balance][swedish][errors]")
{
    std::string header = balance_header;
    header.replace(header.find("ingaende_balans"), std::string{"ingaende_balans"}.size(), "Ingående balans (kr)");
    CHECK_THROWS_MATCHES(ku::read_balance_table(export_csv(header + balance_rows, "bokslut.csv")), ku::parse_error,
                         what(Equals("bokslut.csv:1: the column \"Ingående balans (kr)\" is in kr but the table is "
                                     "read in tkr (give the unit: --unit kr)")));
}

TEST_CASE("an unknown balance heading is named with every heading accepted", "[balance][swedish][errors]")
{
    CHECK_THROWS_MATCHES(
        ku::read_balance_table(export_csv("omrade,ingaende_balans,regionen\nFritid,1,2\n", "bokslut.csv")), ku::lookup_error,
        what(Equals("bokslut.csv:1: unknown column \"regionen\" (a balance table's columns after the area's name are "
                    "ingaende_balans or Ingående balans; erhallna_medel or Erhållna medel; disponibla_medel or "
                    "Disponibla medel; budget_forbrukning or Budget förbrukning; utfall_forbrukning or Utfall "
                    "förbrukning; utbetalt_till_kommuner, Utbetalt till länets kommuner or Utbetalt till kommuner; "
                    "overforda_medel or Överförda medel; kvarvarande_medel or Kvarvarande medel; "
                    "varav_statliga_medel, Varav kvarvarande statliga medel or Varav statliga medel; and the "
                    "optional rad_typ or Radtyp, in any case, with or without a unit such as (tkr))")));
}

TEST_CASE("a balance column written twice under two headings is refused", "[balance][swedish][errors]")
{
    CHECK_THROWS_MATCHES(
        ku::read_balance_table(export_csv("omrade,ingaende_balans,Ingående balans\nFritid,1,2\n", "bokslut.csv")),
        ku::parse_error,
        what(Equals("bokslut.csv:1: the columns \"ingaende_balans\" and \"Ingående balans\" are the same column; keep one")));
}

TEST_CASE("a percent table with the headings ku prints is read, Radtyp and Summa källor set aside",
          "[shares][swedish]")
{
    const ku::published_share_table table = ku::read_published_shares(
        export_csv("Område;Grupp;Radtyp;Andel av utfall;Kommunerna;Staten;Övriga;Summa källor\n"
            "Fritid;;område;40;100;0;0;100\nUtbildning;;område;60;80;0;20;100\nSumma;;summa;100;88;0;12;100\n",
            "andelar.csv"));
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[2].is_total);
    CHECK(table.rows[1].by_kind[ku::funding_kind::ovriga] == ku::exact_share{20});
}

TEST_CASE("a funding table with the same area twice names the file and both lines", "[shares][errors]")
{
    const ku::csv_table table =
        export_csv("omrade,utfall,kommunerna\nBarnahus,100,100\nFritid,50,50\nBarnahus,20,20\n", "finansiering.csv");
    CHECK_THROWS_MATCHES(ku::read_area_funding(table), ku::domain_error,
                         what(Equals("finansiering.csv:4:omrade: area \"Barnahus\" appears twice (first on line 2)")));
}

// A key must cover its fee's members.

TEST_CASE("a key file that lacks a kommun is refused for a fee without a member list, naming fee, file and kommun",
          "[spec][keys][errors]")
{
    const export_folder folder{"key-lacks-habo"};
    const auto keys = folder.write("keys.csv", keys_without_habo);
    const auto spec = folder.write("spec.toml", "title = \"T\"\n[keys]\nA = { file = \"keys.csv\", column = \"pop\" }\n"
                                                "[[fees]]\nname = \"Barnahus\"\ntotal = \"3 168 492\"\nkey = \"A\"\n");
    CHECK_THROWS_MATCHES(
        ku::read_proposal_spec(spec, catalogue), ku::lookup_error,
        what(Equals(spec.string() + ":4:1 (fees[1]): fee \"Barnahus\" is split by key A, but " + keys.string() +
                    " (column pop) has no weight for kommun Habo (0643); a fee splits among every kommun unless it "
                    "names its members: give it members = [...] or members_except = [\"0643\"], or add it to the "
                    "key file")));
}

TEST_CASE("a fee over the key's kommuner says so with members_except and splits among the other twelve",
          "[spec][keys]")
{
    const export_folder folder{"members-except-habo"};
    (void)folder.write("keys.csv", keys_without_habo);
    const auto spec = folder.write("spec.toml", "title = \"T\"\n[keys]\nA = { file = \"keys.csv\", column = \"pop\" }\n"
                                                "[[fees]]\nname = \"Barnahus\"\ntotal = \"3 168 492\"\nkey = \"A\"\n"
                                                "members_except = [\"Habo\"]\n");
    const ku::proposal_table table = ku::build_proposal(ku::read_proposal_spec(spec, catalogue), catalogue);
    CHECK(table.kommuner.size() == 12);
    CHECK(std::ranges::find(table.kommuner, ku::kommun_code{"0643"}, &ku::kommun::code) == table.kommuner.end());
}

TEST_CASE("a member the key lacks is refused naming the member", "[spec][keys][errors]")
{
    const export_folder folder{"member-not-in-key"};
    const auto keys = folder.write("keys.csv", "code,pop\n0604,6842\n0617,9309\n");
    const auto spec = folder.write("spec.toml", "[keys]\nA = { file = \"keys.csv\", column = \"pop\" }\n"
                                                "[[fees]]\nname = \"Skola\"\ntotal = \"100\"\nkey = \"A\"\n"
                                                "members = [\"Aneby\", \"0643\", \"Mullsjö kommun\"]\n");
    CHECK_THROWS_MATCHES(ku::read_proposal_spec(spec, catalogue), ku::lookup_error,
                         what(Equals(spec.string() + ":3:1 (fees[1]): fee \"Skola\" is split by key A, but " +
                                     keys.string() + " (column pop) has no weight for 2 of its members: Habo (0643), "
                                     "Mullsjö (0642); take them out of the fee's members or add them to the key "
                                     "file")));
}

// Silent acceptance, no more.

TEST_CASE("a fraction beside a total is refused, not ignored", "[spec][errors]")
{
    const export_folder folder{"fraction-beside-total"};
    (void)folder.write("keys.csv", "code,pop\n0604,6842\n");
    const auto spec = folder.write("spec.toml", "[keys]\nA = { file = \"keys.csv\", column = \"pop\" }\n"
                                                "[[fees]]\nname = \"Avgift\"\ntotal = \"100\"\nfraction = \"10 %\"\n"
                                                "key = \"A\"\nmembers = [\"0604\"]\n");
    CHECK_THROWS_MATCHES(ku::read_proposal_spec(spec, catalogue), ku::parse_error,
                         what(Equals(spec.string() + ":6:12 (fees[1].fraction): fraction is read only with "
                                                     "fraction_of; this fee has its own total")));
}

// Messages that name file, line, column and value.

TEST_CASE("a whole-kronor total beyond the money range names the spec and the field", "[spec][errors]")
{
    const export_folder folder{"total-overflow"};
    (void)folder.write("keys.csv", "code,pop\n0604,6842\n");
    const auto spec = folder.write("spec.toml", "[keys]\nA = { file = \"keys.csv\", column = \"pop\" }\n"
                                                "[[fees]]\nname = \"Avgift\"\ntotal = 9000000000000000000\n"
                                                "key = \"A\"\nmembers = [\"0604\"]\n");
    CHECK_THROWS_MATCHES(ku::read_proposal_spec(spec, catalogue), ku::overflow_error,
                         what(Equals(spec.string() + ":5:9 (fees[1].total): 9000000000000000000 kr is beyond the "
                                                     "money range (±92 233 720 368 547 758,07 kr)")));
}

TEST_CASE("a key file that cannot be opened is named by its full path with the system's reason",
          "[spec][errors]")
{
    const export_folder folder{"missing-key-file"};
    const auto spec = folder.write("spec.toml", "[keys]\nA = { file = \"population_keys.csv\", column = \"key_a\" }\n"
                                                "[[fees]]\nname = \"Avgift\"\ntotal = \"100\"\nkey = \"A\"\n");
    CHECK_THROWS_MATCHES(ku::read_proposal_spec(spec, catalogue), ku::error,
                         what(Equals("cannot open " + (folder.path() / "population_keys.csv").string() +
                                     ": No such file or directory")));
}

TEST_CASE("a CSV file given by a relative path is named by its full path when it cannot be opened", "[csv][errors]")
{
    const std::string full = (std::filesystem::current_path() / "no_such_keys.csv").string();
    CHECK_THROWS_MATCHES(ku::read_csv_file("no_such_keys.csv"), ku::error,
                         what(Equals("cannot open " + full + ": No such file or directory")));
    const export_folder folder{"folder-as-file"};
    CHECK_THROWS_MATCHES(ku::read_csv_file(folder.path()), ku::error,
                         what(Equals("cannot open " + folder.path().string() + ": it is a folder, not a file")));
}

// (10 MB, as the issue found it, takes minutes under AddressSanitizer: reading the number grows
// faster than its length; 100 kB shows the same cut.)
TEST_CASE("a 100 kB field is shown as its first 40 characters and its length", "[csv][errors]")
{
    const std::string huge(100'000, '9');
    const ku::csv_table table = export_csv("code,pop\n0604,1" + huge + "x\n", "keys.csv");
    CHECK_THROWS_MATCHES(ku::read_weights(table, "pop", catalogue), ku::parse_error,
                         what(Contains("cannot read \"1999999999999999999999999999999999999999…\" (100002 characters) "
                                       "(keys.csv:2:pop)")));
    std::string message;
    try {
        (void)ku::read_weights(table, "pop", catalogue);
    } catch (const ku::error& e) {
        message = e.what();
    }
    CHECK(message.size() < 300);
}

TEST_CASE("an unclosed quote is reported at the line and column where its field begins", "[csv][errors]")
{
    CHECK_THROWS_MATCHES(export_csv("code,name,pop\n0604,Aneby,6842\n0617,\"Gnosjö,9309\n0642,Mullsjö,7568\n", "keys.csv"),
                         ku::parse_error,
                         what(Equals("keys.csv:3:6: malformed CSV: the quote that opens field 2 at column 6 is never "
                                     "closed")));
}

TEST_CASE("a UTF-16 file is named as UTF-16 with how to save it as UTF-8", "[csv][errors]")
{
    const std::string message = "export.csv: the file is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)";
    const std::string with_bom{"\xFF\xFE" "c\0o\0d\0e\0\n\0", 12};
    CHECK_THROWS_MATCHES(export_csv(with_bom), ku::parse_error, what(Equals(message)));
    const std::string without_bom{"c\0o\0d\0e\0;\0p\0o\0p\0\n\0", 18};
    CHECK_THROWS_MATCHES(export_csv(without_bom), ku::parse_error, what(Equals(message)));
    const std::string big_endian{"\0c\0o\0d\0e\0\n", 10};
    CHECK_THROWS_MATCHES(export_csv(big_endian), ku::parse_error, what(Equals(message)));
}

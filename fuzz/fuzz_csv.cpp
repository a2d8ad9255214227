// libFuzzer target: the CSV reader (ku::read_csv) and every reader over its table: balance
// tables, reorganisation mappings, funding, published percent tables, published proposals and
// key files; what a reader accepts goes on into the computation it feeds (audits, shares,
// comparison) and the reports. The input is the bytes of a CSV file, encoding and delimiter
// detected as for a real file.
//
// A ku::error is the library refusing the input: expected. Anything else is a finding: a crash,
// undefined behaviour (UBSan aborts), a leak, a contract violation (std::terminate), or another
// exception (it escapes and libFuzzer reports it).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>

#include <gsl/gsl>

#include "ku/ku.hpp"

namespace {

template <typename F>
void expect_only_ku_errors(F&& step)
{
    try {
        step();
    } catch (const ku::error&) {
        // the library refused the input: expected
    } catch (const gsl::narrowing_error&) {
        // a checked narrowing refused a value: expected
    }
}

/// Real tables that fuzzed tables are audited and compared against, read once.
struct references {
    ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    ku::balance_table bokslut_2023 =
        ku::read_balance_table(ku::read_csv_file(KU_DATA_DIR "/bokslut_2023.csv"), ku::unit::tkr);
    ku::balance_table bokslut_2024 =
        ku::read_balance_table(ku::read_csv_file(KU_TEST_DATA_DIR "/ledger/bokslut_2024.csv"), ku::unit::tkr);
    ku::proposal_table proposal_2025 =
        ku::build_proposal(ku::read_proposal_spec(KU_DATA_DIR "/proposal_2025.toml", catalogue), catalogue);
};

const references& refs()
{
    static const references r;
    return r;
}

void balance(const ku::csv_table& table)
{
    for (const ku::unit u : {ku::unit::tkr, ku::unit::kr}) {
        expect_only_ku_errors([&] {
            const ku::balance_table read = ku::read_balance_table(table, u);
            const auto findings = ku::audit_balance(read);
            (void)ku::render_text(ku::to_report(read, std::vector<ku::finding>{}));
            (void)ku::render_text(ku::to_report(read, findings));
            (void)ku::findings_as_json(findings);
            if (u == ku::unit::tkr) {
                const auto carried = ku::audit_balance(read, &refs().bokslut_2023);
                (void)ku::render_text(ku::to_report(read, carried));
            }
        });
    }
}

void reorganisation(const ku::csv_table& table)
{
    expect_only_ku_errors([&] { (void)ku::read_reorganisation(table, ku::unit::tkr); });
    expect_only_ku_errors([&] {
        const ku::reorganisation mapping = ku::read_reorganisation(table, ku::unit::tkr, &refs().bokslut_2023);
        const auto findings = ku::audit_balance(refs().bokslut_2024, &refs().bokslut_2023, &mapping);
        (void)ku::findings_as_json(findings);
    });
}

void funding(const ku::csv_table& table)
{
    expect_only_ku_errors([&] {
        const std::vector<ku::area_funding> areas = ku::read_area_funding(table, ku::unit::kr);
        const std::vector<ku::share_row> rows = ku::financing_shares(areas);
        for (const int decimals : {0, 1}) {
            for (const auto rounding : {ku::percent_rounding::largest_remainder, ku::percent_rounding::each_cell}) {
                expect_only_ku_errors([&] {
                    const ku::percent_table percents = ku::to_percent_table(rows, decimals, rounding);
                    (void)ku::render_text(ku::to_report(percents));
                    (void)ku::percent_table_as_json(percents);
                });
            }
        }
    });
}

void published_shares(const ku::csv_table& table)
{
    expect_only_ku_errors([&] {
        const ku::published_share_table published = ku::read_published_shares(table);
        const auto findings = ku::audit_shares(published);
        (void)ku::render_text(ku::to_report(published, std::vector<ku::share_finding>{}));
        (void)ku::render_text(ku::to_report(ku::published_share_table{.source = table.source, .rows = {}}, findings));
        (void)ku::share_findings_as_json(findings);
    });
}

void published_proposal(const ku::csv_table& table)
{
    expect_only_ku_errors([&] {
        const ku::published_proposal published = ku::read_published_proposal(table, refs().catalogue);
        (void)ku::compare(refs().proposal_2025, published);
    });
}

void weights(const ku::csv_table& table)
{
    constexpr std::size_t max_columns = 8; // enough for every key file; keeps a wide table cheap
    for (std::size_t c = 0; c < table.header.size() && c < max_columns; ++c) {
        expect_only_ku_errors([&] { (void)ku::read_weights(table, table.header[c], refs().catalogue); });
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    (void)refs(); // read the reference tables before the first input, so a bad reference fails at once
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::istringstream input{std::string{reinterpret_cast<const char*>(data), size}};
    std::optional<ku::csv_table> table;
    expect_only_ku_errors([&] { table = ku::read_csv(input, "fuzz.csv"); });
    // The reader told the delimiter and the encoding, rather than detecting them.
    for (const ku::csv_options options : {ku::csv_options{.delimiter = ';', .encoding = ku::csv_encoding::utf8},
                                          ku::csv_options{.delimiter = ',', .encoding = ku::csv_encoding::windows_1252}}) {
        std::istringstream again{input.str()};
        expect_only_ku_errors([&] { (void)ku::read_csv(again, "fuzz.csv", options); });
    }
    if (!table) {
        return 0;
    }
    balance(*table);
    reorganisation(*table);
    funding(*table);
    published_shares(*table);
    published_proposal(*table);
    weights(*table);
    return 0;
}

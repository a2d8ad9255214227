// libFuzzer target: the readers of ku's own JSON (ku::read_allocation_json, read_proposal_json,
// read_differences_json, read_scenario_json, read_percent_table_json, read_findings_json and
// read_share_findings_json); what a reader accepts goes on into the computation it feeds
// (comparison with the 2025 proposal, share audit) and the reports, and is written back as JSON,
// which must read back equal. The input is the text of a JSON file.
//
// Every input goes to all seven readers rather than to one picked by a leading byte: each
// reader looks for its own fields and refuses another's document at once, so the six misses
// cost little, the seeds in fuzz/corpus/json stay real files as ku writes them, and a mutation
// of one kind of document reaches the readers of the others (findings of either kind, a
// proposal read as a scenario).
//
// A ku::error is the library refusing the input: expected. Anything else is a finding: a crash,
// undefined behaviour (UBSan aborts), a leak, a contract violation (std::terminate), another
// exception (it escapes and libFuzzer reports it), or a broken round trip (a value that, written
// back as JSON, does not read back as itself). Unlike the other targets, a gsl::narrowing_error
// is not excused: the JSON readers promise ku::error and nothing else.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "ku/ku.hpp"

namespace {

constexpr std::string_view source = "fuzz.json";

[[noreturn]] void finding(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "fuzz_json finding: %s: %s\n", what, detail.c_str());
    std::abort();
}

template <typename F>
void expect_only_ku_errors(F&& step)
{
    try {
        step();
    } catch (const ku::error&) {
        // the library refused the input: expected
    }
}

/// Real tables that fuzzed ones are compared against, read once.
struct references {
    ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    ku::proposal_table proposal_2025 =
        ku::build_proposal(ku::read_proposal_spec(KU_DATA_DIR "/proposal_2025.toml", catalogue), catalogue);
};

const references& refs()
{
    static const references r;
    return r;
}

/// `written`, the JSON ku wrote for `value`, reads back (with `read`) as `value`: the contract of
/// json_io.hpp. A refusal of ku's own output is a finding too.
template <typename T, typename Read>
void check_reads_back(const char* what, const T& value, const std::string& written, Read read)
{
    try {
        if (!(read(std::string_view{written}) == value)) {
            finding(what, "does not read back equal:\n" + written);
        }
    } catch (const ku::error& e) {
        finding(what, std::string{"refuses its own output: "} + e.what() + "\n" + written);
    }
}

void allocation(std::string_view text)
{
    expect_only_ku_errors([&] {
        const ku::allocation read = ku::read_allocation_json(text, source);
        (void)ku::render_text(ku::to_report(read, refs().catalogue));
        const std::string written = ku::allocation_as_json(read, refs().catalogue);
        check_reads_back("allocation", read, written,
                         [](std::string_view w) { return ku::read_allocation_json(w, "written.json"); });
    });
}

void differences(const std::vector<ku::proposal_difference>& read)
{
    (void)ku::render_text(ku::to_report(read, refs().catalogue));
    const std::string written = ku::differences_as_json(read, refs().catalogue);
    check_reads_back("differences", read, written,
                     [](std::string_view w) { return ku::read_differences_json(w, "written.json"); });
}

void proposal(std::string_view text)
{
    expect_only_ku_errors([&] {
        const ku::published_proposal read = ku::read_proposal_json(text, source, refs().catalogue);
        const std::vector<ku::proposal_difference> found = ku::compare(refs().proposal_2025, read);
        differences(found);
    });
}

void differences(std::string_view text)
{
    expect_only_ku_errors([&] { differences(ku::read_differences_json(text, source)); });
}

void scenario(std::string_view text)
{
    expect_only_ku_errors([&] {
        const ku::scenario_comparison read = ku::read_scenario_json(text, source, refs().catalogue);
        (void)ku::render_text(ku::to_report(read));
        const std::string written = ku::scenario_as_json(read);
        check_reads_back("scenario", read, written, [](std::string_view w) {
            return ku::read_scenario_json(w, "written.json", refs().catalogue);
        });
    });
}

void share_findings(const std::vector<ku::share_finding>& read)
{
    (void)ku::render_text(ku::to_report(ku::published_share_table{.source = std::string{source}, .rows = {}}, read));
    const std::string written = ku::share_findings_as_json(read);
    check_reads_back("share findings", read, written,
                     [](std::string_view w) { return ku::read_share_findings_json(w, "written.json"); });
}

void percent_table(std::string_view text)
{
    expect_only_ku_errors([&] {
        const ku::published_share_table read = ku::read_percent_table_json(text, source);
        share_findings(ku::audit_shares(read));
    });
}

void findings(std::string_view text)
{
    expect_only_ku_errors([&] {
        const std::vector<ku::finding> read = ku::read_findings_json(text, source);
        const std::string written = ku::findings_as_json(read);
        check_reads_back("findings", read, written,
                         [](std::string_view w) { return ku::read_findings_json(w, "written.json"); });
    });
}

void share_findings(std::string_view text)
{
    expect_only_ku_errors([&] { share_findings(ku::read_share_findings_json(text, source)); });
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    (void)refs(); // read the reference tables before the first input, so a bad reference fails at once
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    allocation(text);
    proposal(text);
    differences(text);
    scenario(text);
    percent_table(text);
    findings(text);
    share_findings(text);
    return 0;
}

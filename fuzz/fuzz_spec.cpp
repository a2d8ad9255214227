// libFuzzer target: the proposal spec reader (ku::read_proposal_spec, TOML) and the proposal it
// builds (ku::build_proposal), compared with the published 2025 proposal. The input is the text
// of a spec; it is written to a scratch folder that holds the key files the seed specs name
// (population_keys.csv beside the spec, one folder up and in ../../../data, keys.csv beside it).
//
// A ku::error is the library refusing the spec: expected. Anything else is a finding: a crash,
// undefined behaviour (UBSan aborts), a leak, a contract violation (std::terminate), or another
// exception (it escapes and libFuzzer reports it).
//
// The library reads whatever key file a spec names. So that a mutated name cannot make it read
// /dev/zero or a FIFO, an input whose key file would lie outside the scratch folder is skipped;
// the check parses the TOML with the same toml++ the library uses.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include <gsl/gsl>
#include <toml++/toml.h>

#include "ku/ku.hpp"

namespace fs = std::filesystem;

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

void copy_into(const fs::path& from, const fs::path& to)
{
    fs::create_directories(to.parent_path());
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

/// The scratch folder: root/data, root/a/b, root/a/b/spec (where the spec is written).
struct scratch {
    fs::path root;
    fs::path spec_dir;
    fs::path spec;

    scratch()
    {
        // In memory when there is a tmpfs: every input is written to a file and read back.
        std::error_code no_shm;
        const fs::path parent = fs::is_directory("/dev/shm", no_shm) ? fs::path{"/dev/shm"} : fs::temp_directory_path();
        std::string pattern = (parent / "ku-fuzz-spec-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            std::abort();
        }
        root = fs::canonical(pattern);
        spec_dir = root / "a" / "b" / "spec";
        spec = spec_dir / "spec.toml";
        const fs::path keys = fs::path{KU_DATA_DIR} / "population_keys.csv";
        copy_into(keys, root / "data" / "population_keys.csv");
        copy_into(fs::path{KU_DATA_DIR} / "kommuner.csv", root / "data" / "kommuner.csv");
        copy_into(keys, root / "a" / "b" / "population_keys.csv");
        copy_into(keys, spec_dir / "population_keys.csv");
        std::ofstream{spec_dir / "keys.csv"} << "code,name,pop\n0604,Aneby,6842\n0617,Gnosjö,9309\n";
    }
    ~scratch() { fs::remove_all(root); }
    scratch(const scratch&) = delete;
    scratch& operator=(const scratch&) = delete;
};

struct references {
    scratch folder;
    ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    ku::published_proposal published_2025 =
        ku::read_published_proposal(ku::read_csv_file(KU_DATA_DIR "/financing_proposal_2025.csv"), catalogue);
};

references& refs()
{
    static references r;
    return r;
}

/// Whether every key file the spec names lies inside the scratch folder (or the TOML does not
/// parse, in which case the library reads no key file).
bool key_files_stay_inside(std::string_view text)
{
    const toml::parse_result parsed = [&] {
        try {
            return toml::parse(text);
        } catch (const toml::parse_error&) {
            return toml::parse_result{};
        }
    }();
    const auto* keys = parsed["keys"].as_table();
    if (keys == nullptr) {
        return true;
    }
    const std::string root = refs().folder.root.string() + "/";
    for (const auto& [name, value] : *keys) {
        const auto* key = value.as_table();
        if (key == nullptr) {
            continue;
        }
        const auto* file = key->get_as<std::string>("file");
        if (file == nullptr) {
            continue;
        }
        const fs::path resolved = (refs().folder.spec_dir / file->get()).lexically_normal();
        if (!resolved.string().starts_with(root)) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/)
{
    (void)refs(); // make the scratch folder and read the reference table before the first input
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text{reinterpret_cast<const char*>(data), size};
    if (!key_files_stay_inside(text)) {
        return 0;
    }
    {
        std::ofstream out{refs().folder.spec, std::ios::binary | std::ios::trunc};
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    expect_only_ku_errors([&] {
        const ku::proposal_spec spec = ku::read_proposal_spec(refs().folder.spec, refs().catalogue);
        const ku::proposal_table table = ku::build_proposal(spec, refs().catalogue);
        for (std::size_t row = 0; row < table.kommuner.size(); ++row) {
            (void)table.row_sum(row);
        }
        for (std::size_t column = 0; column < table.fees.size(); ++column) {
            (void)table.column_sum(column);
        }
        (void)table.grand_total();
        (void)ku::compare(table, refs().published_2025);
    });
    return 0;
}

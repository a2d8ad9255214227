// libFuzzer target: the amount parser (ku::money::parse) and the text parsers it shares its
// scanner with (units, rounding modes, ratios, weights). The input is the text to parse.
//
// A ku::error is the parser refusing the text: expected. Anything else is a finding: a crash,
// undefined behaviour (UBSan aborts), a leak, another exception (it escapes and libFuzzer
// reports it), or a broken round trip (an amount that does not read back as itself).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <gsl/gsl>

#include "ku/allocation/weight.hpp"
#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail)
{
    std::fprintf(stderr, "fuzz_money finding: %s: %s\n", what, detail.c_str());
    std::abort();
}

/// Formatted amounts read back exactly: the contract of format_swedish's default form and of
/// format_plain, for every display unit.
void check_round_trips(ku::money amount)
{
    for (const ku::unit u : {ku::unit::ore, ku::unit::kr, ku::unit::tkr, ku::unit::mnkr}) {
        const std::string text = ku::format_swedish(amount, ku::swedish_format{.in = u});
        if (ku::money::parse(text) != amount) {
            finding("format_swedish does not parse back", text);
        }
    }
    const std::string plain = ku::format_plain(amount);
    if (ku::money::parse(plain) != amount) {
        finding("format_plain does not parse back", plain);
    }
}

template <typename F>
void expect_only_ku_errors(F&& parse)
{
    try {
        parse();
    } catch (const ku::error&) {
        // the parser refused the text: expected
    } catch (const gsl::narrowing_error&) {
        // a checked narrowing refused a value: expected
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text{reinterpret_cast<const char*>(data), size};

    for (const ku::unit default_unit : {ku::unit::ore, ku::unit::kr, ku::unit::tkr, ku::unit::mnkr}) {
        expect_only_ku_errors([&] {
            const ku::money amount = ku::money::parse(text, default_unit, "fuzz");
            check_round_trips(amount);
        });
    }
    expect_only_ku_errors([&] { (void)ku::parse_unit(text, "fuzz"); });
    expect_only_ku_errors([&] { (void)ku::parse_rounding_mode(text, "fuzz"); });
    expect_only_ku_errors([&] { (void)ku::ratio::parse(text, "fuzz"); });
    expect_only_ku_errors([&] { (void)ku::weight::parse(text, "fuzz"); });
    return 0;
}

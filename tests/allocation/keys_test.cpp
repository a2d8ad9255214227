// The 2025 financing proposal reproduced by the allocation keys: which rounding method gives
// each published column, krona for krona.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

#include "allocation_fixtures.hpp"
#include "ku/allocation/allocation.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"

using ku::allocation_method;
using ku::money;
using ku_test::code_of;
using ku_test::fee;
using ku_test::key;
using ku_test::kr_of;
using ku_test::weights_of;

namespace {

constexpr ku::allocation_rule by_largest_remainder{allocation_method::largest_remainder, ku::unit::kr};
constexpr ku::allocation_rule by_sainte_lague{allocation_method::sainte_lague, ku::unit::kr};
constexpr ku::allocation_rule by_round_each{allocation_method::round_each, ku::unit::kr};
constexpr ku::allocation_rule by_largest_absorbs{allocation_method::largest_absorbs, ku::unit::kr};

constexpr std::array<allocation_method, 4> every_method{
    allocation_method::largest_remainder, allocation_method::sainte_lague,
    allocation_method::round_each, allocation_method::largest_absorbs};

/// The method's letter in the table of expectations below.
char letter_of(allocation_method method)
{
    switch (method) {
    case allocation_method::largest_remainder: return 'l';
    case allocation_method::sainte_lague: return 's';
    case allocation_method::round_each: return 'r';
    case allocation_method::largest_absorbs: return 'a';
    case allocation_method::controlled: return 'c';
    }
    return '?';
}

/// The published column as whole kronor per kommun, in the published row order.
std::vector<std::int64_t> published(const ku_test::fee_column& column)
{
    std::vector<std::int64_t> cells;
    for (const std::int64_t cell : column.cells) {
        if (cell >= 0) {
            cells.push_back(cell);
        }
    }
    return cells;
}

/// The allocation's amounts as whole kronor, in the order of its parts.
std::vector<std::int64_t> amounts_kr(const ku::allocation& result)
{
    std::vector<std::int64_t> cells;
    for (const ku::allocation_part& part : result.parts) {
        REQUIRE(part.amount.is_whole(ku::unit::kr));
        cells.push_back(part.amount.in_ore() / 100);
    }
    return cells;
}

std::int64_t cells_sum(const std::vector<std::int64_t>& cells)
{
    std::int64_t total = 0;
    for (const std::int64_t cell : cells) {
        total += cell;
    }
    return total;
}

ku::allocation allocate_column(const ku_test::fee_column& column, ku::allocation_rule rule)
{
    const auto weights = weights_of(column.by);
    return ku::allocate(money::kr(column.total), weights, rule);
}

ku::allocation miljosamverkan(ku::allocation_rule rule)
{
    const std::array<ku::supplement, 2> supplements{{
        {ku::kommun_code{"0662"}, money::kr(17'136)}, // Gislaved
        {ku::kommun_code{"0643"}, money::kr(10'850)}, // Habo
    }};
    const auto weights = weights_of(key::b, "Mullsjö");
    return ku::allocate_fixed_plus(money::kr(1'050'979), money::kr(42'000), supplements, weights,
                                   rule);
}

} // namespace

TEST_CASE("largest remainder reproduces Grundfinansiering Social välfärd krona for krona",
          "[allocation][proposal2025][largest-remainder]")
{
    const auto weights = weights_of(key::a);
    const ku::allocation result = ku::allocate(money::kr(9'000'000), weights, by_largest_remainder);

    CHECK(kr_of(result, "Aneby") == 166'730);
    CHECK(kr_of(result, "Eksjö") == 433'616);
    CHECK(kr_of(result, "Gislaved") == 710'224);
    CHECK(kr_of(result, "Gnosjö") == 226'848);
    CHECK(kr_of(result, "Habo") == 323'689);
    CHECK(kr_of(result, "Jönköping") == 3'562'623);
    CHECK(kr_of(result, "Mullsjö") == 184'422);
    CHECK(kr_of(result, "Nässjö") == 771'243);
    CHECK(kr_of(result, "Sävsjö") == 284'236);
    CHECK(kr_of(result, "Tranås") == 458'277);
    CHECK(kr_of(result, "Vaggeryd") == 362'045);
    CHECK(kr_of(result, "Vetlanda") == 670'893);
    CHECK(kr_of(result, "Värnamo") == 845'154);
    CHECK(amounts_kr(result) == published(fee("Grundfinansiering Social välfärd")));

    CHECK(result.total == money::kr(9'000'000));
    CHECK(result.sum() == money::kr(9'000'000));
    CHECK(result.residual() == money{});
    CHECK(result.rule.method == allocation_method::largest_remainder);
    CHECK(result.rule.unit == ku::unit::kr);
    CHECK(result.basis == "största rest efter vikt, i hela kr");
}

TEST_CASE("largest remainder gives Värnamo the spare krona of Grundfinansiering",
          "[allocation][proposal2025][largest-remainder]")
{
    const auto weights = weights_of(key::a);
    const ku::allocation result = ku::allocate(money::kr(9'000'000), weights, by_largest_remainder);

    const ku::allocation_part& varnamo = result.at(code_of("Värnamo"));
    CHECK(varnamo.member == ku::kommun_code{"0683"});
    CHECK(varnamo.weight == ku::weight::whole(34'682));
    // 9 000 000 kr × 34 682 / 369 327 inhabitants, held exactly in öre.
    CHECK(varnamo.quota.numerator == ku::int128{900'000'000} * 34'682);
    CHECK(varnamo.quota.denominator == 369'327);
    CHECK(varnamo.quota.to_swedish(4) == "845 153,4818 kr");
    CHECK(varnamo.quota.to_plain(4) == "845153.4818");
    CHECK(varnamo.amount == money::kr(845'154));
    CHECK(varnamo.adjustment == money::kr(1));
    CHECK(varnamo.fixed == money{});
    CHECK(varnamo.supplement == money{});

    // Seven kronor are left over after rounding every quota down. Six go to remainders above
    // one half (which round-each would round up too); the seventh goes to Värnamo's 0,4818,
    // ahead of Nässjö's 0,3697, and that is the krona round-each does not give.
    std::vector<std::string> adjusted;
    for (const ku::allocation_part& part : result.parts) {
        INFO("kommun " << part.member.str());
        CHECK((part.adjustment == money{} || part.adjustment == money::kr(1)));
        if (part.adjustment == money::kr(1)) {
            adjusted.push_back(part.member.str());
        }
    }
    // Eksjö, Gnosjö, Habo, Mullsjö, Sävsjö, Tranås, Värnamo (in the published row order).
    CHECK(adjusted == std::vector<std::string>{"0686", "0617", "0643", "0642", "0684", "0687", "0683"});
    CHECK(result.at(code_of("Nässjö")).quota.to_swedish(4) == "771 243,3696 kr");
    CHECK(result.at(code_of("Nässjö")).adjustment == money{});
}

TEST_CASE("largest-absorbs puts the spare krona of Medlemsavgift on Jönköping, the largest member",
          "[allocation][proposal2025][largest-absorbs]")
{
    const auto& column = fee("Medlemsavgift Kommunal utveckling");
    const auto weights = weights_of(key::a);
    const money total = money::kr(9'000'000);

    const ku::allocation absorbed = ku::allocate(total, weights, by_largest_absorbs);
    CHECK(kr_of(absorbed, "Jönköping") == 3'562'624);
    CHECK(kr_of(absorbed, "Värnamo") == 845'153);
    CHECK(absorbed.at(code_of("Jönköping")).adjustment == money::kr(1));
    CHECK(absorbed.at(code_of("Värnamo")).adjustment == money{});
    CHECK(amounts_kr(absorbed) == published(column));
    CHECK(absorbed.residual() == money{});
    CHECK(absorbed.rule.method == allocation_method::largest_absorbs);
    CHECK(absorbed.basis == "differensen på största vikten efter vikt, i hela kr");

    const ku::allocation remainder = ku::allocate(total, weights, by_largest_remainder);
    CHECK(kr_of(remainder, "Jönköping") == 3'562'623);
    CHECK(kr_of(remainder, "Värnamo") == 845'154);
    CHECK(amounts_kr(remainder) != published(column));

    const ku::allocation each = ku::allocate(total, weights, by_round_each);
    CHECK(kr_of(each, "Jönköping") == 3'562'623);
    CHECK(kr_of(each, "Värnamo") == 845'153);
    CHECK(each.sum() == money::kr(8'999'999));
    CHECK(each.residual() == money::kr(1));
    CHECK(each.rule.method == allocation_method::round_each);
    CHECK(each.basis == "avrundning var för sig efter vikt, i hela kr");
}

TEST_CASE("round-each reproduces Digitalisering and states that its cells miss the total by 1 kr",
          "[allocation][proposal2025][round-each]")
{
    const auto& column = fee("Digitalisering");
    REQUIRE(column.total == 1'583'550);
    const ku::allocation result = allocate_column(column, by_round_each);
    CHECK(amounts_kr(result) == published(column));
    CHECK(cells_sum(published(column)) == 1'583'549);
    CHECK(result.sum() == money::kr(1'583'549));
    CHECK(result.total == money::kr(1'583'550));
    CHECK(result.residual() == money::kr(1));

    // Largest remainder sums to the total instead: Habo gets the krona the cells are short of.
    const ku::allocation exact = allocate_column(column, by_largest_remainder);
    CHECK(exact.residual() == money{});
    CHECK(kr_of(exact, "Habo") == 56'600);
}

TEST_CASE("round-each reproduces Skola, Fjärrundervisning and Fritid with their published residuals",
          "[allocation][proposal2025][round-each]")
{
    struct expectation {
        std::string_view fee;
        std::int64_t residual_kr;
    };
    const std::array<expectation, 4> cases{{
        {"Digitalisering", 1},
        {"Skola", -1},
        {"Fjärrundervisning", -1},
        {"Fritid", -2},
    }};
    for (const expectation& e : cases) {
        INFO(e.fee);
        const auto& column = fee(e.fee);
        const ku::allocation result = allocate_column(column, by_round_each);
        CHECK(amounts_kr(result) == published(column));
        CHECK(result.residual() == money::kr(e.residual_kr));
        CHECK(column.total - cells_sum(published(column)) == e.residual_kr);
    }
    const ku::allocation fritid = allocate_column(fee("Fritid"), by_round_each);
    CHECK(fritid.total == money::kr(1'144'526));
    CHECK(fritid.sum() == money::kr(1'144'528));
    CHECK(fritid.residual() == -money::kr(2));
}

TEST_CASE("each column of the 2025 proposal is reproduced exactly by the methods expected of it",
          "[allocation][proposal2025]")
{
    // Which methods give the published column krona for krona (l = largest-remainder,
    // s = sainte-lague, r = round-each, a = largest-absorbs). Columns whose quotas all round
    // to the total are reproduced by every method; the others show how the spreadsheet
    // rounded them.
    struct expectation {
        std::string_view fee;
        std::string_view methods;
    };
    const std::array<expectation, 15> cases{{
        {"Grundfinansiering Social välfärd", "ls"},
        {"Arbete och delaktighet", "lsra"},
        {"Familjecentralsamordnare", "lsra"},
        {"Barnahus", "lsra"},
        {"Familjehemsresurs", "sa"},
        {"Medlemsavgift Kommunal utveckling", "a"},
        {"Digitalisering", "r"},
        {"IoT projekt", "lsra"},
        {"Skola", "r"},
        {"Fjärrundervisning", "r"},
        {"Fritid", "r"},
        {"Kvalitetsarbete öppen fritid", "lsra"},
        {"Utvecklingsarbete friluftsliv", "lsra"},
        {"VO-college", "lsra"},
        {"Yrkesresorna", "s"},
    }};
    for (const expectation& e : cases) {
        const auto& column = fee(e.fee);
        const auto cells = published(column);
        std::string reproduced;
        for (const allocation_method method : every_method) {
            const ku::allocation result = allocate_column(column, {method, ku::unit::kr});
            const auto amounts = amounts_kr(result);
            if (amounts == cells) {
                reproduced += letter_of(method);
            }
            // Whatever the method, no cell is more than 2 kr from the published one.
            for (std::size_t i = 0; i < cells.size(); ++i) {
                INFO(e.fee << ", " << ku::to_string(method) << ", row " << i);
                CHECK(amounts[i] - cells[i] <= 2);
                CHECK(cells[i] - amounts[i] <= 2);
            }
        }
        INFO(e.fee);
        CHECK(reproduced == e.methods);
    }
}

TEST_CASE("Miljösamverkan is 42 000 kr per member, supplements for Gislaved and Habo, and the rest "
          "by key B without Mullsjö",
          "[allocation][proposal2025][fixed-plus]")
{
    const ku::allocation result = miljosamverkan(by_largest_remainder);

    CHECK(kr_of(result, "Aneby") == 51'769);
    CHECK(kr_of(result, "Eksjö") == 67'683);
    CHECK(kr_of(result, "Gislaved") == 101'334);
    CHECK(kr_of(result, "Gnosjö") == 55'510);
    CHECK(kr_of(result, "Habo") == 71'788);
    CHECK(kr_of(result, "Jönköping") == 250'605);
    CHECK(kr_of(result, "Nässjö") == 87'768);
    CHECK(kr_of(result, "Sävsjö") == 58'839);
    CHECK(kr_of(result, "Tranås") == 68'957);
    CHECK(kr_of(result, "Vaggeryd") == 63'319);
    CHECK(kr_of(result, "Vetlanda") == 81'623);
    CHECK(kr_of(result, "Värnamo") == 91'784);
    CHECK(amounts_kr(result) == published(fee("Miljösamverkan")));

    CHECK(result.parts.size() == 12);
    CHECK(result.total == money::kr(1'050'979));
    CHECK(result.sum() == money::kr(1'050'979));
    CHECK(result.residual() == money{});
    CHECK(result.rule.method == allocation_method::largest_remainder);
    // 1 050 979 − 12 × 42 000 − 17 136 − 10 850 = 518 993 kr by weight.
    CHECK(result.basis == "42 000 kr per medlem, 27 986 kr i tillägg, resten 518 993 kr efter vikt "
                          "(största rest, hela kr)");

    const ku::allocation_part& gislaved = result.at(code_of("Gislaved"));
    CHECK(gislaved.fixed == money::kr(42'000));
    CHECK(gislaved.supplement == money::kr(17'136));
    const ku::allocation_part& habo = result.at(code_of("Habo"));
    CHECK(habo.fixed == money::kr(42'000));
    CHECK(habo.supplement == money::kr(10'850));
    const ku::allocation_part& aneby = result.at(code_of("Aneby"));
    CHECK(aneby.fixed == money::kr(42'000));
    CHECK(aneby.supplement == money{});
    // The quota includes what is paid on top: 42 000 + 17 136 + 518 993 × 29 411 / 361 722.
    CHECK(gislaved.quota.to_swedish(2) == "101 334,43 kr");
    CHECK(gislaved.amount - gislaved.adjustment == money::kr(101'334));
}

TEST_CASE("Mullsjö does not take part in Miljösamverkan", "[allocation][proposal2025][fixed-plus]")
{
    const ku::allocation result = miljosamverkan(by_largest_remainder);
    const ku::kommun_code mullsjo = code_of("Mullsjö");
    CHECK(result.find(mullsjo) == nullptr);
    CHECK_THROWS_AS(result.at(mullsjo), ku::lookup_error);
    CHECK_THROWS_WITH(result.at(mullsjo),
                      Catch::Contains("0642") && Catch::Contains("does not take part"));
    REQUIRE(result.find(code_of("Habo")) != nullptr);
    CHECK(result.find(code_of("Habo"))->amount == money::kr(71'788));
}

TEST_CASE("every rounding method reproduces the Miljösamverkan column", "[allocation][proposal2025][fixed-plus]")
{
    const auto cells = published(fee("Miljösamverkan"));
    for (const allocation_method method : every_method) {
        INFO(ku::to_string(method));
        const ku::allocation result = miljosamverkan({method, ku::unit::kr});
        CHECK(amounts_kr(result) == cells);
        CHECK(result.rule.method == method);
        CHECK(result.residual() == money{});
    }
}

TEST_CASE("Arbete och delaktighet is 10 % of Grundfinansiering Social välfärd, kommun by kommun",
          "[allocation][proposal2025][derived]")
{
    const auto weights = weights_of(key::a);
    const ku::allocation base = ku::allocate(money::kr(9'000'000), weights, by_largest_remainder);
    const ku::allocation derived = ku::allocate_derived(base, ku::ratio{1, 10});

    CHECK(derived.total == money::kr(900'000));
    CHECK(derived.sum() == money::kr(900'000));
    CHECK(kr_of(derived, "Aneby") == 16'673);
    CHECK(kr_of(derived, "Jönköping") == 356'262);
    CHECK(kr_of(derived, "Värnamo") == 84'515);
    CHECK(amounts_kr(derived) == published(fee("Arbete och delaktighet")));
    CHECK(derived.rule.method == allocation_method::largest_remainder);
    CHECK(derived.basis == "1/10 av en annan avgift, kommun för kommun (största rest, hela kr)");
    // Vaggeryd's tenth is 36 204,5 kr exactly: it gets one of the six spare kronor.
    const ku::allocation_part& vaggeryd = derived.at(code_of("Vaggeryd"));
    CHECK(vaggeryd.quota.to_swedish(2) == "36 204,50 kr");
    CHECK(vaggeryd.adjustment == money::kr(1));

    // Rounding each member's tenth on its own gives the same column here.
    const ku::allocation each = ku::allocate_derived(base, ku::ratio{1, 10}, by_round_each);
    CHECK(amounts_kr(each) == published(fee("Arbete och delaktighet")));
    CHECK(each.residual() == money{});
}

TEST_CASE("a 26 tkr fee by key A gives Aneby 1 tkr but a 27 tkr fee none under largest remainder "
          "(the Alabama paradox), while Sainte-Laguë never takes a unit away",
          "[allocation][alabama][sainte-lague][largest-remainder]")
{
    const auto weights = weights_of(key::a);
    constexpr ku::allocation_rule hamilton{allocation_method::largest_remainder, ku::unit::tkr};
    constexpr ku::allocation_rule webster{allocation_method::sainte_lague, ku::unit::tkr};
    const ku::kommun_code aneby = code_of("Aneby");

    const ku::allocation hamilton_26 = ku::allocate(money::in(ku::unit::tkr, 26), weights, hamilton);
    const ku::allocation hamilton_27 = ku::allocate(money::in(ku::unit::tkr, 27), weights, hamilton);
    CHECK(hamilton_26.at(aneby).amount == money::in(ku::unit::tkr, 1));
    CHECK(hamilton_27.at(aneby).amount == money{});
    CHECK(hamilton_26.residual() == money{});
    CHECK(hamilton_27.residual() == money{});

    const ku::allocation webster_26 = ku::allocate(money::in(ku::unit::tkr, 26), weights, webster);
    const ku::allocation webster_27 = ku::allocate(money::in(ku::unit::tkr, 27), weights, webster);
    CHECK(webster_26.at(aneby).amount == money{});
    CHECK(webster_27.at(aneby).amount == money{});
    for (std::size_t i = 0; i < webster_26.parts.size(); ++i) {
        INFO("kommun " << webster_26.parts[i].member.str());
        CHECK(webster_27.parts[i].amount >= webster_26.parts[i].amount);
    }
    CHECK(webster_26.sum() == money::in(ku::unit::tkr, 26));
    CHECK(webster_27.sum() == money::in(ku::unit::tkr, 27));
}

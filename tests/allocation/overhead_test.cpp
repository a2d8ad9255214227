// Overhead (OH-påslag): a surcharge on project grants finances part of the administration, the
// rest is invoiced to the kommuner by key A; raising the rate from 15 % to 20 % lowers every
// kommun's invoice, and the per-kommun changes sum exactly to the change of the invoiced total.

#include <cstdint>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/overhead.hpp"
#include "ku/core/error.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/core/rate.hpp"
#include "ku/io/allocation_io.hpp"
#include "ku/io/csv.hpp"
#include "../support/fixtures.hpp"

using Catch::Contains;
using Catch::Equals;
using ku::kommun_code;
using ku::money;
using ku::rate;

namespace {

using ku::test::what;
using ku::test::kr;

std::vector<ku::member_weight> key_a()
{
    return ku::read_weights(ku::read_csv_file(KU_DATA_DIR "/population_keys.csv"), "key_a", ku::jonkopings_lan());
}

const kommun_code aneby{"0604"};
const kommun_code jonkoping{"0680"};
const kommun_code varnamo{"0683"};

const ku::overhead_change& change_of(const std::vector<ku::overhead_change>& changes, kommun_code member)
{
    for (const ku::overhead_change& c : changes) {
        if (c.member == member) {
            return c;
        }
    }
    FAIL("no change for " << member.str());
    return changes.front();
}

} // namespace

TEST_CASE("an OH surcharge of 15 % on 10 000 000 kr of grants covers 1 500 000 kr and the other 2 000 000 kr are invoiced by key A",
          "[overhead]")
{
    const std::vector<ku::member_weight> key = key_a();
    const ku::overhead_financing oh15 = ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(15), key);
    CHECK(oh15.surcharge == rate::percent(15));
    CHECK(oh15.administration == kr(3'500'000));
    CHECK(oh15.project_grants == kr(10'000'000));
    CHECK(oh15.from_surcharge == kr(1'500'000));
    CHECK(oh15.invoiced == kr(2'000'000));
    CHECK(oh15.from_surcharge + oh15.invoiced == oh15.administration);
    CHECK(oh15.to_kommuner.total == kr(2'000'000));
    CHECK(oh15.to_kommuner.sum() == kr(2'000'000));
    CHECK(oh15.to_kommuner.parts.size() == 13);
    // Jönköping: 2 000 000 × 146 197 / 369 327 = 791 693,7 → 791 694 by largest remainder.
    CHECK(oh15.to_kommuner.at(jonkoping).amount == kr(791'694));
    CHECK(oh15.to_kommuner.at(aneby).amount == kr(37'051));
    CHECK(oh15.to_kommuner.at(varnamo).amount == kr(187'812));
}

TEST_CASE("raising the OH rate from 15 % to 20 % lowers the kommuner's invoices by exactly 500 000 kr in all",
          "[overhead]")
{
    const std::vector<ku::member_weight> key = key_a();
    const ku::overhead_financing oh15 = ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(15), key);
    const ku::overhead_financing oh20 = ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(20), key);
    CHECK(oh20.from_surcharge == kr(2'000'000));
    CHECK(oh20.invoiced == kr(1'500'000));
    CHECK(oh20.to_kommuner.at(jonkoping).amount == kr(593'771));

    const std::vector<ku::overhead_change> changes = ku::compare_overhead(oh15, oh20);
    REQUIRE(changes.size() == 13);
    money total;
    for (const ku::overhead_change& c : changes) {
        CHECK(c.change() <= money{});
        CHECK(c.change() == c.after - c.before);
        total += c.change();
    }
    CHECK(total == oh20.invoiced - oh15.invoiced);
    CHECK(total == kr(-500'000));

    // Jönköping's invoice falls from 791 694 to 593 771 kr: by 197 923 kr, its invoice at 20 %
    // minus its invoice at 15 % (the consequence is the difference of the two invoices).
    const ku::overhead_change& j = change_of(changes, jonkoping);
    CHECK(j.before == kr(791'694));
    CHECK(j.after == kr(593'771));
    CHECK(j.change() == kr(-197'923));
    for (const ku::overhead_change& c : changes) {
        CHECK(c.before == oh15.to_kommuner.at(c.member).amount);
        CHECK(c.after == oh20.to_kommuner.at(c.member).amount);
    }
    CHECK(change_of(changes, aneby).change() == kr(-9'263));
    CHECK(change_of(changes, varnamo).change() == kr(-46'953));
}

TEST_CASE("the surcharge is rounded to whole kronor by the chosen mode", "[overhead]")
{
    const std::vector<ku::member_weight> key = key_a();
    // 15 % of 1 234 570 kr is 185 185,50 kr.
    const ku::overhead_financing half_up = ku::finance_overhead(kr(500'000), kr(1'234'570), rate::percent(15), key);
    CHECK(half_up.from_surcharge == kr(185'186));
    CHECK(half_up.invoiced == kr(314'814));
    const ku::overhead_financing down = ku::finance_overhead(kr(500'000), kr(1'234'570), rate::percent(15), key, {},
                                                             ku::rounding_mode::down);
    CHECK(down.from_surcharge == kr(185'185));
    CHECK(down.invoiced == kr(314'815));
    CHECK(down.to_kommuner.sum() == kr(314'815));

    // In öre the surcharge is exact.
    const ku::overhead_financing exact =
        ku::finance_overhead(kr(500'000), kr(1'234'570), rate::parse("15 %"),
                             key, {ku::allocation_method::largest_remainder, ku::unit::ore});
    CHECK(exact.from_surcharge == money::ore(18'518'550));
    CHECK(exact.to_kommuner.sum() == exact.invoiced);

    // 12,5 % of 1 000 000 kr.
    CHECK(ku::finance_overhead(kr(500'000), kr(1'000'000), rate::parse("12,5 %"), key).from_surcharge == kr(125'000));
}

TEST_CASE("a surcharge covering more than the administration is refunded to the kommuner by the key",
          "[overhead]")
{
    const std::vector<ku::member_weight> key = key_a();
    const ku::overhead_financing oh = ku::finance_overhead(kr(1'000'000), kr(10'000'000), rate::percent(20), key);
    CHECK(oh.invoiced == kr(-1'000'000));
    CHECK(oh.to_kommuner.sum() == kr(-1'000'000));
    for (const ku::allocation_part& part : oh.to_kommuner.parts) {
        CHECK(part.amount <= money{});
    }
}

TEST_CASE("a zero rate invoices all of the administration and no grants cover nothing", "[overhead]")
{
    const std::vector<ku::member_weight> key = key_a();
    const ku::overhead_financing none = ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate{}, key);
    CHECK(none.from_surcharge == money{});
    CHECK(none.invoiced == kr(3'500'000));
    CHECK(none.to_kommuner.at(jonkoping).amount == kr(1'385'465));
    const ku::overhead_financing no_grants = ku::finance_overhead(kr(3'500'000), money{}, rate::percent(20), key);
    CHECK(no_grants.invoiced == kr(3'500'000));
}

TEST_CASE("comparing overheads over different members counts a missing invoice as zero", "[overhead]")
{
    const std::vector<ku::member_weight> all = key_a();
    std::vector<ku::member_weight> without_mullsjo;
    for (const ku::member_weight& w : all) {
        if (w.member != kommun_code{"0642"}) {
            without_mullsjo.push_back(w);
        }
    }
    const ku::overhead_financing before = ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(15),
                                                               without_mullsjo);
    const ku::overhead_financing after = ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(20), all);
    const std::vector<ku::overhead_change> changes = ku::compare_overhead(before, after);
    REQUIRE(changes.size() == 13);
    const ku::overhead_change& mullsjo = change_of(changes, kommun_code{"0642"});
    CHECK(mullsjo.before == money{});
    CHECK(mullsjo.after == after.to_kommuner.at(kommun_code{"0642"}).amount);
    money total;
    for (const ku::overhead_change& c : changes) {
        total += c.change();
    }
    CHECK(total == after.invoiced - before.invoiced);
}

TEST_CASE("a negative OH rate, administration cost or grant is a domain error", "[overhead][errors]")
{
    const std::vector<ku::member_weight> key = key_a();
    CHECK_THROWS_MATCHES(ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(-5), key),
                         ku::domain_error, what(Contains("-5 %") && Contains("negative")));
    CHECK_THROWS_MATCHES(ku::finance_overhead(kr(-1), kr(10'000'000), rate::percent(15), key), ku::domain_error,
                         what(Equals("overhead: the administration cost -1 kr is negative; a cost cannot be negative")));
    CHECK_THROWS_MATCHES(ku::finance_overhead(kr(3'500'000), kr(-10'000'000), rate::percent(15), key),
                         ku::domain_error,
                         what(Equals("overhead: the project grants -10 000 000 kr are negative; grants cannot be negative")));
    // And as the key's allocation: no members.
    CHECK_THROWS_AS(ku::finance_overhead(kr(3'500'000), kr(10'000'000), rate::percent(15),
                                         std::vector<ku::member_weight>{}),
                    ku::domain_error);
}

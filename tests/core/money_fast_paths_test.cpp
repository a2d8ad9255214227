// The fast paths of money arithmetic against exact references in Boost's cpp_int: addition and
// subtraction from the carry flag, the vectorised ku::sum of a contiguous array, ku::add of two
// columns, and ku::multiply by a ratio in 64 bits. Random inputs over the edges: amounts at and
// near ±(2^63 - 1) öre, sums that leave the range by one öre, products just beyond 64 bits,
// every rounding mode and unit.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <list>
#include <random>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "ku/core/error.hpp"
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"
#include "../support/random.hpp"

using boost::multiprecision::cpp_int;
using ku::money;

namespace {

constexpr std::int64_t max_ore = std::numeric_limits<std::int64_t>::max();

using ku::test::rng_t;
using ku::test::uniform;

/// An amount in öre from one of several shapes: small, fees, near the limits, anywhere.
std::int64_t edge_ore(rng_t& rng)
{
    switch (uniform(rng, 0, 4)) {
    case 0: return uniform(rng, -1'000, 1'000);
    case 1: return uniform(rng, -10'000'000'000'000, 10'000'000'000'000);
    case 2: return max_ore - uniform(rng, 0, 3);
    case 3: return -max_ore + uniform(rng, 0, 3);
    default: return uniform(rng, -max_ore, max_ore);
    }
}

bool in_range(const cpp_int& ore) { return ore >= -cpp_int{max_ore} && ore <= cpp_int{max_ore}; }

} // namespace

TEST_CASE("adding and subtracting amounts from the carry flag agrees with exact integers and "
          "refuses every result beyond ±(2^63 − 1) öre",
          "[money][fast][property]")
{
    rng_t rng{1};
    int overflows = 0;
    for (int i = 0; i < 20'000; ++i) {
        const std::int64_t a = edge_ore(rng);
        const std::int64_t b = edge_ore(rng);
        const cpp_int sum = cpp_int{a} + b;
        const cpp_int difference = cpp_int{a} - b;
        INFO(a << " and " << b);
        if (in_range(sum)) {
            CHECK(cpp_int{(money::ore(a) + money::ore(b)).in_ore()} == sum);
        } else {
            ++overflows;
            CHECK_THROWS_AS(money::ore(a) + money::ore(b), ku::overflow_error);
        }
        if (in_range(difference)) {
            CHECK(cpp_int{(money::ore(a) - money::ore(b)).in_ore()} == difference);
        } else {
            CHECK_THROWS_AS(money::ore(a) - money::ore(b), ku::overflow_error);
        }
    }
    CHECK(overflows > 100);
    // Exactly one öre beyond the range, on either side: -2^63 is outside the symmetric range.
    CHECK_THROWS_WITH(money::ore(-max_ore) + money::ore(-1),
                      "money overflow in money + money: the result is beyond ±92 233 720 368 547 758,07 kr");
    CHECK_THROWS_AS(money::ore(-max_ore) - money::ore(1), ku::overflow_error);
    CHECK_THROWS_AS(money::ore(max_ore) + money::ore(1), ku::overflow_error);
    CHECK((money::ore(max_ore) + money::ore(-max_ore)).in_ore() == 0);
}

TEST_CASE("the vectorised sum of an array equals the exact total and is refused exactly when the "
          "total leaves the range",
          "[money][fast][property]")
{
    rng_t rng{2};
    for (int round = 0; round < 400; ++round) {
        const auto n = static_cast<std::size_t>(uniform(rng, 0, 300));
        std::vector<money> amounts;
        cpp_int exact = 0;
        const bool huge = uniform(rng, 0, 1) == 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::int64_t ore = huge ? edge_ore(rng) : uniform(rng, -100'000'000'000, 100'000'000'000);
            amounts.push_back(money::ore(ore));
            exact += ore;
        }
        const std::list<money> linked(amounts.begin(), amounts.end()); // the plain 128-bit loop
        INFO("round " << round << ", " << n << " amounts, total " << exact);
        if (in_range(exact)) {
            CHECK(cpp_int{ku::sum(amounts).in_ore()} == exact);
            CHECK(ku::sum(linked) == ku::sum(amounts));
        } else {
            CHECK_THROWS_AS(ku::sum(amounts), ku::overflow_error);
            CHECK_THROWS_AS(ku::sum(linked), ku::overflow_error);
        }
    }
    // Intermediates beyond the range that come back are fine; the extremes themselves too.
    const std::vector<money> swing{money::max(), money::max(), money::min(), money::min(), money::ore(-5)};
    CHECK(ku::sum(swing) == money::ore(-5));
    CHECK(ku::sum(std::vector<money>{money::min()}) == money::min());
    CHECK(ku::sum(std::vector<money>{}) == money{});
    CHECK_THROWS_AS(ku::sum(std::vector<money>{money::min(), money::ore(-1)}), ku::overflow_error);
}

TEST_CASE("adding two columns gives every exact sum and names the first position that leaves "
          "the range",
          "[money][fast][property]")
{
    rng_t rng{3};
    for (int round = 0; round < 200; ++round) {
        const auto n = static_cast<std::size_t>(uniform(rng, 1, 200));
        std::vector<money> a;
        std::vector<money> b;
        std::size_t first_outside = 0;
        for (std::size_t i = 0; i < n; ++i) {
            a.push_back(money::ore(edge_ore(rng)));
            b.push_back(money::ore(round % 2 == 0 ? uniform(rng, -1'000'000, 1'000'000) : edge_ore(rng)));
            if (first_outside == 0 && !in_range(cpp_int{a.back().in_ore()} + b.back().in_ore())) {
                first_outside = i + 1;
            }
        }
        std::vector<money> out(n);
        INFO("round " << round);
        if (first_outside == 0) {
            ku::add(a, b, out);
            for (std::size_t i = 0; i < n; ++i) {
                CHECK(out[i] == a[i] + b[i]);
            }
            ku::add(a, b, a); // in place
            CHECK(a == out);
        } else {
            CHECK_THROWS_WITH(ku::add(a, b, out),
                              "money overflow in add(a, b), position " + std::to_string(first_outside) +
                                  ": the result is beyond ±92 233 720 368 547 758,07 kr");
        }
    }
}

TEST_CASE("multiplying by a ratio in 64 bits rounds exactly as the 128-bit and unbounded "
          "arithmetic do, in every mode and unit",
          "[money][fast][property]")
{
    rng_t rng{4};
    int slow_path = 0;
    for (int i = 0; i < 30'000; ++i) {
        const std::int64_t ore = edge_ore(rng);
        std::int64_t num = 0;
        std::int64_t den = 1;
        switch (uniform(rng, 0, 3)) {
        case 0: num = uniform(rng, -200, 200); den = uniform(rng, 1, 200); break;
        case 1: num = uniform(rng, -3'000'000'000, 3'000'000'000); den = uniform(rng, 1, 3'000'000'000); break;
        case 2: num = 3; den = 20; break; // 15 %
        default: num = uniform(rng, -max_ore, max_ore); den = uniform(rng, 1, max_ore); break;
        }
        const ku::ratio factor{num, den};
        const auto mode = ku::all_rounding_modes.at(static_cast<std::size_t>(uniform(rng, 0, 6)));
        const auto u = static_cast<ku::unit>(uniform(rng, 0, 3));
        const cpp_int step = ku::ore_per(u);
        const cpp_int units = ku::rounded_quotient<cpp_int>(cpp_int{ore} * factor.num(), cpp_int{factor.den()} * step, mode);
        const cpp_int expected = units * step;
        slow_path += cpp_int{ore} * factor.num() > cpp_int{max_ore} ? 1 : 0;
        INFO(ore << " öre × " << factor.num() << "/" << factor.den() << ", " << ku::to_string(mode)
                 << ", in " << ku::to_string(u));
        if (in_range(expected)) {
            CHECK(cpp_int{ku::multiply(money::ore(ore), factor, mode, u).in_ore()} == expected);
        } else {
            CHECK_THROWS_AS(ku::multiply(money::ore(ore), factor, mode, u), ku::overflow_error);
        }
    }
    CHECK(slow_path > 1'000); // both paths were taken
}

// Properties of the allocation engine over many seeded random cases: exact sums, distance from
// the quota, independence of input order, round-each's residual, the divisor criterion and
// house monotonicity of Sainte-Laguë, and the Alabama paradox of largest remainder. Quotas are
// checked exactly with Boost.Multiprecision; nothing here uses floating point.

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/apportion.hpp"
#include "ku/core/money.hpp"
#include "../support/random.hpp"

using boost::multiprecision::cpp_int;
using boost::multiprecision::cpp_rational;
using ku::allocation_method;

namespace {

using ku::test::int64_max;

constexpr std::array<allocation_method, 4> all_methods{
    allocation_method::largest_remainder, allocation_method::sainte_lague,
    allocation_method::round_each, allocation_method::largest_absorbs};

/// An apportionment problem: a total and, per member, a weight and a distinct key.
struct problem {
    std::int64_t total = 0;
    std::vector<std::int64_t> weights;
    std::vector<std::uint64_t> keys;
};

using ku::test::rng_t;
using ku::test::uniform;
using ku::test::uniform_size;

/// Random weights for `n` members, drawn from one of several shapes: tiny (many ties and
/// zeros), populations, zeros among positive weights, all equal, or huge (up to 2^63 − 1).
std::vector<std::int64_t> random_weights(rng_t& rng, std::size_t n)
{
    std::vector<std::int64_t> weights(n);
    const std::int64_t shape = uniform(rng, 0, 4);
    const std::int64_t same = uniform(rng, 1, 1'000);
    for (std::int64_t& w : weights) {
        switch (shape) {
        case 0: w = uniform(rng, 0, 3); break;
        case 1: w = uniform(rng, 1, 150'000); break;
        case 2: w = uniform(rng, 0, 1) == 0 ? 0 : uniform(rng, 1, 1'000'000); break;
        case 3: w = same; break;
        default: w = uniform(rng, 0, int64_max); break;
        }
    }
    if (std::all_of(weights.begin(), weights.end(), [](std::int64_t w) { return w == 0; })) {
        weights[uniform_size(rng, 0, n - 1)] = uniform(rng, 1, 10);
    }
    return weights;
}

/// A random total: small, medium, near ±(2^63 − 1), or anywhere in the range; refunds too.
std::int64_t random_total(rng_t& rng)
{
    switch (uniform(rng, 0, 4)) {
    case 0: return uniform(rng, -100, 100);
    case 1: return uniform(rng, -1'000'000'000, 1'000'000'000);
    case 2: return int64_max - uniform(rng, 0, 1'000);
    case 3: return -int64_max + uniform(rng, 0, 1'000);
    default: return uniform(rng, -int64_max, int64_max);
    }
}

/// Distinct keys (an odd multiplier is a bijection on 64 bits), shuffled.
std::vector<std::uint64_t> random_keys(rng_t& rng, std::size_t n)
{
    std::vector<std::uint64_t> keys(n);
    const std::uint64_t offset = rng();
    for (std::size_t i = 0; i < n; ++i) {
        keys[i] = (offset + i) * 0x9E37'79B9'7F4A'7C15U;
    }
    std::shuffle(keys.begin(), keys.end(), rng);
    return keys;
}

problem random_problem(rng_t& rng, std::size_t max_members)
{
    // One case in eight has a single member.
    const std::size_t n = uniform(rng, 0, 7) == 0 ? 1 : uniform_size(rng, 1, max_members);
    return {random_total(rng), random_weights(rng, n), random_keys(rng, n)};
}

struct outcome {
    std::vector<std::int64_t> units;
    std::int64_t residual = 0;
};

outcome solve(allocation_method method, const problem& p, ku::apportion_scratch& scratch)
{
    outcome out;
    out.units.resize(p.weights.size());
    out.residual = ku::apportion(method, p.total, p.weights, p.keys, out.units, scratch);
    return out;
}

cpp_int sum_of(const std::vector<std::int64_t>& values)
{
    cpp_int total = 0;
    for (const std::int64_t v : values) {
        total += v;
    }
    return total;
}

cpp_int weight_sum(const problem& p) { return sum_of(p.weights); }

/// The exact quota total × w_i / Σw.
cpp_rational quota(const problem& p, std::size_t i, const cpp_int& weights_total)
{
    return cpp_rational{cpp_int{p.total} * p.weights[i], weights_total};
}

/// Rounded half away from zero, computed here independently of the library.
cpp_int round_half_up(const cpp_rational& q)
{
    cpp_int n = boost::multiprecision::numerator(q);
    const cpp_int d = boost::multiprecision::denominator(q); // positive
    const bool negative = n < 0;
    if (negative) {
        n = -n;
    }
    const cpp_int rounded = (2 * n + d) / (2 * d);
    return negative ? cpp_int{-rounded} : rounded;
}

cpp_rational magnitude(const cpp_rational& q) { return q < 0 ? cpp_rational{-q} : q; }

cpp_int to_cpp_int(ku::int128 value)
{
    const bool negative = value < 0;
    const auto bits = static_cast<ku::uint128>(negative ? -value : value);
    cpp_int result = static_cast<std::uint64_t>(bits >> 64U);
    result <<= 64;
    result += static_cast<std::uint64_t>(bits & 0xFFFF'FFFF'FFFF'FFFFU);
    return negative ? cpp_int{-result} : result;
}

/// Whether the units satisfy Webster's divisor criterion exactly (for a refund, their negations):
/// every member's last unit has at least the priority w/(2s − 1) of any member's next unit
/// w/(2s + 1), i.e. some divisor rounds every quota to its units.
bool satisfies_webster(const problem& p, const std::vector<std::int64_t>& units)
{
    // Magnitudes: a refund is the negation of the charge.
    const bool refund = p.total < 0;
    // Largest next priority and smallest last priority, as fractions w / odd.
    cpp_int best_next_w = 0;
    cpp_int best_next_d = 1;
    bool any_last = false;
    cpp_int worst_last_w = 0;
    cpp_int worst_last_d = 1;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::int64_t s = refund ? -units[i] : units[i];
        if (s < 0) {
            return false;
        }
        const cpp_int w = p.weights[i];
        const cpp_int next_d = 2 * cpp_int{s} + 1;
        if (w * best_next_d > best_next_w * next_d) {
            best_next_w = w;
            best_next_d = next_d;
        }
        if (s > 0) {
            const cpp_int last_d = 2 * cpp_int{s} - 1;
            if (!any_last || w * worst_last_d < worst_last_w * last_d) {
                worst_last_w = w;
                worst_last_d = last_d;
                any_last = true;
            }
        }
    }
    return !any_last || worst_last_w * best_next_d >= best_next_w * worst_last_d;
}

} // namespace

TEST_CASE("every method except round-each sums exactly to the total, for any weights and totals",
          "[allocation][property]")
{
    rng_t rng{20'250'101};
    ku::apportion_scratch scratch;
    for (int round = 0; round < 3'000; ++round) {
        const problem p = random_problem(rng, 40);
        for (const allocation_method method : all_methods) {
            const outcome out = solve(method, p, scratch);
            INFO("round " << round << ", " << ku::to_string(method) << ", total " << p.total
                          << ", " << p.weights.size() << " members");
            if (method == allocation_method::round_each) {
                CHECK(sum_of(out.units) + out.residual == p.total);
            } else {
                CHECK(out.residual == 0);
                CHECK(sum_of(out.units) == p.total);
            }
        }
    }
}

TEST_CASE("under largest remainder no member is a whole unit or more from its quota",
          "[allocation][property][largest-remainder]")
{
    rng_t rng{4'711};
    ku::apportion_scratch scratch;
    for (int round = 0; round < 1'000; ++round) {
        const problem p = random_problem(rng, 30);
        const outcome out = solve(allocation_method::largest_remainder, p, scratch);
        const cpp_int weights_total = weight_sum(p);
        for (std::size_t i = 0; i < p.weights.size(); ++i) {
            const cpp_rational q = quota(p, i, weights_total);
            INFO("round " << round << ", member " << i << ", total " << p.total << ", quota "
                          << q.str());
            CHECK(magnitude(cpp_rational{out.units[i]} - q) < 1);
            // A zero weight gets nothing; no part has the sign opposite the total's.
            if (p.weights[i] == 0) {
                CHECK(out.units[i] == 0);
            }
            CHECK((p.total >= 0 ? out.units[i] >= 0 : out.units[i] <= 0));
        }
    }
}

TEST_CASE("round-each rounds every quota half-up and states the residual total − Σ rounded quotas",
          "[allocation][property][round-each]")
{
    rng_t rng{1'144'526};
    ku::apportion_scratch scratch;
    for (int round = 0; round < 1'500; ++round) {
        const problem p = random_problem(rng, 30);
        const outcome each = solve(allocation_method::round_each, p, scratch);
        const outcome absorbs = solve(allocation_method::largest_absorbs, p, scratch);
        const cpp_int weights_total = weight_sum(p);
        cpp_int rounded_sum = 0;
        for (std::size_t i = 0; i < p.weights.size(); ++i) {
            const cpp_int rounded = round_half_up(quota(p, i, weights_total));
            INFO("round " << round << ", member " << i);
            CHECK(cpp_int{each.units[i]} == rounded);
            rounded_sum += rounded;
        }
        INFO("round " << round << ", total " << p.total);
        CHECK(cpp_int{each.residual} == cpp_int{p.total} - rounded_sum);
        CHECK(2 * magnitude(cpp_rational{each.residual}) <= p.weights.size());

        // Largest-absorbs is round-each with the residual on the largest weight (lowest key).
        std::size_t largest = 0;
        for (std::size_t i = 1; i < p.weights.size(); ++i) {
            if (p.weights[i] > p.weights[largest] ||
                (p.weights[i] == p.weights[largest] && p.keys[i] < p.keys[largest])) {
                largest = i;
            }
        }
        for (std::size_t i = 0; i < p.weights.size(); ++i) {
            CHECK(absorbs.units[i] == each.units[i] + (i == largest ? each.residual : 0));
        }
    }
}

TEST_CASE("Sainte-Laguë satisfies the Webster divisor criterion exactly", "[allocation][property][sainte-lague]")
{
    rng_t rng{3'562'623};
    ku::apportion_scratch scratch;
    for (int round = 0; round < 1'500; ++round) {
        const problem p = random_problem(rng, 30);
        const outcome out = solve(allocation_method::sainte_lague, p, scratch);
        INFO("round " << round << ", total " << p.total << ", " << p.weights.size() << " members");
        CHECK(satisfies_webster(p, out.units));
    }
}

TEST_CASE("results do not depend on the order the members are given in", "[allocation][property]")
{
    rng_t rng{845'154};
    ku::apportion_scratch scratch;
    for (int round = 0; round < 1'000; ++round) {
        const problem p = random_problem(rng, 30);
        std::vector<std::size_t> order(p.weights.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::shuffle(order.begin(), order.end(), rng);
        problem shuffled{p.total, {}, {}};
        for (const std::size_t i : order) {
            shuffled.weights.push_back(p.weights[i]);
            shuffled.keys.push_back(p.keys[i]);
        }
        for (const allocation_method method : all_methods) {
            const outcome original = solve(method, p, scratch);
            const outcome reordered = solve(method, shuffled, scratch);
            INFO("round " << round << ", " << ku::to_string(method));
            CHECK(reordered.residual == original.residual);
            for (std::size_t j = 0; j < order.size(); ++j) {
                CHECK(reordered.units[j] == original.units[order[j]]);
            }
        }
    }
}

TEST_CASE("Sainte-Laguë is house-monotone: one more unit to share never takes a unit from anyone",
          "[allocation][property][sainte-lague][alabama]")
{
    rng_t rng{1'050'979};
    ku::apportion_scratch scratch;
    int hamilton_paradoxes = 0;
    // Growing totals over small weights, where ties and the paradox are common.
    for (int round = 0; round < 300; ++round) {
        const std::size_t n = uniform_size(rng, 2, 8);
        problem p{0, {}, random_keys(rng, n)};
        for (std::size_t i = 0; i < n; ++i) {
            p.weights.push_back(uniform(rng, 0, 12));
        }
        if (std::all_of(p.weights.begin(), p.weights.end(), [](std::int64_t w) { return w == 0; })) {
            p.weights[0] = 1;
        }
        const bool refund = uniform(rng, 0, 3) == 0;
        outcome webster_before = solve(allocation_method::sainte_lague, p, scratch);
        outcome hamilton_before = solve(allocation_method::largest_remainder, p, scratch);
        for (std::int64_t step = 1; step <= 60; ++step) {
            p.total = refund ? -step : step;
            const outcome webster = solve(allocation_method::sainte_lague, p, scratch);
            const outcome hamilton = solve(allocation_method::largest_remainder, p, scratch);
            bool paradox = false;
            for (std::size_t i = 0; i < n; ++i) {
                INFO("round " << round << ", total " << p.total << ", member " << i);
                if (refund) {
                    CHECK(webster.units[i] <= webster_before.units[i]);
                    paradox = paradox || hamilton.units[i] > hamilton_before.units[i];
                } else {
                    CHECK(webster.units[i] >= webster_before.units[i]);
                    paradox = paradox || hamilton.units[i] < hamilton_before.units[i];
                }
            }
            hamilton_paradoxes += paradox ? 1 : 0;
            webster_before = webster;
            hamilton_before = hamilton;
        }
    }
    // Random weights and totals anywhere in the range, one unit more.
    for (int round = 0; round < 2'000; ++round) {
        problem p = random_problem(rng, 30);
        if (p.total == int64_max) {
            p.total -= 1;
        }
        const outcome before = solve(allocation_method::sainte_lague, p, scratch);
        const bool refund = p.total < 0;
        p.total += refund ? -1 : 1;
        const outcome after = solve(allocation_method::sainte_lague, p, scratch);
        for (std::size_t i = 0; i < p.weights.size(); ++i) {
            INFO("round " << round << ", total " << p.total << ", member " << i);
            CHECK((refund ? after.units[i] <= before.units[i] : after.units[i] >= before.units[i]));
        }
    }
    // The same random walks show largest remainder's Alabama paradox many times over.
    INFO("largest remainder paradoxes: " << hamilton_paradoxes);
    CHECK(hamilton_paradoxes > 10);
}

TEST_CASE("ten thousand members: exact sums, quotas within a unit, Webster's criterion",
          "[allocation][property][large]")
{
    rng_t rng{10'000};
    ku::apportion_scratch scratch;
    constexpr std::size_t n = 10'000;
    for (int round = 0; round < 4; ++round) {
        const problem p{random_total(rng), random_weights(rng, n), random_keys(rng, n)};
        INFO("round " << round << ", total " << p.total);
        const cpp_int weights_total = weight_sum(p);
        for (const allocation_method method : all_methods) {
            const outcome out = solve(method, p, scratch);
            INFO(ku::to_string(method));
            if (method != allocation_method::round_each) {
                CHECK(sum_of(out.units) == p.total);
            }
            if (method == allocation_method::largest_remainder) {
                bool within = true;
                for (std::size_t i = 0; i < n; ++i) {
                    within = within && magnitude(cpp_rational{out.units[i]} - quota(p, i, weights_total)) < 1;
                }
                CHECK(within);
            }
            if (method == allocation_method::sainte_lague) {
                CHECK(satisfies_webster(p, out.units));
            }
        }
    }
}

TEST_CASE("a million members: largest remainder and Sainte-Laguë sum exactly to the total",
          "[allocation][property][large]")
{
    rng_t rng{1'000'000};
    constexpr std::size_t n = 1'000'000;
    problem p{0, std::vector<std::int64_t>(n), random_keys(rng, n)};
    for (std::int64_t& w : p.weights) {
        w = uniform(rng, 0, 1'000'000);
    }
    ku::apportion_scratch scratch;
    for (const std::int64_t total : {std::int64_t{999'999}, -int64_max + 17}) {
        p.total = total;
        for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague}) {
            INFO(ku::to_string(method) << ", total " << total);
            const outcome out = solve(method, p, scratch);
            ku::int128 sum = 0; // 10^6 terms of at most 2^63 each: fits
            for (const std::int64_t u : out.units) {
                sum += u;
            }
            CHECK(out.residual == 0);
            CHECK(sum == ku::int128{total});
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The same properties through the kommun-level keys, in öre and near the ends of the money range.

namespace {

/// A random total that is a whole number of `u`, anywhere in the money range or near its ends.
ku::money random_money(rng_t& rng, ku::unit u)
{
    const std::int64_t limit = int64_max / ku::ore_per(u);
    switch (uniform(rng, 0, 3)) {
    case 0: return ku::money::in(u, uniform(rng, -30, 30));
    case 1: return ku::money::in(u, limit - uniform(rng, 0, 50));
    case 2: return ku::money::in(u, -limit + uniform(rng, 0, 50));
    default: return ku::money::in(u, uniform(rng, -limit, limit));
    }
}

/// Random decimal weights for a random subset of the 13 kommuner, in random order.
std::vector<ku::member_weight> random_members(rng_t& rng)
{
    std::vector<ku::kommun_code> codes;
    for (const ku::kommun& k : ku::jonkopings_lan().all()) {
        codes.push_back(k.code);
    }
    std::shuffle(codes.begin(), codes.end(), rng);
    codes.erase(codes.begin() + static_cast<std::ptrdiff_t>(uniform_size(rng, 1, codes.size())),
                codes.end());
    std::vector<ku::member_weight> members;
    // One case in four has equal weights, one in four weights 1 and 2 only (in a common number
    // of decimals), so that equal weights and equal remainders are common.
    const std::int64_t shape = uniform(rng, 0, 3);
    const int common_decimals = static_cast<int>(uniform(rng, 0, 3));
    for (const ku::kommun_code code : codes) {
        switch (shape) {
        case 0: members.push_back({code, ku::weight{1, common_decimals}}); break;
        case 1: members.push_back({code, ku::weight{uniform(rng, 1, 2), common_decimals}}); break;
        default:
            members.push_back({code, ku::weight{uniform(rng, 0, 200'000'000),
                                                static_cast<int>(uniform(rng, 0, 3))}});
            break;
        }
    }
    if (std::all_of(members.begin(), members.end(),
                    [](const ku::member_weight& m) { return m.weight == ku::weight{}; })) {
        members.front().weight = ku::weight::whole(1);
    }
    return members;
}

cpp_rational as_rational(ku::weight w)
{
    const ku::ratio r = w.as_ratio();
    return cpp_rational{cpp_int{r.num()}, cpp_int{r.den()}};
}

/// The quota truncated toward zero to a whole number of `step` öre.
cpp_int truncated(const cpp_rational& quota_ore, std::int64_t step)
{
    const cpp_rational units = quota_ore / step;
    // cpp_int division truncates toward zero.
    return boost::multiprecision::numerator(units) / boost::multiprecision::denominator(units) * step;
}

} // namespace

TEST_CASE("kommun-level keys sum to the total, keep quotas exact and ignore input order, up to "
          "the ends of the money range",
          "[allocation][property]")
{
    rng_t rng{9'000'000};
    constexpr std::array<ku::unit, 4> units{ku::unit::ore, ku::unit::kr, ku::unit::tkr,
                                            ku::unit::mnkr};
    int refused = 0;
    for (int round = 0; round < 400; ++round) {
        const ku::unit u = units[uniform_size(rng, 0, units.size() - 1)];
        const std::int64_t step = ku::ore_per(u);
        const ku::money total = random_money(rng, u);
        const std::vector<ku::member_weight> members = random_members(rng);
        std::vector<ku::member_weight> shuffled = members;
        std::shuffle(shuffled.begin(), shuffled.end(), rng);
        cpp_rational weights_total = 0;
        for (const ku::member_weight& m : members) {
            weights_total += as_rational(m.weight);
        }
        // Round-each, and the member that absorbs its residual under largest-absorbs: the
        // largest weight, then the lowest code.
        const ku::allocation each =
            ku::allocate(total, members, {allocation_method::round_each, u});
        const ku::member_weight& largest = *std::min_element(
            members.begin(), members.end(), [](const ku::member_weight& a, const ku::member_weight& b) {
                return a.weight != b.weight ? a.weight > b.weight : a.member < b.member;
            });
        const ku::money absorbed = each.at(largest.member).amount + each.residual();

        for (const allocation_method method : all_methods) {
            INFO("round " << round << ", " << ku::to_string(method) << ", total "
                          << ku::format_swedish(total) << " in " << ku::to_string(u) << ", "
                          << members.size() << " members");
            const ku::allocation_rule rule{method, u};
            if (method == allocation_method::largest_absorbs &&
                (absorbed < ku::money{}) != (total < ku::money{}) && absorbed != ku::money{}) {
                // The largest member would pay a part of the wrong sign: refused.
                CHECK_THROWS_AS(ku::allocate(total, members, rule), ku::domain_error);
                ++refused;
                continue;
            }
            const ku::allocation result = ku::allocate(total, members, rule);
            const ku::allocation reordered = ku::allocate(total, shuffled, rule);
            CHECK(result.rule.method == method);
            CHECK(result.total == total);

            cpp_int rounded_sum = 0;
            for (const ku::allocation_part& part : result.parts) {
                INFO("kommun " << part.member.str());
                const cpp_rational expected =
                    cpp_rational{cpp_int{total.in_ore()}} * as_rational(part.weight) / weights_total;
                const cpp_rational held{to_cpp_int(part.quota.numerator),
                                        to_cpp_int(part.quota.denominator)};
                CHECK(held == expected);
                CHECK(part.amount.is_whole(u));
                CHECK(cpp_int{(part.amount - part.adjustment).in_ore()} == truncated(expected, step));
                const cpp_int rounded = round_half_up(expected / step) * step;
                rounded_sum += rounded;
                switch (method) {
                case allocation_method::largest_remainder:
                    CHECK(magnitude(cpp_rational{cpp_int{part.amount.in_ore()}} - expected) < step);
                    break;
                case allocation_method::controlled: // one column: largest remainder's parts
                    CHECK(part.amount == ku::allocate(total, members, {allocation_method::largest_remainder, u})
                                             .at(part.member)
                                             .amount);
                    break;
                case allocation_method::round_each:
                    CHECK(cpp_int{part.amount.in_ore()} == rounded);
                    break;
                case allocation_method::largest_absorbs:
                    CHECK(part.amount == (part.member == largest.member
                                              ? absorbed
                                              : each.at(part.member).amount));
                    break;
                case allocation_method::sainte_lague: break;
                }
                const ku::allocation_part* same = reordered.find(part.member);
                REQUIRE(same != nullptr);
                CHECK(same->amount == part.amount);
                CHECK(same->adjustment == part.adjustment);
            }
            if (method == allocation_method::round_each) {
                CHECK(cpp_int{result.residual().in_ore()} == cpp_int{total.in_ore()} - rounded_sum);
            } else {
                CHECK(result.sum() == total);
                CHECK(result.residual() == ku::money{});
            }
        }
    }
    // Small totals among many small equal weights make largest-absorbs refuse a few cases.
    CHECK(refused > 0);
    CHECK(refused < 40);
}

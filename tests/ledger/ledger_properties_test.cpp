// Properties of reorganisations and roll-forward over many seeded random ledgers: splits by
// shares such as k/10 and k/7, splits by amounts, merges and closes of zero balances, with
// negative balances (refunds) among them, never create or lose an öre; the result does not
// depend on the order of the rules; a part split by shares is within one unit of its exact
// share; and rolling a period forward carries the accumulated surplus exactly. Every check is
// exact integer arithmetic.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <random>
#include <ranges>
#include <string>
#include <variant>
#include <vector>

#include <catch2/catch.hpp>
#include "../support/catch_ku.hpp"

#include "ku/core/money.hpp"
#include "ku/core/period.hpp"
#include "ku/core/ratio.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"
#include "../support/random.hpp"

namespace {

using ku::area_amount;
using ku::int128;
using ku::money;
using ku::ratio;
using ku::reorganisation_rule;
using ku::unit;

using ku::test::rng_t;

constexpr int cases = 3000;

using ku::test::uniform;
using ku::test::uniform_size;

bool chance(rng_t& rng, std::int64_t one_in) { return uniform(rng, 1, one_in) == 1; }

/// A whole number of `u`, sometimes zero, sometimes negative (a refund), up to 10^9 units.
money random_balance(rng_t& rng, unit u)
{
    if (chance(rng, 6)) {
        return money{};
    }
    const std::int64_t magnitude = chance(rng, 3) ? uniform(rng, 1, 1'000) : uniform(rng, 1, 1'000'000'000);
    return money::in(u, chance(rng, 4) ? -magnitude : magnitude);
}

std::vector<area_amount> random_balances(rng_t& rng, unit u)
{
    std::vector<area_amount> balances;
    const std::size_t n = uniform_size(rng, 1, 12);
    for (std::size_t i = 0; i < n; ++i) {
        balances.emplace_back(ku::partnerskap::named("område " + std::to_string(i)), random_balance(rng, u));
    }
    return balances;
}

/// `parts` non-negative numerators summing to `den`, at least one positive.
std::vector<std::int64_t> random_composition(rng_t& rng, std::size_t parts, std::int64_t den)
{
    std::vector<std::int64_t> cuts{0, den};
    for (std::size_t i = 1; i < parts; ++i) {
        cuts.push_back(uniform(rng, 0, den));
    }
    std::ranges::sort(cuts);
    std::vector<std::int64_t> numerators;
    for (std::size_t i = 1; i < cuts.size(); ++i) {
        numerators.push_back(cuts[i] - cuts[i - 1]);
    }
    return numerators;
}

/// `count` distinct target names: new areas, or areas of `balances` (which then also keep
/// their own balance, or pass it on themselves).
/// Distinct target areas: existing ones (sometimes spelt "Område" rather than "område", the
/// same area by id) or new ones.
std::vector<ku::partnerskap> random_targets(rng_t& rng, std::size_t count, std::size_t areas)
{
    std::vector<ku::partnerskap> targets;
    while (targets.size() < count) {
        const std::string existing = (chance(rng, 4) ? "Område " : "område ") + std::to_string(uniform_size(rng, 0, areas - 1));
        ku::partnerskap area =
            ku::partnerskap::named(chance(rng, 3) ? existing : "nytt " + std::to_string(uniform(rng, 0, 7)));
        if (std::ranges::none_of(targets, [&](const ku::partnerskap& t) { return t.same_area(area); })) {
            targets.push_back(std::move(area));
        }
    }
    return targets;
}

constexpr std::array<std::int64_t, 8> denominators{2, 3, 5, 7, 10, 12, 100, 1'000};

/// A random reorganisation of `balances`: each area kept, split by shares, split by amounts,
/// merged into another area, or (when its balance is zero) closed.
std::vector<reorganisation_rule> random_rules(rng_t& rng, const std::vector<area_amount>& balances, unit u)
{
    std::vector<reorganisation_rule> rules;
    for (const auto& [area, balance] : balances) {
        switch (uniform(rng, 0, 4)) {
        case 0: break; // kept under its own name
        case 1: {      // split by shares k/d
            const std::int64_t den = denominators[uniform_size(rng, 0, denominators.size() - 1)];
            const std::size_t parts = uniform_size(rng, 1, 4);
            const auto numerators = random_composition(rng, parts, den);
            const auto targets = random_targets(rng, parts, balances.size());
            for (std::size_t i = 0; i < parts; ++i) {
                rules.push_back({area, targets[i], ratio{numerators[i], den}});
            }
            break;
        }
        case 2: { // split by amounts, some parts negative, the last one what is left
            const std::size_t parts = uniform_size(rng, 1, 3);
            const auto targets = random_targets(rng, parts, balances.size());
            money left = balance;
            for (std::size_t i = 0; i + 1 < parts; ++i) {
                const money part = money::in(u, uniform(rng, -1'000'000, 1'000'000'000));
                rules.push_back({area, targets[i], part});
                left -= part;
            }
            rules.push_back({area, targets.back(), left});
            break;
        }
        case 3: // merged into one other area, new or existing
            rules.push_back({area, random_targets(rng, 1, balances.size()).front(), ratio::whole(1)});
            break;
        default: // closed, when there is nothing to carry
            if (balance == money{}) {
                rules.push_back({area, std::nullopt, chance(rng, 2) ? std::variant<ratio, money>{ratio::whole(1)}
                                                          : std::variant<ratio, money>{money{}}});
            }
            break;
        }
    }
    return rules;
}

money total_of(const std::vector<area_amount>& balances) { return ku::sum(balances | std::views::values); }

std::vector<area_amount> sorted(std::vector<area_amount> balances)
{
    std::ranges::sort(balances);
    return balances;
}

/// A random ledger entry: every flow random in öre, sometimes spending exactly what is available.
ku::balance_entry random_entry(rng_t& rng, ku::partnerskap area, unit u)
{
    const auto amount = [&] { return money::in(u, uniform(rng, -1'000'000, 1'000'000'000)); };
    ku::balance_entry entry{.area = std::move(area),
                            .internal = chance(rng, 8),
                            .ingaende_balans = amount(),
                            .erhallna_medel = amount(),
                            .budget_forbrukning = amount(),
                            .utfall_forbrukning = amount(),
                            .utbetalt_till_kommuner = chance(rng, 2) ? amount() : money{},
                            .overforda_medel = chance(rng, 3) ? amount() : money{},
                            .varav_statliga_medel = money{}};
    if (chance(rng, 5)) { // ends the period at exactly zero
        entry.utfall_forbrukning = entry.disponibla_medel() - entry.utbetalt_till_kommuner - entry.overforda_medel;
    }
    return entry;
}

ku::balance_period random_ledger(rng_t& rng, unit u, int year)
{
    ku::balance_period ledger{.period = ku::period::bokslut(std::chrono::year{year}), .entries = {}};
    const std::size_t n = uniform_size(rng, 1, 12);
    for (std::size_t i = 0; i < n; ++i) {
        ledger.entries.push_back(random_entry(rng, ku::partnerskap::named("område " + std::to_string(i)), u));
    }
    return ledger;
}

} // namespace

TEST_CASE("reorganising random closing balances by shares, amounts, merges and closes never creates or loses an öre",
          "[reorganisation][property]")
{
    rng_t rng{20'231'231};
    int splits_by_share = 0;
    int negative = 0;
    for (int i = 0; i < cases; ++i) {
        const unit u = chance(rng, 2) ? unit::tkr : unit::ore;
        const auto balances = random_balances(rng, u);
        const ku::reorganisation mapping{random_rules(rng, balances, u)};
        INFO("case " << i << ", " << balances.size() << " areas, " << mapping.rules().size() << " rules");
        const auto result = mapping.apply(balances, u);

        REQUIRE(total_of(result) == total_of(balances));
        const auto count_of = [&](const ku::partnerskap& area) {
            return std::ranges::count_if(result, [&](const area_amount& a) { return a.first.same_area(area); });
        };
        for (const auto& [area, amount] : result) {
            CHECK(amount.is_whole(u));
            CHECK(count_of(area) == 1);
        }
        // Every area that is not reorganised carries its own balance (plus whatever is merged into it).
        for (const auto& [area, balance] : balances) {
            if (mapping.targets_of(area) == std::vector<ku::partnerskap>{area}) {
                CHECK(count_of(area) == 1);
            }
        }
        splits_by_share += std::ranges::count_if(
            mapping.rules(), [](const auto& rule) { return std::holds_alternative<ratio>(rule.part); }) > 0;
        negative += std::ranges::any_of(balances, [](const auto& b) { return b.second < money{}; });
    }
    // The generator reaches the cases that matter.
    CHECK(splits_by_share > cases / 2);
    CHECK(negative > cases / 2);
}

TEST_CASE("a reorganisation's result does not depend on the order of its rules", "[reorganisation][property]")
{
    rng_t rng{7};
    for (int i = 0; i < cases; ++i) {
        const unit u = chance(rng, 2) ? unit::tkr : unit::kr;
        const auto balances = random_balances(rng, u);
        std::vector<reorganisation_rule> rules = random_rules(rng, balances, u);
        const auto result = ku::reorganisation{rules}.apply(balances, u);
        std::ranges::shuffle(rules, rng);
        INFO("case " << i);
        CHECK(sorted(ku::reorganisation{rules}.apply(balances, u)) == sorted(result));
    }
}

TEST_CASE("a balance split by shares gives each part its exact share rounded down or up to a whole unit",
          "[reorganisation][property]")
{
    rng_t rng{1'730};
    for (int i = 0; i < cases; ++i) {
        const unit u = std::array{unit::ore, unit::kr, unit::tkr}[uniform_size(rng, 0, 2)];
        const money balance = random_balance(rng, u);
        const std::int64_t den = denominators[uniform_size(rng, 0, denominators.size() - 1)];
        const std::size_t parts = uniform_size(rng, 1, 6);
        const auto numerators = random_composition(rng, parts, den);
        std::vector<reorganisation_rule> rules;
        for (std::size_t p = 0; p < parts; ++p) {
            rules.push_back({ku::partnerskap::named("Social välfärd"), ku::partnerskap::named("del " + std::to_string(p)),
                             ratio{numerators[p], den}});
        }
        const auto result = ku::reorganisation{rules}.apply({{ku::partnerskap::named("Social välfärd"), balance}}, u);
        INFO("case " << i << ": " << ku::format_plain(balance) << " kr in " << parts << " parts of " << den);
        REQUIRE(result.size() == parts);
        REQUIRE(total_of(result) == balance);

        const int128 step = ku::ore_per(u);
        const int128 units = balance.in_ore() / step;
        for (std::size_t p = 0; p < parts; ++p) {
            const money part = result[p].second;
            REQUIRE(part.is_whole(u));
            // |part × den − balance × share × den| < one unit × den, with exact integers.
            const int128 exact_times_den = units * numerators[p];
            const int128 part_times_den = part.in_ore() / step * den;
            const int128 distance = part_times_den - exact_times_den;
            CHECK(distance < den);
            CHECK(distance > -den);
        }
    }
}

TEST_CASE("rolling random ledgers forward carries the accumulated surplus exactly, reorganised or not",
          "[ledger][roll_forward][property]")
{
    rng_t rng{2'024};
    for (int i = 0; i < cases; ++i) {
        const unit u = chance(rng, 2) ? unit::tkr : unit::ore;
        const ku::balance_period closed = random_ledger(rng, u, 2023);
        std::vector<area_amount> closing;
        for (const ku::balance_entry& entry : closed.entries) {
            closing.emplace_back(entry.area, entry.kvarvarande_medel());
        }
        const ku::reorganisation mapping{random_rules(rng, closing, u)};
        INFO("case " << i);

        const ku::balance_period kept = ku::roll_forward(closed, ku::period::bokslut(std::chrono::year{2024}));
        CHECK(kept.net_total(ku::balance_column::ingaende_balans) == closed.accumulated_surplus());
        CHECK(kept.accumulated_surplus() == closed.accumulated_surplus());
        CHECK(kept.entries.size() == closed.entries.size());

        const ku::balance_period next =
            ku::roll_forward(closed, ku::period::bokslut(std::chrono::year{2024}), &mapping, u);
        CHECK(next.net_total(ku::balance_column::ingaende_balans) == closed.accumulated_surplus());
        for (const ku::balance_entry& entry : next.entries) {
            CHECK(entry.erhallna_medel == money{});
            CHECK(entry.utfall_forbrukning == money{});
            CHECK(entry.kvarvarande_medel() == entry.ingaende_balans);
        }

        // A second year of random flows, rolled forward again.
        ku::balance_period spent = next;
        for (ku::balance_entry& entry : spent.entries) {
            const ku::balance_entry flows = random_entry(rng, entry.area, u);
            entry.erhallna_medel = flows.erhallna_medel;
            entry.utfall_forbrukning = flows.utfall_forbrukning;
            entry.utbetalt_till_kommuner = flows.utbetalt_till_kommuner;
        }
        const ku::balance_period after = ku::roll_forward(spent, ku::period::bokslut(std::chrono::year{2025}));
        CHECK(after.accumulated_surplus() == spent.accumulated_surplus());
    }
}

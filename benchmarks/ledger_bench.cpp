// Ledger benchmarks: carrying 1 000 areas' balances forward over 100 periods with a
// reorganisation every year (ku::roll_forward through ku::reorganisation::apply), and auditing
// a published balance table of 1 000 areas against the previous one (ku::audit_balance).
//
// Every input is generated before the timed loop from a seeded std::mt19937_64: the first
// period's opening balances and each period's flows (erhållna medel, utfall förbrukning) in
// whole kronor, and the 100 reorganisations. Each reorganisation splits 4 areas (two into
// halves, two by 1/2, 1/4, 1/4) and merges 6 pairs (three into a new area, three into one of
// the pair), so the ledger stays at exactly 1 000 areas with 19 rules a year.
//
// After each timed loop the last result is checked: the balances carried through 100
// reorganisations must still add up, to the öre, to the first opening balances plus every
// year's flows; the audit must report exactly the faults planted in the table. A broken
// benchmark reports an error instead of a figure.

#include <benchmark/benchmark.h>

#include "bench_support.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <numeric>
#include <optional>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/core/period.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace {

using namespace ku::literals;

using ku::bench::sink;

constexpr std::size_t area_count = 1'000;
constexpr std::size_t year_count = 100;

/// Every balance is a whole number of kronor, and the mappings split in whole kronor.
constexpr ku::unit roll_unit = ku::unit::kr;

/// Splits and merges per reorganisation (see the file comment).
constexpr std::size_t halves_per_year = 2;         // A → X 1/2, Y 1/2
constexpr std::size_t quarters_per_year = 2;       // A → A 1/2, X 1/4, Y 1/4
constexpr std::size_t merges_new_per_year = 3;     // A → M 1, B → M 1
constexpr std::size_t merges_into_per_year = 3;    // A → B 1 (B keeps its own balance)
constexpr std::size_t touched_per_year =
    halves_per_year + quarters_per_year + 2 * (merges_new_per_year + merges_into_per_year);

/// Fixed-width area names, as a published table would have them: "omr-000-0042" is area 42 of
/// the first year, "omr-017-0005" the fifth area created by the 17th reorganisation.
[[nodiscard]] ku::partnerskap area_name(std::size_t year, std::size_t index)
{
    std::string year_text = std::to_string(year);
    std::string index_text = std::to_string(index);
    return ku::partnerskap::named("omr-" + std::string(3 - year_text.size(), '0') + year_text + "-" +
                                  std::string(4 - index_text.size(), '0') + index_text);
}

struct flow {
    ku::money erhallna;
    ku::money utfall;
};

// ---------------------------------------------------------------------------------------------
// (a) Roll-forward: 1 000 areas, 100 periods, a reorganisation every year.

struct roll_input {
    ku::balance_period first;                  ///< year 0: opening balances and flows
    std::vector<ku::reorganisation> mappings;  ///< mappings[y]: year y's areas → year y + 1's
    std::vector<std::vector<flow>> flows;      ///< flows[y][i]: entry i of year y (y ≥ 1)
    std::vector<ku::partnerskap> final_areas;      ///< the areas of year 100, in order
    ku::money expected_final_opening;          ///< opening total of year 0 + every year's flows
};

[[nodiscard]] std::vector<flow> random_flows(std::mt19937_64& engine, std::size_t count)
{
    std::uniform_int_distribution<std::int64_t> received{0, 2'000'000};
    std::uniform_int_distribution<std::int64_t> spent{0, 2'100'000}; // some areas go negative
    std::vector<flow> flows(count);
    for (flow& f : flows) {
        f.erhallna = ku::money::kr(received(engine));
        f.utfall = ku::money::kr(spent(engine));
    }
    return flows;
}

/// One year's reorganisation of `areas`; new areas are named after `year`.
[[nodiscard]] ku::reorganisation random_reorganisation(std::mt19937_64& engine,
                                                       const std::vector<ku::partnerskap>& areas,
                                                       std::size_t year)
{
    // Distinct areas: a partial Fisher–Yates shuffle of the positions.
    std::vector<std::size_t> positions(areas.size());
    std::iota(positions.begin(), positions.end(), std::size_t{0});
    for (std::size_t i = 0; i < touched_per_year; ++i) {
        std::uniform_int_distribution<std::size_t> pick{i, positions.size() - 1};
        std::swap(positions[i], positions[pick(engine)]);
    }
    std::size_t next_position = 0;
    const auto take = [&]() -> const ku::partnerskap& { return areas[positions[next_position++]]; };
    std::size_t created = 0;
    const auto fresh = [&] { return area_name(year, created++); };

    const ku::ratio half{1, 2};
    const ku::ratio quarter{1, 4};
    const ku::ratio all = ku::ratio::whole(1);
    std::vector<ku::reorganisation_rule> rules;
    for (std::size_t i = 0; i < halves_per_year; ++i) {
        const ku::partnerskap& from = take();
        rules.push_back({from, fresh(), half});
        rules.push_back({from, fresh(), half});
    }
    for (std::size_t i = 0; i < quarters_per_year; ++i) {
        const ku::partnerskap& from = take();
        rules.push_back({from, from, half});
        rules.push_back({from, fresh(), quarter});
        rules.push_back({from, fresh(), quarter});
    }
    for (std::size_t i = 0; i < merges_new_per_year; ++i) {
        const ku::partnerskap merged = fresh();
        rules.push_back({take(), merged, all});
        rules.push_back({take(), merged, all});
    }
    for (std::size_t i = 0; i < merges_into_per_year; ++i) {
        const ku::partnerskap& from = take();
        const ku::partnerskap& into = take(); // has no rule: keeps its own balance and gains from's
        rules.push_back({from, into, all});
    }
    return ku::reorganisation{std::move(rules)};
}

[[nodiscard]] roll_input make_roll_input()
{
    std::mt19937_64 engine{20'251'231};
    std::uniform_int_distribution<std::int64_t> opening{-200'000, 5'000'000};

    roll_input input{.first = {.period = ku::period::bokslut(std::chrono::year{2025}), .entries = {}},
                     .mappings = {},
                     .flows = {},
                     .final_areas = {},
                     .expected_final_opening = {}};
    const std::vector<flow> first_flows = random_flows(engine, area_count);
    ku::money total;
    for (std::size_t i = 0; i < area_count; ++i) {
        ku::balance_entry entry{.area = area_name(0, i)};
        entry.ingaende_balans = ku::money::kr(opening(engine));
        entry.erhallna_medel = first_flows[i].erhallna;
        entry.utfall_forbrukning = first_flows[i].utfall;
        total += entry.kvarvarande_medel();
        input.first.entries.push_back(std::move(entry));
    }

    // The areas of each year follow from the mapping alone (first appearance order), so they
    // are found by applying it to zero balances, outside any timed loop.
    std::vector<ku::partnerskap> areas;
    for (const ku::balance_entry& entry : input.first.entries) {
        areas.push_back(entry.area);
    }
    input.flows.resize(year_count);
    for (std::size_t year = 0; year < year_count; ++year) {
        input.mappings.push_back(random_reorganisation(engine, areas, year + 1));
        std::vector<ku::area_amount> zero;
        for (const ku::partnerskap& area : areas) {
            zero.emplace_back(area, ku::money{});
        }
        areas.clear();
        for (auto& [area, amount] : input.mappings.back().apply(zero, roll_unit)) {
            areas.push_back(std::move(area));
        }
        if (year + 1 < year_count) {
            input.flows[year + 1] = random_flows(engine, areas.size());
            for (const flow& f : input.flows[year + 1]) {
                total += f.erhallna - f.utfall;
            }
        }
    }
    input.final_areas = std::move(areas);
    input.expected_final_opening = total;
    return input;
}

[[nodiscard]] const roll_input& the_roll_input()
{
    static const roll_input input = make_roll_input();
    return input;
}

/// Timed: 100 calls of ku::roll_forward (each mapping 1 000 closing balances through that
/// year's reorganisation, in whole kronor) and, between them, writing the next year's
/// erhållna medel and utfall förbrukning into the 1 000 new entries (two stores per entry,
/// from the precomputed flows). Not timed: generating the balances, flows and mappings.
void roll_forward_1000x100(benchmark::State& state)
{
    roll_input const* input = nullptr;
    try {
        input = &the_roll_input();
    } catch (const std::exception& e) {
        static std::string message;
        message = std::string{"cannot build the roll-forward input: "} + e.what();
        state.SkipWithError(message.c_str());
        return;
    }
    ku::balance_period current = input->first; // balance_period has no default constructor
    for (auto _ : state) {
        benchmark::DoNotOptimize(input->first.entries.data());
        current = ku::roll_forward(input->first, input->first.period.next(), &input->mappings[0], roll_unit);
        for (std::size_t year = 1; year < year_count; ++year) {
            const std::vector<flow>& flows = input->flows[year];
            for (std::size_t i = 0; i < current.entries.size(); ++i) {
                current.entries[i].erhallna_medel = flows[i].erhallna;
                current.entries[i].utfall_forbrukning = flows[i].utfall;
            }
            current = ku::roll_forward(current, current.period.next(), &input->mappings[year], roll_unit);
        }
        sink(current);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(area_count * year_count));

    if (current.entries.size() != input->final_areas.size()) {
        state.SkipWithError("the last period does not have the expected number of areas");
        return;
    }
    for (std::size_t i = 0; i < current.entries.size(); ++i) {
        if (current.entries[i].area != input->final_areas[i]) {
            state.SkipWithError("the last period's areas are not those the mappings produce");
            return;
        }
    }
    if (current.net_total(ku::balance_column::ingaende_balans) != input->expected_final_opening ||
        current.accumulated_surplus() != input->expected_final_opening) {
        state.SkipWithError("the total is not conserved: the opening balances after 100 periods are "
                            "not the first opening balances plus every year's flows");
        return;
    }
    state.counters["areas"] = static_cast<double>(current.entries.size());
    state.counters["rules_per_year"] = static_cast<double>(input->mappings[0].rules().size());
}
BENCHMARK(roll_forward_1000x100)->Name("ledger/roll_forward/1000x100")->Unit(benchmark::kMillisecond);

// ---------------------------------------------------------------------------------------------
// (b) Audit: a published table of 1 000 areas, one internal row and a Summa row, in tkr,
// against the previous table of 1 000 areas, no mapping. Planted faults, each found once:
// 3 blank disponibla medel, 3 kvarvarande medel off by 1 tkr, a Summa of erhållna medel that
// leaves the internal row out, 2 opening balances off by 1 tkr (rounding) and 2 by 5 tkr
// (unexplained), a previous area missing from the table and a new area that opens at 10 tkr.

constexpr std::size_t audit_planted_findings = 3 + 3 + 1 + 2 + 2 + 1 + 1;

struct audit_input {
    ku::balance_table table;
    ku::balance_table previous;
};

/// A row whose derived cells satisfy their identities and whose state part is within bounds.
[[nodiscard]] ku::balance_row make_row(ku::partnerskap area, ku::row_kind kind, const ku::balance_entry& entry)
{
    ku::balance_row row{.area = std::move(area), .kind = kind};
    for (const ku::balance_column column : ku::all_balance_columns) {
        row.set(column, entry.value(column));
    }
    return row;
}

[[nodiscard]] ku::balance_entry random_entry(std::mt19937_64& engine, ku::money opening)
{
    std::uniform_int_distribution<std::int64_t> received{0, 20'000};
    std::uniform_int_distribution<std::int64_t> spent{0, 15'000};
    ku::balance_entry entry{.area = ku::partnerskap::named("slumpat"), .internal = false, .ingaende_balans = opening};
    entry.erhallna_medel = ku::money::in(ku::unit::tkr, received(engine));
    entry.budget_forbrukning = ku::money::in(ku::unit::tkr, spent(engine));
    entry.utfall_forbrukning = ku::money::in(ku::unit::tkr, spent(engine));
    entry.utbetalt_till_kommuner = ku::money::in(ku::unit::tkr, received(engine) / 10);
    const ku::money remaining = entry.kvarvarande_medel();
    entry.varav_statliga_medel = remaining > ku::money{} ? remaining : ku::money{}; // all of it state money
    return entry;
}

[[nodiscard]] audit_input make_audit_input()
{
    std::mt19937_64 engine{20'240'831};
    std::uniform_int_distribution<std::int64_t> opening{0, 60'000};
    audit_input input;
    input.previous = {.source = "previous.csv", .unit = ku::unit::tkr, .rows = {}};
    input.table = {.source = "table.csv", .unit = ku::unit::tkr, .rows = {}};

    for (std::size_t i = 0; i < area_count; ++i) {
        ku::balance_entry entry = random_entry(engine, ku::money::in(ku::unit::tkr, opening(engine)));
        input.previous.rows.push_back(make_row(area_name(0, i), ku::row_kind::omrade, entry));
    }

    // This period: every previous area but number 500 (vanished), plus one new area.
    const ku::money tkr = ku::money::in(ku::unit::tkr, 1);
    for (std::size_t i = 0; i < area_count; ++i) {
        if (i == 500) {
            continue;
        }
        ku::money carried = *input.previous.rows[i].cell(ku::balance_column::kvarvarande_medel);
        if (i == 10 || i == 20) {
            carried += tkr; // within the table's rounding: 1 tkr over two rows
        } else if (i == 30 || i == 40) {
            carried += tkr * 5; // unexplained
        }
        input.table.rows.push_back(make_row(area_name(0, i), ku::row_kind::omrade, random_entry(engine, carried)));
    }
    input.table.rows.push_back(
        make_row(area_name(1, 0), ku::row_kind::omrade, random_entry(engine, tkr * 10))); // new area

    ku::balance_entry internal{.area = ku::partnerskap::named("Härav ledning/stab finansierat från områdena ovan")};
    internal.erhallna_medel = tkr * -3'500;
    internal.utfall_forbrukning = tkr * -3'500;
    input.table.rows.push_back(
        make_row(internal.area, ku::row_kind::intern, internal));

    // The Summa row, from the cells as published (before the cell faults below, which keep
    // the same contributions: a blank derived cell contributes its identity's value).
    ku::balance_row total{.area = "Summa"_area, .kind = ku::row_kind::summa};
    for (const ku::balance_column column : ku::all_balance_columns) {
        ku::money sum;
        for (const ku::balance_row& row : input.table.rows) {
            sum += *row.cell(column);
        }
        total.set(column, sum);
    }
    // The Summa of erhållna medel leaves the internal row out (counted twice).
    total.set(ku::balance_column::erhallna_medel,
              *total.cell(ku::balance_column::erhallna_medel) - internal.erhallna_medel);

    // Cell faults: blank disponibla medel (3) and kvarvarande medel off by 1 tkr (3). The
    // Summa row then no longer matches kvarvarande: keep it equal to the rows as published.
    for (const std::size_t i : {100U, 200U, 300U}) {
        input.table.rows[i].set(ku::balance_column::disponibla_medel, std::nullopt);
    }
    for (const std::size_t i : {150U, 250U, 350U}) {
        auto& row = input.table.rows[i];
        row.set(ku::balance_column::kvarvarande_medel, *row.cell(ku::balance_column::kvarvarande_medel) + tkr);
        total.set(ku::balance_column::kvarvarande_medel, *total.cell(ku::balance_column::kvarvarande_medel) + tkr);
    }
    input.table.rows.push_back(std::move(total));
    return input;
}

[[nodiscard]] const audit_input& the_audit_input()
{
    static const audit_input input = make_audit_input();
    return input;
}

/// Timed: one ku::audit_balance of the whole table against the previous one (identities of
/// every row, the Summa row, the carry-over of every area). Not timed: building the tables.
void audit_1000(benchmark::State& state)
{
    audit_input const* input = nullptr;
    try {
        input = &the_audit_input();
    } catch (const std::exception& e) {
        static std::string message;
        message = std::string{"cannot build the audit input: "} + e.what();
        state.SkipWithError(message.c_str());
        return;
    }
    std::vector<ku::finding> findings;
    for (auto _ : state) {
        benchmark::DoNotOptimize(input->table.rows.data());
        findings = ku::audit_balance(input->table, &input->previous);
        sink(findings);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(input->table.rows.size()));

    std::size_t missing = 0;
    std::size_t broken = 0;
    std::size_t totals = 0;
    std::size_t rounding = 0;
    std::size_t unexplained = 0;
    std::size_t wrong = 0;
    for (const ku::finding& f : findings) {
        switch (f.kind) {
        case ku::finding_kind::wrong_cell: ++wrong; break;
        case ku::finding_kind::missing_value: ++missing; break;
        case ku::finding_kind::identity_broken: ++broken; break;
        case ku::finding_kind::total_mismatch: ++totals; break;
        case ku::finding_kind::carry_over_difference:
            ++(f.classification == ku::finding_class::rounding ? rounding : unexplained);
            break;
        }
    }
    // Carry-over: 2 rounding (±1 tkr), 2 + vanished + new area unexplained.
    // The planted faults are independent: no fix of at most three cells mends them all, so no
    // cell is named (wrong == 0), and the localisation's search is part of what is timed.
    if (findings.size() != audit_planted_findings || wrong != 0 || missing != 3 || broken != 3 || totals != 1 ||
        rounding != 2 || unexplained != 4) {
        static std::string message;
        message = "the audit did not find exactly the planted faults: " + std::to_string(findings.size()) +
                  " findings (" + std::to_string(missing) + " missing, " + std::to_string(broken) + " broken, " +
                  std::to_string(totals) + " totals, " + std::to_string(rounding) + " rounding, " +
                  std::to_string(unexplained) + " unexplained)";
        state.SkipWithError(message.c_str());
        return;
    }
    state.counters["rows"] = static_cast<double>(input->table.rows.size());
    state.counters["findings"] = static_cast<double>(findings.size());
}
BENCHMARK(audit_1000)->Name("ledger/audit/1000")->Unit(benchmark::kMicrosecond);

} // namespace

#pragma once
/// @file
/// Two tables of the same report against each other: each area's share of the outcome in a
/// published share table must follow from the outcome column of the published balance table.
/// The share may be of the outcome with the internal financing of ledning och stab counted once
/// (management net of the internal row, as the Summa row counts it) or twice (every area row's
/// own outcome); the audit says which base explains the published column and flags the areas no
/// rounding explains under it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ku/audit/finding_class.hpp"
#include "ku/core/money.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/shares/share_audit.hpp"

namespace ku {

/// What a share table's andel_av_utfall is a share of.
enum class outcome_base : std::uint8_t {
    internal_once,  ///< the internal financing counted once: management net of the internal row
    internal_twice, ///< every area row's own outcome: the internal financing counted twice
};

/// "once", "twice": the names in JSON, CSV and Python.
[[nodiscard]] constexpr std::string_view to_string(outcome_base base) noexcept
{
    return base == outcome_base::internal_once ? "once" : "twice";
}

/// The base in Swedish, for notes.
[[nodiscard]] constexpr std::string_view swedish_text(outcome_base base) noexcept
{
    return base == outcome_base::internal_once
               ? "utfallet med ledning och stabs interna finansiering räknad en gång"
               : "utfallet med ledning och stabs interna finansiering räknad två gånger";
}

/// A pair of names for one area that the two tables write differently.
struct area_name_pair {
    std::string from; ///< the name in one table
    std::string to;   ///< the name in the other
};

/// The share table against the balance table: the base that explains the most areas, how many
/// it explains, and the findings (kind outcome_mismatch or area_missing).
struct share_balance_audit {
    outcome_base base = outcome_base::internal_once; ///< the base that explains the most areas (once on a tie)
    bool bases_coincide = false;  ///< the balance table has no internal financing: both bases are one
    std::size_t explained = 0;    ///< areas the base explains
    std::size_t compared = 0;     ///< areas in both tables with a published share of the outcome
    std::vector<share_finding> findings; ///< share-table order, then the balance table's areas it lacks
};

/// Each area's andel_av_utfall of `shares` against the utfall_forbrukning column of `balance`.
/// Areas are matched by name as partnerskap::same_area compares them, `names` pairing names that
/// differ (either way round). A share written with d decimals is explained when it is the exact
/// share rounded down or up to d decimals (as a largest-remainder column may round). An
/// internal row reduces the area row directly above it. Findings: each area the chosen base does not explain (fault), and each
/// area in one table and not in the other (fault).
[[nodiscard]] share_balance_audit audit_shares_against_balance(const published_share_table& shares,
                                                               const balance_table& balance,
                                                               std::span<const area_name_pair> names = {});

namespace detail::share_balance_impl {

/// Whether `published` (written with `decimals` decimals) is `exact` rounded down or up.
inline bool rounds_to(const exact_share& exact, const exact_share& published, int decimals)
{
    exact_share unit = 1;
    for (int d = 0; d < decimals; ++d) {
        unit /= 10;
    }
    const exact_share gap = published - exact;
    return gap < unit && -gap < unit;
}

} // namespace detail::share_balance_impl

inline share_balance_audit audit_shares_against_balance(const published_share_table& shares,
                                                        const balance_table& balance,
                                                        std::span<const area_name_pair> names)
{
    using detail::share_balance_impl::rounds_to;
    // An area's id after pairing: names are compared as areas are (partnerskap::same_area).
    const auto canonical = [&](const partnerskap& area) {
        for (const area_name_pair& pair : names) {
            if (partnerskap::named(pair.from).same_area(area)) {
                return partnerskap::named(pair.to).id();
            }
        }
        return area.id();
    };

    // Each area row's outcome, gross (its own cell) and net (less the internal rows under it).
    struct area_outcome {
        const balance_row* row;
        money gross;
        money net;
    };
    std::vector<area_outcome> outcomes;
    money internal;
    for (const balance_row& row : balance.rows) {
        const money outcome = row.cell(balance_column::utfall_forbrukning).value_or(money{});
        if (row.kind == row_kind::omrade) {
            outcomes.push_back({&row, outcome, outcome});
        } else if (row.kind == row_kind::intern) {
            internal += outcome;
            if (!outcomes.empty()) {
                outcomes.back().net += outcome;
            }
        }
    }
    money gross_total;
    for (const area_outcome& o : outcomes) {
        gross_total += o.gross;
    }
    const money net_total = gross_total + internal;

    share_balance_audit audit;
    audit.bases_coincide = internal == money{};

    // The share rows that are areas, each with the balance row it names (or none).
    struct pair {
        const published_share_row* share;
        const area_outcome* outcome;
    };
    std::vector<pair> pairs;
    for (const published_share_row& row : shares.rows) {
        if (row.is_total || row.is_group) {
            continue;
        }
        const std::string id = canonical(row.area);
        const auto found = std::ranges::find_if(outcomes, [&](const area_outcome& o) { return canonical(o.row->area) == id; });
        pairs.push_back({&row, found == outcomes.end() ? nullptr : &*found});
    }
    const auto exact_of = [&](const area_outcome& o, outcome_base base) -> std::optional<exact_share> {
        const money total = base == outcome_base::internal_once ? net_total : gross_total;
        if (total == money{}) {
            return std::nullopt;
        }
        const money part = base == outcome_base::internal_once ? o.net : o.gross;
        return exact_share{part.in_ore(), total.in_ore()} * 100;
    };
    const auto explains = [&](const pair& p, outcome_base base) {
        const std::optional<exact_share> exact = exact_of(*p.outcome, base);
        return exact && rounds_to(*exact, *p.share->andel_av_utfall, p.share->cell_decimals[0]);
    };
    std::size_t once = 0;
    std::size_t twice = 0;
    for (const pair& p : pairs) {
        if (p.outcome != nullptr && p.share->andel_av_utfall) {
            ++audit.compared;
            once += explains(p, outcome_base::internal_once) ? 1U : 0U;
            twice += explains(p, outcome_base::internal_twice) ? 1U : 0U;
        }
    }
    audit.base = twice > once ? outcome_base::internal_twice : outcome_base::internal_once;
    audit.explained = std::max(once, twice);

    const auto amount = [&](money m) { return format_swedish(m, {.in = balance.unit, .decimals = std::nullopt}); };
    for (const pair& p : pairs) {
        if (p.outcome == nullptr) {
            const exact_share found = p.share->andel_av_utfall.value_or(exact_share{0});
            share_finding missing{share_finding_kind::area_missing, p.share->area, "andel_av_utfall", 0, found, found,
                                  finding_class::fault,
                                  "finns i andelstabellen men inte i balanstabellen"};
            audit.findings.push_back(std::move(missing));
            continue;
        }
        if (!p.share->andel_av_utfall || explains(p, audit.base)) {
            continue;
        }
        const std::optional<exact_share> exact = exact_of(*p.outcome, audit.base);
        const exact_share expected = exact.value_or(exact_share{0});
        const money part = audit.base == outcome_base::internal_once ? p.outcome->net : p.outcome->gross;
        const money total = audit.base == outcome_base::internal_once ? net_total : gross_total;
        std::string note = "utfall " + amount(part) + " av " + amount(total) + ", exakt " +
                           approximate_percent_text(expected, p.share->cell_decimals[0]) + " % (" +
                           std::string{swedish_text(audit.base)} + ")";
        if (!audit.bases_coincide) {
            const outcome_base other = audit.base == outcome_base::internal_once ? outcome_base::internal_twice
                                                                                : outcome_base::internal_once;
            if (explains(p, other)) {
                note += "; stämmer med " + std::string{swedish_text(other)};
            }
        }
        audit.findings.push_back({share_finding_kind::outcome_mismatch, p.share->area, "andel_av_utfall", expected,
                                  *p.share->andel_av_utfall, *p.share->andel_av_utfall - expected,
                                  finding_class::fault, std::move(note)});
    }
    for (const area_outcome& o : outcomes) {
        if (std::ranges::none_of(pairs, [&](const pair& p) { return p.outcome == &o; })) {
            const exact_share expected = exact_of(o, audit.base).value_or(exact_share{0});
            audit.findings.push_back({share_finding_kind::area_missing, o.row->area, "andel_av_utfall", expected, 0,
                                      -expected, finding_class::fault,
                                      "finns i balanstabellen (utfall " + amount(audit.base == outcome_base::internal_once ? o.net : o.gross) +
                                          ") men inte i andelstabellen"});
        }
    }
    return audit;
}

} // namespace ku

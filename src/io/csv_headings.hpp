#pragma once
// The column headings the CSV readers accept, one table per column, in one place: ku's own
// CSV names, the Swedish labels ku prints in its text, Markdown and .xlsx reports (see
// tables.cpp), and the headings analysts' exports use. Compared as csv_heading says:
// case-insensitively, `_` as a space, without a unit in parentheses at the end. Private to ku::io.

#include <array>
#include <string_view>

#include "ku/io/csv.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/core/funding.hpp"

namespace ku::detail::csv_headings {

using namespace std::string_view_literals;

// Kommuner (key files, published proposals).
inline constexpr std::array kommun_code_headings{"code"sv, "Kod"sv, "Kommunkod"sv, "SCB-kod"sv, "kommun_code"sv};
/// A kommun's four-digit SCB code.
inline constexpr csv_heading kommun_code{"code", kommun_code_headings};
inline constexpr std::array kommun_name_headings{"kommun"sv, "name"sv, "Namn"sv, "Kommunnamn"sv};
/// A kommun's name (or, without a code column, its code).
inline constexpr csv_heading kommun_name{"kommun", kommun_name_headings};
inline constexpr std::array population_headings{"Invånare"sv, "Befolkning"sv, "Folkmängd"sv,
                                                "Antal invånare"sv, "population"sv};
/// A population key: a weight column asked for by any of these names finds the one the file has.
inline constexpr csv_heading population{"Invånare", population_headings};
inline constexpr std::array row_sum_headings{"Summa"sv};
/// A published proposal's row sums.
inline constexpr csv_heading row_sum{"Summa", row_sum_headings};

// Areas (balance, funding and percent tables; mappings).
inline constexpr std::array area_headings{"omrade"sv, "Område"sv};
/// An area's name.
inline constexpr csv_heading area{"omrade", area_headings};
inline constexpr std::array row_kind_headings{"rad_typ"sv, "Radtyp"sv};
/// A row's kind: omrade (område), intern, summa.
inline constexpr csv_heading row_kind{"rad_typ", row_kind_headings};
inline constexpr std::array group_headings{"grupp"sv};
/// The group an area is counted in.
inline constexpr csv_heading group{"grupp", group_headings};
inline constexpr std::array outcome_headings{"utfall"sv};
/// An area's outcome ("Utfall (kr)" in ku's reports).
inline constexpr csv_heading outcome{"utfall", outcome_headings};
inline constexpr std::array share_of_outcome_headings{"andel_av_utfall"sv, "Andel av utfall"sv};
/// A published percent table's share of the outcome.
inline constexpr csv_heading share_of_outcome{"andel_av_utfall", share_of_outcome_headings};
inline constexpr std::array source_sum_headings{"summa"sv, "Summa källor"sv};
/// A published percent table's sum of the three sources (ku prints it; the audit recomputes it).
inline constexpr csv_heading source_sum{"summa", source_sum_headings};
inline constexpr std::array kommunerna_headings{"kommunerna"sv};
inline constexpr std::array staten_headings{"staten"sv};
inline constexpr std::array ovriga_headings{"ovriga"sv, "Övriga"sv};
/// The funding sources, by funding_kind.
inline constexpr by_funding<csv_heading> funding_source{csv_heading{"kommunerna", kommunerna_headings},
                                                        csv_heading{"staten", staten_headings},
                                                        csv_heading{"ovriga", ovriga_headings}};

// Balance tables: ku's CSV name, then the label ku prints ("Ingående balans (tkr)").
inline constexpr std::array ingaende_balans_headings{"ingaende_balans"sv, "Ingående balans"sv};
inline constexpr std::array erhallna_medel_headings{"erhallna_medel"sv, "Erhållna medel"sv};
inline constexpr std::array disponibla_medel_headings{"disponibla_medel"sv, "Disponibla medel"sv};
inline constexpr std::array budget_forbrukning_headings{"budget_forbrukning"sv, "Budget förbrukning"sv};
inline constexpr std::array utfall_forbrukning_headings{"utfall_forbrukning"sv, "Utfall förbrukning"sv};
inline constexpr std::array utbetalt_headings{"utbetalt_till_kommuner"sv, "Utbetalt till länets kommuner"sv,
                                              "Utbetalt till kommuner"sv};
inline constexpr std::array overforda_medel_headings{"overforda_medel"sv, "Överförda medel"sv};
inline constexpr std::array kvarvarande_medel_headings{"kvarvarande_medel"sv, "Kvarvarande medel"sv};
inline constexpr std::array varav_statliga_headings{"varav_statliga_medel"sv, "Varav kvarvarande statliga medel"sv,
                                                    "Varav statliga medel"sv};
/// The balance columns, in balance_column order.
inline constexpr std::array<csv_heading, balance_column_count> balance{{
    {"ingaende_balans", ingaende_balans_headings},
    {"erhallna_medel", erhallna_medel_headings},
    {"disponibla_medel", disponibla_medel_headings},
    {"budget_forbrukning", budget_forbrukning_headings},
    {"utfall_forbrukning", utfall_forbrukning_headings},
    {"utbetalt_till_kommuner", utbetalt_headings},
    {"overforda_medel", overforda_medel_headings},
    {"kvarvarande_medel", kvarvarande_medel_headings},
    {"varav_statliga_medel", varav_statliga_headings},
}};

// Reorganisation mappings.
inline constexpr std::array from_headings{"from"sv, "från"sv};
inline constexpr csv_heading from{"from", from_headings};
inline constexpr std::array to_headings{"to"sv, "till"sv};
inline constexpr csv_heading to{"to", to_headings};
inline constexpr std::array share_headings{"share"sv, "andel"sv};
inline constexpr csv_heading share{"share", share_headings};
inline constexpr std::array amount_headings{"amount"sv, "belopp"sv};
inline constexpr csv_heading amount{"amount", amount_headings};

} // namespace ku::detail::csv_headings

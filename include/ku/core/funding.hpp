#pragma once
/// @file
/// Funding sources: every krona KU receives comes from kommunerna, staten or övriga,
/// each through a named sub-source (grundavgift, riktat statsbidrag, ESF, ...).

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ku/core/error.hpp"

namespace ku {

/// The three kinds of source every report splits by.
enum class funding_kind : std::uint8_t {
    kommunerna, ///< the municipalities: fees, base financing, agreements
    staten,     ///< the state: targeted state grants (riktade statsbidrag)
    ovriga,     ///< others: EU funds, the Region, Länsstyrelsen, Vinnova, participant fees
};

/// The kind's Swedish name: "kommunerna", "staten", "övriga".
[[nodiscard]] constexpr std::string_view to_string(funding_kind kind) noexcept
{
    switch (kind) {
    case funding_kind::kommunerna: return "kommunerna";
    case funding_kind::staten: return "staten";
    case funding_kind::ovriga: return "övriga";
    }
    return "?";
}

/// Reads "kommunerna", "staten", "övriga" (or "ovriga"); throws ku::lookup_error naming the
/// text and `where`.
[[nodiscard]] funding_kind parse_funding_kind(std::string_view text, std::string_view where = {});

/// A named sub-source of one kind, e.g. {staten, "riktat statsbidrag"} or {ovriga, "ESF"}.
struct funding_source {
    funding_kind kind; ///< kommunerna, staten or övriga
    std::string name; ///< the sub-source's name ("ESF")

    /// Equal when kind and name are.
    friend bool operator==(const funding_source&, const funding_source&) = default;
};

/// The sub-sources named in KU's reports, by kind.
inline constexpr std::array<std::pair<funding_kind, std::string_view>, 14> known_funding_sources{{
    {funding_kind::kommunerna, "grundavgift"},
    {funding_kind::kommunerna, "grundfinansiering"},
    {funding_kind::kommunerna, "medlemsavgift"},
    {funding_kind::kommunerna, "enligt avtal"},
    {funding_kind::staten, "riktat statsbidrag"},
    {funding_kind::ovriga, "ESF"},
    {funding_kind::ovriga, "Regionen"},
    {funding_kind::ovriga, "Länsstyrelsen"},
    {funding_kind::ovriga, "Polisen"},
    {funding_kind::ovriga, "samordningsförbund"},
    {funding_kind::ovriga, "Vinnova"},
    {funding_kind::ovriga, "deltagaravgifter"},
    {funding_kind::ovriga, "Folkhälsomyndigheten"},
    {funding_kind::ovriga, "övrigt"},
}};

/// The known sub-source with this name (exact spelling); throws ku::lookup_error naming it and
/// `where`. A sub-source not in the list is made directly: funding_source{kind, "name"}.
[[nodiscard]] funding_source known_funding_source(std::string_view name, std::string_view where = {});

} // namespace ku

#pragma once
/// @file
/// Funding sources: every krona KU receives comes from kommunerna, staten or övriga,
/// each through a named sub-source (grundavgift, riktat statsbidrag, ESF, ...).

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "ku/core/detail/entities.hpp"
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

/// Every kind, in the order reports show them: the one list a new kind is added to.
inline constexpr std::array all_funding_kinds{funding_kind::kommunerna, funding_kind::staten,
                                              funding_kind::ovriga};

/// One value per funding kind, indexed by the kind (by_funding<money>: what each kind brought;
/// by_funding<exact_share>: each kind's share). Iterates in the order of all_funding_kinds.
template <typename T>
class by_funding {
public:
    /// Every value T{}.
    constexpr by_funding() = default;
    /// The values of kommunerna, staten and övriga.
    constexpr by_funding(T kommunerna, T staten, T ovriga)
        : values_{std::move(kommunerna), std::move(staten), std::move(ovriga)}
    {
    }

    /// The value of `kind`.
    [[nodiscard]] constexpr T& operator[](funding_kind kind) noexcept { return values_[index(kind)]; }
    /// The value of `kind`.
    [[nodiscard]] constexpr const T& operator[](funding_kind kind) const noexcept { return values_[index(kind)]; }

    /// The values in the order of all_funding_kinds.
    [[nodiscard]] constexpr auto begin() noexcept { return values_.begin(); }
    /// The end of the values.
    [[nodiscard]] constexpr auto end() noexcept { return values_.end(); }
    /// The values in the order of all_funding_kinds.
    [[nodiscard]] constexpr auto begin() const noexcept { return values_.begin(); }
    /// The end of the values.
    [[nodiscard]] constexpr auto end() const noexcept { return values_.end(); }
    /// How many kinds there are: 3.
    [[nodiscard]] static constexpr std::size_t size() noexcept { return all_funding_kinds.size(); }

    /// Equal when every kind's value is.
    friend constexpr bool operator==(const by_funding&, const by_funding&) = default;

private:
    [[nodiscard]] static constexpr std::size_t index(funding_kind kind) noexcept
    {
        return static_cast<std::size_t>(kind);
    }

    std::array<T, all_funding_kinds.size()> values_{};
};

/// Reads "kommunerna", "staten", "övriga" (or "ovriga"); throws ku::lookup_error naming the
/// text and `where`.
[[nodiscard]] constexpr funding_kind parse_funding_kind(std::string_view text,
                                                        std::string_view where = {})
{
    if (text == "kommunerna") {
        return funding_kind::kommunerna;
    }
    if (text == "staten") {
        return funding_kind::staten;
    }
    if (text == "övriga" || text == "ovriga") {
        return funding_kind::ovriga;
    }
    throw lookup_error("unknown funding source \"" + std::string{text} + "\"" +
                       detail::entities_impl::in(where) + ": expected kommunerna, staten or övriga");
}

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
[[nodiscard]] inline funding_source known_funding_source(std::string_view name,
                                                        std::string_view where = {})
{
    const auto* found = std::ranges::find(known_funding_sources, name,
                                          &std::pair<funding_kind, std::string_view>::second);
    if (found == known_funding_sources.end()) {
        throw lookup_error("unknown funding sub-source \"" + std::string{name} + "\"" +
                           detail::entities_impl::in(where));
    }
    return funding_source{found->first, std::string{found->second}};
}

} // namespace ku

#pragma once
/// @file
/// Whether rounding of the published cells explains a finding: the one classification every
/// audit of a published table gives (fees, staffing, shares, indicators).

#include <cstdint>
#include <string_view>

namespace ku {

/// Whether rounding of the published cells explains a finding.
enum class finding_class : std::uint8_t {
    rounding, ///< rounding of the published cells explains it (within its stated tolerance)
    fault     ///< no rounding of the published cells explains it
};

/// "rounding", "fault": the names in JSON and CSV.
[[nodiscard]] constexpr std::string_view to_string(finding_class c) noexcept
{
    return c == finding_class::rounding ? "rounding" : "fault";
}

/// "avrundning", "fel": the names in Swedish reports.
[[nodiscard]] constexpr std::string_view swedish_name(finding_class c) noexcept
{
    return c == finding_class::rounding ? "avrundning" : "fel";
}

} // namespace ku

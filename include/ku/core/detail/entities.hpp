#pragma once
// Internal (namespace ku::detail, not part of the API): what the lookups of kommuner and funding
// sources share for their error messages.

#include <string>
#include <string_view>

namespace ku::detail::entities_impl {

/// " (where)" for an error message, or nothing when `where` is empty.
inline std::string in(std::string_view where)
{
    return where.empty() ? std::string{} : " (" + std::string{where} + ")";
}

} // namespace ku::detail::entities_impl

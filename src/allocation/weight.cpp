// Weights and method names: parsing and formatting.

#include <string>

#include "ku/allocation/method.hpp"
#include "ku/allocation/weight.hpp"
#include "../core/text.hpp"

namespace ku {

weight weight::parse(std::string_view text, std::string_view where)
{
    const ratio value = ratio::parse(text, where);
    if (value.num() < 0) {
        throw domain_error("weight \"" + std::string{text} + "\"" +
                           (where.empty() ? "" : " (" + std::string{where} + ")") +
                           " is negative; a weight cannot be negative");
    }
    if (text.find('/') != std::string_view::npos || text.find('%') != std::string_view::npos) {
        throw parse_error(text, 0, "a weight is a plain decimal number", where);
    }
    int decimals = 0;
    std::int64_t scale = 1;
    while (scale % value.den() != 0) {
        scale *= 10;
        ++decimals;
    }
    return weight{value.num() * (scale / value.den()), decimals};
}

ratio weight::as_ratio() const
{
    std::int64_t den = 1;
    for (int i = 0; i < decimals_; ++i) {
        den *= 10;
    }
    return ratio{scaled_, den};
}

std::string to_string(weight w)
{
    std::string digits = std::to_string(w.scaled());
    const auto d = static_cast<std::size_t>(w.decimals());
    if (d == 0) {
        return digits;
    }
    if (digits.size() <= d) {
        digits.insert(0, d + 1 - digits.size(), '0');
    }
    digits.insert(digits.size() - d, ".");
    return digits;
}

allocation_method parse_allocation_method(std::string_view text, std::string_view where)
{
    for (const auto method : {allocation_method::largest_remainder, allocation_method::sainte_lague,
                              allocation_method::round_each, allocation_method::largest_absorbs}) {
        if (text == to_string(method)) {
            return method;
        }
    }
    throw lookup_error("unknown allocation method \"" + std::string{text} + "\"" +
                       (where.empty() ? "" : " (" + std::string{where} + ")") +
                       ": expected largest-remainder, sainte-lague, round-each or largest-absorbs");
}

} // namespace ku

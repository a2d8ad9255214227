#include "ku/core/error.hpp"

#include <string>

namespace ku {
namespace {
std::string describe(std::string_view input, std::size_t position, std::string_view reason,
                     std::string_view where)
{
    if (input.empty() && position == 0 && !where.empty()) {
        // The fault is not in one value but in the text as a whole (a file, a row).
        return (where.empty() ? std::string{"cannot read the input"} : std::string{where}) + ": " + std::string{reason};
    }
    std::string message = "cannot read \"" + std::string{input} + "\"";
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    if (position > 0) {
        message += " at position " + std::to_string(position);
    }
    message += ": " + std::string{reason};
    return message;
}
} // namespace

parse_error::parse_error(std::string_view input, std::size_t position, std::string_view reason,
                         std::string_view where)
    : error{describe(input, position, reason, where)},
      input_{input},
      position_{position},
      where_{where}
{
}

} // namespace ku

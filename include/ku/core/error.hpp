#pragma once
/// @file
/// The error hierarchy of ku: every exception the library throws for bad input
/// derives from ku::error, which derives from std::runtime_error.
/// Programming errors (a broken precondition) are GSL contract violations instead.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ku {

namespace detail::error_impl {
/// The longest value, in characters, that an error message quotes whole.
inline constexpr std::size_t shown_characters = 40;

/// `text` in quotes for an error message; a text longer than `shown` characters is cut there (at
/// a character boundary) and ends in "…" followed by its full length: "\"AAAA…\" (10485760 characters)".
inline std::string quoted(std::string_view text, std::size_t shown = shown_characters)
{
    std::size_t characters = 0;
    std::size_t cut = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) { // not a UTF-8 continuation byte
            if (characters == shown) {
                cut = i;
            }
            ++characters;
        }
    }
    if (characters <= shown) {
        return "\"" + std::string{text} + "\"";
    }
    return "\"" + std::string{text.substr(0, cut)} + "…\" (" + std::to_string(characters) + " characters)";
}

inline std::string describe(std::string_view input, std::size_t position, std::string_view reason,
                            std::string_view where)
{
    if (input.empty() && position == 0 && !where.empty()) {
        // The fault is not in one value but in the text as a whole (a file, a row).
        return (where.empty() ? std::string{"cannot read the input"} : std::string{where}) + ": " + std::string{reason};
    }
    std::string message = "cannot read " + quoted(input);
    if (!where.empty()) {
        message += " (" + std::string{where} + ")";
    }
    if (position > 0) {
        message += " at position " + std::to_string(position);
    }
    message += ": " + std::string{reason};
    return message;
}
} // namespace detail::error_impl

/// Root of every exception ku throws for bad input or an impossible request.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Text that cannot be read as the value asked for (an amount, a code, a date, a CSV cell).
/// Keeps the offending input, the 1-based character position of the fault (0 when the
/// whole input is at fault) and where the input came from (e.g. "keys.csv:3:key_a").
class parse_error : public error {
public:
    /// The message names `input`, `where` and `position` (when not 0), then the `reason`.
    parse_error(std::string_view input, std::size_t position, std::string_view reason,
                std::string_view where = {})
        : error{detail::error_impl::describe(input, position, reason, where)},
          input_{input},
          position_{position},
          where_{where}
    {
    }

    /// The text that could not be read (empty when a whole file or row is at fault).
    [[nodiscard]] const std::string& input() const noexcept { return input_; }
    /// The 1-based character position of the fault in input(); 0 for the whole input.
    [[nodiscard]] std::size_t position() const noexcept { return position_; }
    /// Where the input came from ("keys.csv:3:key_a"); empty when not known.
    [[nodiscard]] const std::string& where() const noexcept { return where_; }

private:
    std::string input_;
    std::size_t position_;
    std::string where_;
};

/// An exact result that does not fit its representation (e.g. an amount beyond ±2^63 öre).
/// Never a wrapped value: the operation that would overflow throws this instead.
class overflow_error : public error {
public:
    using error::error;
};

/// A value outside its domain: a negative weight, a zero denominator, an empty member set,
/// a state part larger than what remains.
class domain_error : public error {
public:
    using error::error;
};

/// A name or code that is not known: an unknown kommun, area, column or funding source.
class lookup_error : public error {
public:
    using error::error;
};

} // namespace ku

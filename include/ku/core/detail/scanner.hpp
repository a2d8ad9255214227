#pragma once
// Internal (namespace ku::detail, not part of the API): a UTF-8 scanner over a string view that
// knows code point positions, shared by the parsers of amounts, ratios, dates and codes.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>

namespace ku::detail {

/// Reads `text` one code point at a time, keeping the 1-based code point position of the next
/// unread character for error messages.
class scanner {
public:
    explicit scanner(std::string_view text) noexcept : text_{text} {}

    [[nodiscard]] bool done() const noexcept { return offset_ >= text_.size(); }
    /// 1-based position (in characters) of the next unread character.
    [[nodiscard]] std::size_t position() const noexcept { return position_; }
    [[nodiscard]] std::string_view rest() const noexcept { return text_.substr(offset_); }

    /// The next ASCII character, or '\0' at the end or before a multi-byte character.
    [[nodiscard]] char peek() const noexcept
    {
        if (done()) {
            return '\0';
        }
        const char c = text_[offset_];
        return static_cast<unsigned char>(c) < 0x80 ? c : '\0';
    }
    [[nodiscard]] bool peek_digit() const noexcept
    {
        const char c = peek();
        return c >= '0' && c <= '9';
    }
    /// Consumes `token` (any UTF-8) if the rest starts with it.
    bool accept(std::string_view token) noexcept
    {
        if (!rest().starts_with(token)) {
            return false;
        }
        offset_ += token.size();
        position_ += code_points(token);
        return true;
    }
    /// Consumes one whole code point and returns its bytes.
    std::string_view take() noexcept
    {
        std::size_t length = 1;
        const auto lead = static_cast<unsigned char>(text_[offset_]);
        if (lead >= 0xF0) {
            length = 4;
        } else if (lead >= 0xE0) {
            length = 3;
        } else if (lead >= 0xC0) {
            length = 2;
        }
        length = std::min(length, text_.size() - offset_);
        const std::string_view cp = text_.substr(offset_, length);
        offset_ += length;
        ++position_;
        return cp;
    }
    /// The next code point's bytes without consuming it.
    [[nodiscard]] std::string_view peek_code_point() const noexcept
    {
        scanner copy = *this;
        return done() ? std::string_view{} : copy.take();
    }

    [[nodiscard]] static std::size_t code_points(std::string_view s) noexcept
    {
        std::size_t n = 0;
        for (const char c : s) {
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        }
        return n;
    }

private:
    std::string_view text_;
    std::size_t offset_ = 0;
    std::size_t position_ = 1;
};

/// The spaces that may stand between digit groups or around a number: space, tab,
/// U+00A0 (no-break space) and U+202F (narrow no-break space).
inline constexpr std::string_view space_tokens[] = {" ", "\t", "\u00A0", "\u202F"};

inline bool accept_space(scanner& s) noexcept
{
    for (const std::string_view token : space_tokens) {
        if (s.accept(token)) {
            return true;
        }
    }
    return false;
}

/// Skips every space at the scanner.
inline void skip_spaces(scanner& s) noexcept
{
    while (accept_space(s)) {
    }
}

/// Consumes an optional sign: "-" or U+2212 (true: negative) or "+".
inline bool accept_sign(scanner& s) noexcept
{
    if (s.accept("-") || s.accept("\u2212")) {
        return true;
    }
    (void)s.accept("+");
    return false;
}

/// The text with the spaces of `space_tokens` removed from both ends.
[[nodiscard]] inline std::string_view trim(std::string_view text) noexcept
{
    scanner front{text};
    skip_spaces(front);
    text = front.rest();
    bool trimmed = true;
    while (trimmed && !text.empty()) {
        trimmed = false;
        for (const std::string_view token : space_tokens) {
            if (text.ends_with(token)) {
                text.remove_suffix(token.size());
                trimmed = true;
            }
        }
    }
    return text;
}

/// A character for an error message: 'x', or the UTF-8 code point as it is.
[[nodiscard]] inline std::string quote_char(std::string_view code_point)
{
    return "'" + std::string{code_point} + "'";
}

} // namespace ku::detail

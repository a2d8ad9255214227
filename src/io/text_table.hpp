#pragma once
// Internal: columns of text aligned for a terminal, widths counted in code points so that
// å, ä, ö and "–" take one column each. Used by the text reports. Not installed.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "ku/core/detail/scanner.hpp"

namespace ku::detail {

/// Columns of text, right-aligned except the first, two spaces apart; an empty row is a rule
/// ("─") as wide as the table.
class text_table {
public:
    /// Adds a row of cells.
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    /// Adds a rule line.
    void rule() { rows_.emplace_back(); }

    /// Display width in characters (code points), for aligning UTF-8 text.
    [[nodiscard]] static std::size_t width(const std::string& text) { return scanner::code_points(text); }

    /// The rows, each line ending in '\n'.
    [[nodiscard]] std::string str() const
    {
        std::vector<std::size_t> widths;
        for (const auto& row : rows_) {
            widths.resize(std::max(widths.size(), row.size()));
            for (std::size_t c = 0; c < row.size(); ++c) {
                widths[c] = std::max(widths[c], width(row[c]));
            }
        }
        std::size_t total_width = 0;
        for (const std::size_t w : widths) {
            total_width += w + 2;
        }
        std::string out;
        for (const auto& row : rows_) {
            if (row.empty()) {
                for (std::size_t i = 0; i + 2 < total_width; ++i) {
                    out += "─";
                }
                out += '\n';
                continue;
            }
            std::string line;
            for (std::size_t c = 0; c < row.size(); ++c) {
                const std::string padding(widths[c] - width(row[c]), ' ');
                line += c == 0 ? row[c] + padding : padding + row[c];
                if (c + 1 < row.size()) {
                    line += "  ";
                }
            }
            out += line + '\n';
        }
        return out;
    }

private:
    std::vector<std::vector<std::string>> rows_;
};

} // namespace ku::detail

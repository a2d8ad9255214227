#pragma once
/// @file
/// Published balance tables (cells that may be blank, a Summa row, internal rows) and the
/// auditor that lists every fault in one: blank derived cells, broken identities, totals that
/// are not the sum of their rows, and opening balances that differ from last year's closing.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ku/core/money.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/reorganisation.hpp"

namespace ku {

/// What a row of a balance table is.
enum class row_kind : std::uint8_t {
    omrade, ///< an area
    intern, ///< internal financing ("härav ... finansierat från områdena"), counted once
    summa,  ///< the total row
};

/// "omrade", "intern", "summa".
[[nodiscard]] std::string_view to_string(row_kind kind) noexcept;

/// One row of a published balance table: the area's name, its kind, its cells (blank = none)
/// and the line it was read from (0 when built in code).
struct balance_row {
    std::string area; ///< the area's name as written
    row_kind kind = row_kind::omrade; ///< area, internal or total row
    std::array<std::optional<money>, balance_column_count> cells{}; ///< indexed by balance_column; none: blank
    std::size_t line = 0; ///< the line it was read from; 0 when built in code

    /// The cell of `column`; none when blank.
    [[nodiscard]] std::optional<money> cell(balance_column column) const
    {
        return cells[static_cast<std::size_t>(column)];
    }
    /// Sets the cell of `column` (none: blank).
    void set(balance_column column, std::optional<money> value)
    {
        cells[static_cast<std::size_t>(column)] = value;
    }
};

/// A published balance table: where it came from, the unit its cells were written in (which
/// sets the rounding tolerance of carry-over), and its rows.
struct balance_table {
    std::string source; ///< the file name (or other source), for messages
    ku::unit unit = ku::unit::tkr; ///< the unit the cells were written in
    std::vector<balance_row> rows; ///< the rows, in table order

    /// The row of `area` (not the Summa row), or nullptr.
    [[nodiscard]] const balance_row* find(std::string_view area) const noexcept;
};

/// The exact ledger of a table's area and internal rows, blanks read as zero.
[[nodiscard]] balance_period to_ledger(const balance_table& table, ku::period period);

/// The kinds of finding.
enum class finding_kind : std::uint8_t {
    missing_value,        ///< a derived cell left blank though it has a value
    identity_broken,      ///< a cell contradicting its identity or invariant
    total_mismatch,       ///< a total that is not the sum of its rows
    carry_over_difference ///< an opening balance that differs from last period's closing
};

/// "missing_value", "identity_broken", "total_mismatch", "carry_over_difference".
[[nodiscard]] std::string_view to_string(finding_kind kind) noexcept;

/// How a carry-over difference is explained.
enum class carry_over_class : std::uint8_t {
    rounding,   ///< within half a unit of the table per row involved
    unexplained ///< larger than the table's rounding can explain
};

/// "rounding", "unexplained".
[[nodiscard]] std::string_view to_string(carry_over_class classification) noexcept;

/// One fault in a balance table. `difference` is found − expected (a blank cell counts as 0).
/// `note` says in Swedish which identity a cell breaks, what explains a total mismatch (the
/// internal rows counted twice or left out) or which previous areas a balance came from.
struct finding {
    finding_kind kind; ///< what kind of fault
    std::string area; ///< the name of the row at fault, as written
    balance_column column; ///< the cell's column
    std::optional<money> expected; ///< what the cell should hold
    std::optional<money> found; ///< what it holds; none: blank
    money difference{}; ///< found − expected
    std::optional<carry_over_class> classification; ///< for a carry-over difference only
    std::string note; ///< the explanation, in Swedish
    /// Equal when every field is.
    friend bool operator==(const finding&, const finding&) = default;
};

/// An area's opening balance as written in the next period (blank: none).
struct area_opening {
    std::string area; ///< the area's name
    std::optional<money> ingaende_balans; ///< its opening balance; none: blank
};

/// Carry-over findings: each opening balance against the closing balances mapped through
/// `mapping` in whole `u` (an area nothing maps to should open at zero), and balances mapped
/// into areas `opening` does not have (money that vanished). Differences within half a `u` per
/// row involved are classified as rounding. Throws as reorganisation::apply.
[[nodiscard]] std::vector<finding> carry_over_findings(const std::vector<area_amount>& closing,
                                                       const std::vector<area_opening>& opening,
                                                       const reorganisation* mapping, unit u);

/// Every fault in `table`, in row then column order, then carry-over findings: identities and
/// invariants of each row, blank derived cells, the Summa row against the net sum of the rows
/// (saying when counting the internal rows twice, or leaving them out, explains it), and, with
/// `previous`, each area's opening balance against the previous closing balance mapped through
/// `mapping` (in the table's unit). Throws ku::lookup_error when `mapping` names an area the
/// previous table does not have.
[[nodiscard]] std::vector<finding> audit_balance(const balance_table& table,
                                                 const balance_table* previous = nullptr,
                                                 const reorganisation* mapping = nullptr);

} // namespace ku

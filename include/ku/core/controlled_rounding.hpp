#pragma once
/// @file
/// Controlled rounding of a two-way table (Cox 1987): every cell goes to the floor or the ceiling
/// of its exact value, and every row total, column total and the grand total of the rounded
/// cells is the floor or the ceiling of its exact total. Such a rounding always exists (Bacharach
/// 1966; Cox and Ernst 1982). Among them ku takes, in this order:
///  1. the smallest drift of the totals: Σ |rounded − exact| over the rows, the columns and the
///     grand total (a column or total that is a whole number has no drift: it is kept exactly);
///  2. the fewest cells that differ from a reference rounding (for a proposal: each fee's own
///     largest-remainder column);
///  3. the tie rule: the cells are taken by fractional part, largest first (then by row key, then
///     by column key), and each is rounded up when some table still equal on 1 and 2 rounds it up,
///     given the choices already made. No rule depends on the order rows or columns are given in.
/// It is solved as a minimum-cost flow in exact integer arithmetic (successive shortest paths with
/// node potentials, from the reference rounding), and the result keeps the optimality certificate:
/// the network, its flow and node potentials with no residual arc of negative reduced cost.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>
#include <queue>
#include <string>
#include <utility>
#include <vector>

#include <boost/multiprecision/cpp_int.hpp>
#include <gsl/assert>
#include <gsl/narrow>

#include "ku/core/error.hpp"

namespace ku {

/// An exact value of a table cell or total, in whole units of the rounding (kr, tkr, …).
using exact_value = boost::multiprecision::cpp_rational;

/// A table to round: exact cells (none: no cell, as for a kommun that does not take part), the
/// reference rounding criterion 2 counts changes from, and the keys of the tie rule.
struct rounding_problem {
    std::size_t rows = 0;    ///< number of rows
    std::size_t columns = 0; ///< number of columns
    /// rows × columns exact values, row by row; none where the table has no cell.
    std::vector<std::optional<exact_value>> cells;
    /// Per cell, whether the reference rounds it up (to the ceiling); empty: the cell's nearest
    /// whole unit, half up. Ignored for a cell that is a whole number.
    std::vector<bool> reference_up;
    std::vector<std::uint64_t> row_keys;    ///< the rows' tie order (a kommun code); empty: 0, 1, …
    std::vector<std::uint64_t> column_keys; ///< the columns' tie order; empty: 0, 1, …
};

/// One arc of the certificate's network: each rounded value is a fixed arc carrying its floor
/// (lower = capacity) and, when it is not whole, a unit arc (0 to 1) carrying the rounding up.
/// round_controlled's nodes: 0 the grand total, 1 the sink, 2 … 1 + columns the columns, then
/// the rows.
struct certificate_arc {
    std::size_t from = 0;      ///< tail node
    std::size_t to = 0;        ///< head node
    std::int64_t lower = 0;    ///< least flow
    std::int64_t capacity = 0; ///< most flow
    std::int64_t cost = 0;     ///< cost per unit of flow (criteria 1 and 2 combined, exact)
    std::int64_t flow = 0;     ///< the flow of the solution
};

/// The proof that a rounding is optimal for criteria 1 and 2: a circulation within the bounds
/// and node potentials under which no residual arc has a negative reduced cost
/// (cost + potential[from] − potential[to] ≥ 0 where flow < capacity, ≤ 0 where flow > lower).
struct rounding_certificate {
    std::vector<certificate_arc> arcs;     ///< the fixed arcs in the order of the values, then the unit arcs
    std::vector<std::int64_t> potentials;  ///< one per node
};

/// A controlled rounding: rounded cells, totals and their drifts, and the certificate.
struct controlled_rounding {
    std::vector<std::optional<std::int64_t>> cells; ///< rows × columns, row by row; none where no cell
    std::vector<std::int64_t> row_totals;           ///< Σ of each row's rounded cells
    std::vector<std::int64_t> column_totals;        ///< Σ of each column's rounded cells
    std::int64_t grand_total = 0;                   ///< Σ of every rounded cell
    std::vector<exact_value> exact_row_totals;      ///< Σ of each row's exact cells
    std::vector<exact_value> exact_column_totals;   ///< Σ of each column's exact cells
    exact_value exact_grand_total;                  ///< Σ of every exact cell
    exact_value total_drift;  ///< criterion 1: Σ |rounded − exact| over rows, columns and the grand total
    std::size_t changes = 0;  ///< criterion 2: cells that differ from the reference
    rounding_certificate certificate; ///< the optimality proof of criteria 1 and 2
};

/// The controlled rounding of `problem` as chosen by criteria 1–3 above. Throws ku::domain_error
/// when the vectors' sizes do not match rows and columns, ku::overflow_error when a value or
/// total is beyond ±2^62 units or the totals' fractions need a common denominator beyond 2^24
/// (only when rows and columns both have totals that are not whole numbers).
[[nodiscard]] inline controlled_rounding round_controlled(const rounding_problem& problem);

/// Whether `certificate` proves its flow optimal: every node conserves flow, every arc's flow is
/// within its bounds, and every residual arc has a non-negative reduced cost.
[[nodiscard]] inline bool certifies_optimality(const rounding_certificate& certificate);

namespace detail::controlled_impl {

using boost::multiprecision::cpp_int;

inline cpp_int floor_of(const exact_value& value)
{
    const cpp_int& n = numerator(value);
    const cpp_int& d = denominator(value); // positive
    cpp_int q = n / d;                     // toward zero
    if (n < 0 && q * d != n) {
        --q;
    }
    return q;
}

inline std::int64_t to_int64(const cpp_int& value, std::string_view what)
{
    constexpr std::int64_t limit = std::int64_t{1} << 62;
    if (value > limit || value < -limit) {
        throw overflow_error("controlled rounding: " + std::string{what} + " " + value.str() +
                             " is beyond ±2^62 units");
    }
    return value.convert_to<std::int64_t>();
}

inline bool is_whole(const exact_value& value) { return denominator(value) == 1; }

/// a < b by cross-multiplying (Boost's rational compares by a loop of divisions, far slower).
inline bool exact_less(const exact_value& a, const exact_value& b)
{
    return numerator(a) * denominator(b) < numerator(b) * denominator(a);
}

/// a == b for reduced values (Boost's rational equality goes through its slow comparison).
inline bool exact_equal(const exact_value& a, const exact_value& b)
{
    return numerator(a) == numerator(b) && denominator(a) == denominator(b);
}

/// Whether value is zero.
inline bool is_zero(const exact_value& value) { return numerator(value) == 0; }

/// Whether value is negative.
inline bool is_negative(const exact_value& value) { return numerator(value) < 0; }

/// Whether a fractional part in [0, 1) is a half or more.
inline bool half_or_more(const exact_value& fraction) { return 2 * numerator(fraction) >= denominator(fraction); }

/// A sum of exact values reduced once at the end: adding rationals of many different
/// denominators one by one reduces (a gcd of ever longer numbers) at every step.
class exact_sum {
public:
    void add(const exact_value& value)
    {
        const cpp_int& d = denominator(value);
        if (d == denominator_) {
            numerator_ += numerator(value);
            return;
        }
        // Over the least common multiple, so the numbers grow no faster than they must.
        // gcd(D, d) = gcd(D mod d, d): one division of the long D, then a gcd of short numbers
        // (Boost's binary gcd of a long and a short number shifts the long one bit by bit).
        const cpp_int g = gcd(cpp_int{denominator_ % d}, d);
        const cpp_int scale_own = d / g;
        numerator_ *= scale_own;
        numerator_ += numerator(value) * (denominator_ / g);
        denominator_ *= scale_own;
    }
    [[nodiscard]] exact_value value() const { return exact_value{numerator_, denominator_}; }

private:
    cpp_int numerator_ = 0;
    cpp_int denominator_ = 1;
};

/// The network: arcs in pairs (forward 2k, backward 2k + 1) with residual capacities.
struct network {
    std::vector<std::size_t> head;
    std::vector<std::int64_t> residual;
    std::vector<std::int64_t> cost;
    std::vector<std::vector<std::size_t>> out; // arc indices leaving each node

    explicit network(std::size_t nodes) : out(nodes) {}

    std::size_t add(std::size_t from, std::size_t to, std::int64_t capacity, std::int64_t arc_cost)
    {
        const std::size_t index = head.size();
        head.push_back(to);
        residual.push_back(capacity);
        cost.push_back(arc_cost);
        out[from].push_back(index);
        head.push_back(from);
        residual.push_back(0);
        cost.push_back(-arc_cost);
        out[to].push_back(index + 1);
        return index;
    }
    [[nodiscard]] std::size_t tail(std::size_t arc) const { return head[arc ^ 1U]; }
    void push(std::size_t arc, std::int64_t amount)
    {
        residual[arc] -= amount;
        residual[arc ^ 1U] += amount;
    }
};

/// Minimum-cost flow by successive shortest paths (primal-dual): `excess` is moved from nodes
/// with a surplus to nodes with a deficit along paths of zero reduced cost, the potentials
/// raised by Dijkstra's distances between phases. Starts from reduced costs ≥ 0 under `potential`.
inline void balance_excess(network& net, std::vector<std::int64_t>& excess, std::vector<std::int64_t>& potential)
{
    const std::size_t nodes = net.out.size();
    constexpr std::int64_t unreached = std::numeric_limits<std::int64_t>::max();
    const auto reduced = [&](std::size_t arc) {
        return net.cost[arc] + potential[net.tail(arc)] - potential[net.head[arc]];
    };
    std::vector<std::int64_t> distance(nodes);
    std::vector<std::size_t> current(nodes);
    std::vector<char> state(nodes); // 0 unvisited, 1 on the path, 2 dead
    std::vector<std::size_t> path;
    while (std::ranges::any_of(excess, [](std::int64_t e) { return e > 0; })) {
        // Dijkstra from every node with a surplus, until the nearest deficit.
        std::ranges::fill(distance, unreached);
        using entry = std::pair<std::int64_t, std::size_t>;
        std::priority_queue<entry, std::vector<entry>, std::greater<>> queue;
        for (std::size_t v = 0; v < nodes; ++v) {
            if (excess[v] > 0) {
                distance[v] = 0;
                queue.emplace(0, v);
            }
        }
        std::int64_t reach = unreached;
        while (!queue.empty()) {
            const auto [d, v] = queue.top();
            queue.pop();
            if (d != distance[v]) {
                continue;
            }
            if (excess[v] < 0) {
                reach = d;
                break;
            }
            for (const std::size_t arc : net.out[v]) {
                if (net.residual[arc] <= 0) {
                    continue;
                }
                const std::size_t w = net.head[arc];
                const std::int64_t candidate = d + reduced(arc);
                if (candidate < distance[w]) {
                    distance[w] = candidate;
                    queue.emplace(candidate, w);
                }
            }
        }
        // A two-way table always has a controlled rounding, so a surplus always reaches a deficit.
        Ensures(reach != unreached);
        for (std::size_t v = 0; v < nodes; ++v) {
            potential[v] += std::min(distance[v], reach);
        }
        // Augment along arcs of zero reduced cost until no surplus reaches a deficit on them. A
        // node found dead stays dead for the phase; the next phase's Dijkstra finds what is left.
        std::ranges::fill(state, 0);
        std::ranges::fill(current, 0);
        for (std::size_t source = 0; source < nodes; ++source) {
            while (excess[source] > 0 && state[source] != 2) {
                path.clear();
                std::size_t v = source;
                state[v] = 1;
                while (excess[v] >= 0) {
                    bool advanced = false;
                    for (; current[v] < net.out[v].size(); ++current[v]) {
                        const std::size_t arc = net.out[v][current[v]];
                        const std::size_t w = net.head[arc];
                        if (net.residual[arc] > 0 && state[w] == 0 && reduced(arc) == 0) {
                            path.push_back(arc);
                            state[w] = 1;
                            v = w;
                            advanced = true;
                            break;
                        }
                    }
                    if (advanced) {
                        continue;
                    }
                    state[v] = 2;
                    if (path.empty()) {
                        break;
                    }
                    v = net.tail(path.back());
                    path.pop_back();
                    ++current[v];
                }
                if (excess[v] >= 0) {
                    break; // the source is dead
                }
                for (const std::size_t arc : path) {
                    net.push(arc, 1);
                    state[net.head[arc]] = 0;
                }
                state[source] = 0;
                --excess[source];
                ++excess[v];
            }
        }
    }
}

/// The strongly connected components of the residual arcs for which `usable(arc)` holds (Tarjan,
/// without recursion): a component number per node.
template <class Usable>
std::vector<std::size_t> zero_cost_components(const network& net, const Usable& reduced)
{
    const std::size_t nodes = net.out.size();
    constexpr std::size_t unvisited = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> index(nodes, unvisited), low(nodes, 0), component(nodes, unvisited);
    std::vector<std::size_t> stack, next_arc(nodes, 0), call;
    std::vector<char> on_stack(nodes, 0);
    std::size_t counter = 0;
    std::size_t components = 0;
    const auto usable = [&](std::size_t arc) { return net.residual[arc] > 0 && reduced(arc) == 0; };
    for (std::size_t root = 0; root < nodes; ++root) {
        if (index[root] != unvisited) {
            continue;
        }
        call.push_back(root);
        index[root] = low[root] = counter++;
        stack.push_back(root);
        on_stack[root] = 1;
        while (!call.empty()) {
            const std::size_t v = call.back();
            if (next_arc[v] < net.out[v].size()) {
                const std::size_t arc = net.out[v][next_arc[v]++];
                if (!usable(arc)) {
                    continue;
                }
                const std::size_t w = net.head[arc];
                if (index[w] == unvisited) {
                    index[w] = low[w] = counter++;
                    stack.push_back(w);
                    on_stack[w] = 1;
                    call.push_back(w);
                } else if (on_stack[w] != 0) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            call.pop_back();
            if (!call.empty()) {
                low[call.back()] = std::min(low[call.back()], low[v]);
            }
            if (low[v] == index[v]) {
                std::size_t w = unvisited;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = 0;
                    component[w] = components;
                } while (w != v);
                ++components;
            }
        }
    }
    return component;
}

/// Dense ranks of `values` from the largest (0) down: equal values share a rank.
inline std::vector<std::int64_t> ranks_from_largest(const std::vector<exact_value>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::ranges::sort(order, [&](std::size_t a, std::size_t b) { return exact_less(values[b], values[a]); });
    std::vector<std::int64_t> rank(values.size());
    std::int64_t r = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        if (k > 0 && !exact_equal(values[order[k]], values[order[k - 1]])) {
            ++r;
        }
        rank[order[k]] = r;
    }
    return rank;
}

} // namespace detail::controlled_impl

/// An arc of a circulation to round (ku::round_circulation): its exact flow, conservation holding
/// exactly at every node, and the cost of rounding it up rather than down.
struct exact_arc {
    std::size_t from = 0;     ///< tail node
    std::size_t to = 0;       ///< head node
    exact_value value;        ///< the exact flow, in units (may be negative)
    std::int64_t up_cost = 0; ///< the cost of rounding it up rather than down
};

/// A rounded circulation: each arc's rounded flow, and the certificate.
struct rounded_circulation {
    std::vector<std::int64_t> flows;   ///< per arc, its floor or its ceiling
    rounding_certificate certificate;  ///< network, flow and potentials
};

/// Rounds every arc of an exact circulation to its floor or ceiling so that every node still
/// conserves flow, at least cost (the up_costs of the arcs rounded up); such a rounding exists
/// because the circulations within the arcs' floors and ceilings form an integral polytope that
/// holds the exact one. Then the tie rule: the arcs of `tie_order` are taken in turn, and each
/// is rounded up when some rounding of the same cost, keeping the earlier choices, rounds it up.
/// The costs must stay below 2^40 in magnitude over any path (the callers check their bounds).
/// Throws ku::overflow_error for a value beyond ±2^62 units. round_controlled and the balance
/// tables shown in tkr (ku::round_for_display) are such circulations.
[[nodiscard]] inline rounded_circulation round_circulation(std::size_t nodes, const std::vector<exact_arc>& arcs,
                                             const std::vector<std::size_t>& tie_order)
{
    using namespace detail::controlled_impl;
    constexpr std::size_t whole = std::numeric_limits<std::size_t>::max();
    network net(nodes);
    std::vector<std::int64_t> excess(nodes, 0);
    std::vector<std::size_t> unit_arc(arcs.size(), whole);
    std::vector<std::int64_t> floors(arcs.size());
    rounded_circulation result;
    for (std::size_t a = 0; a < arcs.size(); ++a) {
        const cpp_int f = floor_of(arcs[a].value);
        floors[a] = to_int64(f, "the value");
        excess[arcs[a].from] -= floors[a];
        excess[arcs[a].to] += floors[a];
        result.certificate.arcs.push_back({.from = arcs[a].from, .to = arcs[a].to, .lower = floors[a],
                                           .capacity = floors[a], .cost = 0, .flow = floors[a]});
        if (!is_whole(arcs[a].value)) {
            unit_arc[a] = net.add(arcs[a].from, arcs[a].to, 1, arcs[a].up_cost);
        }
    }
    // Start with every arc of negative cost rounded up, so all reduced costs are ≥ 0.
    for (std::size_t arc = 0; arc < net.head.size(); arc += 2) {
        if (net.cost[arc] < 0) {
            net.push(arc, 1);
            excess[net.tail(arc)] -= 1;
            excess[net.head[arc]] += 1;
        }
    }
    std::vector<std::int64_t> potential(nodes, 0);
    balance_excess(net, excess, potential);

    // The tie rule, among the roundings of least cost: those that use only arcs of zero reduced
    // cost. An arc rounded down goes up when a cycle of such arcs, avoiding the arcs already
    // decided, leads back from its head to its tail.
    const auto reduced = [&](std::size_t arc) {
        return net.cost[arc] + potential[net.tail(arc)] - potential[net.head[arc]];
    };
    std::vector<char> decided(net.head.size() / 2, 0);
    // A cycle can only run within a strongly connected component of those arcs; deciding arcs
    // only removes arcs, so the components found once bound every later search.
    const std::vector<std::size_t> component = zero_cost_components(net, reduced);
    std::vector<std::size_t> reached_by(nodes);
    std::vector<std::size_t> seen(nodes, 0);
    std::vector<std::size_t> frontier;
    std::size_t search = 0;
    for (const std::size_t a : tie_order) {
        const std::size_t arc = unit_arc[a];
        if (arc == whole || reduced(arc) != 0) {
            continue; // whole, or the same way in every rounding of least cost
        }
        if (net.residual[arc] > 0 && component[net.head[arc]] == component[net.tail(arc)]) {
            ++search;
            const std::size_t from = net.head[arc];
            const std::size_t goal = net.tail(arc);
            frontier.assign(1, from);
            seen[from] = search;
            bool found = false;
            for (std::size_t next = 0; next < frontier.size() && !found; ++next) {
                for (const std::size_t b : net.out[frontier[next]]) {
                    const std::size_t w = net.head[b];
                    if (seen[w] == search || component[w] != component[from] || b / 2 == arc / 2 ||
                        decided[b / 2] != 0 || net.residual[b] <= 0 || reduced(b) != 0) {
                        continue;
                    }
                    seen[w] = search;
                    reached_by[w] = b;
                    if (w == goal) {
                        found = true;
                        break;
                    }
                    frontier.push_back(w);
                }
            }
            if (found) {
                for (std::size_t v = goal; v != from;) {
                    const std::size_t b = reached_by[v];
                    net.push(b, 1);
                    v = net.tail(b);
                }
                net.push(arc, 1);
            }
        }
        decided[arc / 2] = 1;
    }

    for (std::size_t a = 0; a < arcs.size(); ++a) {
        result.flows.push_back(floors[a] + (unit_arc[a] != whole && net.residual[unit_arc[a]] == 0 ? 1 : 0));
    }
    for (std::size_t arc = 0; arc < net.head.size(); arc += 2) {
        result.certificate.arcs.push_back({.from = net.tail(arc), .to = net.head[arc], .lower = 0,
                                           .capacity = 1, .cost = net.cost[arc], .flow = net.residual[arc + 1]});
    }
    result.certificate.potentials = std::move(potential);
    Ensures(certifies_optimality(result.certificate));
    return result;
}

inline controlled_rounding round_controlled(const rounding_problem& problem)
{
    using namespace detail::controlled_impl;
    const std::size_t n = problem.rows;
    const std::size_t m = problem.columns;
    if (problem.cells.size() != n * m || (!problem.reference_up.empty() && problem.reference_up.size() != n * m) ||
        (!problem.row_keys.empty() && problem.row_keys.size() != n) ||
        (!problem.column_keys.empty() && problem.column_keys.size() != m)) {
        throw domain_error("controlled rounding: a table of " + std::to_string(n) + " × " + std::to_string(m) +
                           " cells needs as many cells, reference cells and keys");
    }
    const auto row_key = [&](std::size_t i) { return problem.row_keys.empty() ? i : problem.row_keys[i]; };
    const auto column_key = [&](std::size_t j) {
        return problem.column_keys.empty() ? j : problem.column_keys[j];
    };

    controlled_rounding result;
    std::vector<exact_sum> row_sums(n), column_sums(m);
    std::size_t fractional_cells = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            if (const auto& cell = problem.cells[i * m + j]) {
                row_sums[i].add(*cell);
                column_sums[j].add(*cell);
                fractional_cells += is_whole(*cell) ? 0U : 1U;
            }
        }
    }
    exact_sum grand_sum;
    for (const exact_sum& column : column_sums) {
        result.exact_column_totals.push_back(column.value());
        grand_sum.add(result.exact_column_totals.back());
    }
    for (const exact_sum& row : row_sums) {
        result.exact_row_totals.push_back(row.value());
    }
    result.exact_grand_total = grand_sum.value();

    // Criterion 1's weights: the cost of rounding a total up rather than down, 1 − 2 × its
    // fractional part. When only one side has totals that are not whole, ranks of those fractions
    // choose the same tables (the reachable roundings of one side form an M-convex set, on which
    // a linear cost's minimisers depend only on how the weights compare) and stay small integers.
    const auto fraction_of = [](const exact_value& value) { return value - exact_value{floor_of(value)}; };
    std::vector<exact_value> row_fraction(n), column_fraction(m);
    std::ranges::transform(result.exact_row_totals, row_fraction.begin(), fraction_of);
    std::ranges::transform(result.exact_column_totals, column_fraction.begin(), fraction_of);
    const exact_value grand_fraction = fraction_of(result.exact_grand_total);
    const auto all_whole = [](const std::vector<exact_value>& fractions) {
        return std::ranges::all_of(fractions, is_zero);
    };
    std::vector<std::int64_t> row_weight(n, 0), column_weight(m, 0);
    std::int64_t grand_weight = 0;
    if (all_whole(column_fraction)) {
        row_weight = ranks_from_largest(row_fraction);
    } else if (all_whole(row_fraction)) {
        column_weight = ranks_from_largest(column_fraction);
    } else {
        cpp_int common = 1;
        const auto widen = [&](const exact_value& f) { common = boost::multiprecision::lcm(common, denominator(f)); };
        std::ranges::for_each(row_fraction, widen);
        std::ranges::for_each(column_fraction, widen);
        widen(grand_fraction);
        if (common > (cpp_int{1} << 24U)) {
            throw overflow_error("controlled rounding: the totals' fractions need a common denominator of " +
                                 common.str() + ", beyond 2^24");
        }
        const auto scaled = [&](const exact_value& f) {
            return numerator(exact_value{(exact_value{1} - 2 * f) * exact_value{common}}).convert_to<std::int64_t>();
        };
        std::ranges::transform(row_fraction, row_weight.begin(), scaled);
        std::ranges::transform(column_fraction, column_weight.begin(), scaled);
        grand_weight = scaled(grand_fraction);
    }
    // Criterion 2 as costs: +1 to round up a cell the reference rounds down, −1 to round up one
    // it rounds up; criterion 1, scaled, outweighs any number of those.
    const auto scale = gsl::narrow<std::int64_t>(fractional_cells + 1);
    std::int64_t weight_bound = grand_weight < 0 ? -grand_weight : grand_weight;
    for (const std::vector<std::int64_t>* weights : {&row_weight, &column_weight}) {
        for (const std::int64_t w : *weights) {
            weight_bound = std::max(weight_bound, w < 0 ? -w : w);
        }
    }
    if (weight_bound + 1 > (std::int64_t{1} << 40) / scale / gsl::narrow<std::int64_t>(n + m + 2)) {
        throw overflow_error("controlled rounding: the table is too large for exact 64-bit costs");
    }

    // The circulation, nodes: 0 grand, 1 sink, 2 + j column j, 2 + m + i row i. The cells flow from
    // their column to their row, the totals from the grand node to the columns, from the rows to
    // the sink and from the sink back to the grand node.
    const auto column_node = [&](std::size_t j) { return 2 + j; };
    const auto row_node = [&](std::size_t i) { return 2 + m + i; };
    std::vector<exact_arc> arcs;
    std::vector<std::size_t> cell_of_arc;
    std::vector<bool> reference;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            const std::size_t k = i * m + j;
            if (const auto& cell = problem.cells[k]) {
                const bool up = problem.reference_up.empty() ? half_or_more(fraction_of(*cell))
                                                             : static_cast<bool>(problem.reference_up[k]);
                arcs.push_back({.from = column_node(j), .to = row_node(i), .value = *cell, .up_cost = up ? -1 : 1});
                cell_of_arc.push_back(k);
                reference.push_back(up);
            }
        }
    }
    const std::size_t cell_arcs = arcs.size();
    for (std::size_t j = 0; j < m; ++j) {
        arcs.push_back({.from = 0, .to = column_node(j), .value = result.exact_column_totals[j],
                        .up_cost = column_weight[j] * scale});
    }
    for (std::size_t i = 0; i < n; ++i) {
        arcs.push_back({.from = row_node(i), .to = 1, .value = result.exact_row_totals[i],
                        .up_cost = row_weight[i] * scale});
    }
    arcs.push_back({.from = 1, .to = 0, .value = result.exact_grand_total, .up_cost = grand_weight * scale});

    // Criterion 3's order: fractional part, largest first, then row key, then column key.
    std::vector<std::size_t> tie_order(cell_arcs);
    std::iota(tie_order.begin(), tie_order.end(), std::size_t{0});
    std::erase_if(tie_order, [&](std::size_t a) { return is_whole(arcs[a].value); });
    std::vector<exact_value> cell_fraction(cell_arcs);
    for (const std::size_t a : tie_order) {
        cell_fraction[a] = fraction_of(arcs[a].value);
    }
    std::ranges::sort(tie_order, [&](std::size_t a, std::size_t b) {
        if (!exact_equal(cell_fraction[a], cell_fraction[b])) {
            return exact_less(cell_fraction[b], cell_fraction[a]);
        }
        const std::size_t ka = cell_of_arc[a];
        const std::size_t kb = cell_of_arc[b];
        if (row_key(ka / m) != row_key(kb / m)) {
            return row_key(ka / m) < row_key(kb / m);
        }
        return column_key(ka % m) < column_key(kb % m);
    });

    rounded_circulation rounded = round_circulation(2 + m + n, arcs, tie_order);

    result.cells.assign(n * m, std::nullopt);
    result.row_totals.assign(n, 0);
    result.column_totals.assign(m, 0);
    for (std::size_t a = 0; a < cell_arcs; ++a) {
        const std::size_t k = cell_of_arc[a];
        const std::int64_t value = rounded.flows[a];
        result.cells[k] = value;
        result.row_totals[k / m] += value;
        result.column_totals[k % m] += value;
        result.grand_total += value;
        if (!is_whole(arcs[a].value) && (value != floor_of(arcs[a].value)) != reference[a]) {
            ++result.changes;
        }
    }
    const auto drift = [](std::int64_t shown, const exact_value& exact) {
        const exact_value d = exact_value{shown} - exact;
        return is_negative(d) ? exact_value{-d} : d;
    };
    exact_sum total_drift;
    for (std::size_t i = 0; i < n; ++i) {
        total_drift.add(drift(result.row_totals[i], result.exact_row_totals[i]));
    }
    for (std::size_t j = 0; j < m; ++j) {
        total_drift.add(drift(result.column_totals[j], result.exact_column_totals[j]));
    }
    total_drift.add(drift(result.grand_total, result.exact_grand_total));
    result.total_drift = total_drift.value();
    result.certificate = std::move(rounded.certificate);
    return result;
}

inline bool certifies_optimality(const rounding_certificate& certificate)
{
    const std::vector<std::int64_t>& potential = certificate.potentials;
    std::vector<std::int64_t> balance(potential.size(), 0);
    for (const certificate_arc& arc : certificate.arcs) {
        if (arc.from >= potential.size() || arc.to >= potential.size() || arc.flow < arc.lower ||
            arc.flow > arc.capacity) {
            return false;
        }
        balance[arc.from] -= arc.flow;
        balance[arc.to] += arc.flow;
        const std::int64_t reduced = arc.cost + potential[arc.from] - potential[arc.to];
        if ((arc.flow < arc.capacity && reduced < 0) || (arc.flow > arc.lower && reduced > 0)) {
            return false;
        }
    }
    return std::ranges::all_of(balance, [](std::int64_t b) { return b == 0; });
}

} // namespace ku

#pragma once
// The 2025 keys and published columns the allocation tests check against, embedded so the
// tests depend on nothing outside the repository. Population keys A, B and C are those of
// data/population_keys.csv; the columns are those of data/financing_proposal_2025.csv
// ("FÖRSLAG finansiering Kommunal Utveckling 2025", in kr).

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ku/allocation/allocation.hpp"

namespace ku_test {

/// One kommun of the proposal, in the published row order.
struct kommun_row {
    std::string_view code;
    std::string_view name;
    std::int64_t key_a;
    std::int64_t key_b;
    std::int64_t key_c;
};

inline constexpr std::array<kommun_row, 13> kommuner{{
    {"0604", "Aneby", 6842, 6809, 6816},
    {"0686", "Eksjö", 17794, 17900, 17879},
    {"0662", "Gislaved", 29145, 29411, 29354},
    {"0617", "Gnosjö", 9309, 9416, 9390},
    {"0643", "Habo", 13283, 13199, 13280},
    {"0680", "Jönköping", 146197, 145391, 145609},
    {"0642", "Mullsjö", 7568, 7562, 7545},
    {"0682", "Nässjö", 31649, 31899, 31884},
    {"0684", "Sävsjö", 11664, 11736, 11717},
    {"0687", "Tranås", 18806, 18788, 18828},
    {"0665", "Vaggeryd", 14857, 14859, 14864},
    {"0685", "Vetlanda", 27531, 27616, 27621},
    {"0683", "Värnamo", 34682, 34698, 34722},
}};

enum class key { a, b, c };

/// One published fee column: its name, key, total and the 13 cells in the order of `kommuner`
/// (an absent cell, Mullsjö in Miljösamverkan, is -1).
struct fee_column {
    std::string_view name;
    key by;
    std::int64_t total;
    std::array<std::int64_t, 13> cells;
};

// clang-format off
inline constexpr std::array<fee_column, 16> proposal_2025{{
    {"Grundfinansiering Social välfärd", key::a, 9000000,
     {166730, 433616, 710224, 226848, 323689, 3562623, 184422, 771243, 284236, 458277, 362045, 670893, 845154}},
    {"Arbete och delaktighet", key::a, 900000,
     {16673, 43362, 71022, 22685, 32369, 356262, 18442, 77124, 28424, 45828, 36205, 67089, 84515}},
    {"Familjecentralsamordnare", key::b, 285571,
     {5265, 13842, 22744, 7281, 10207, 112432, 5848, 24668, 9076, 14529, 11491, 21356, 26832}},
    {"Barnahus", key::a, 3168492,
     {58698, 152656, 250038, 79863, 113956, 1254238, 64927, 271520, 100067, 161338, 127460, 236191, 297540}},
    {"Familjehemsresurs", key::a, 5283065,
     {97872, 254536, 416907, 133161, 190008, 2091285, 108257, 452725, 166849, 269012, 212523, 393819, 496111}},
    {"Medlemsavgift Kommunal utveckling", key::a, 9000000,
     {166730, 433616, 710224, 226848, 323689, 3562624, 184422, 771243, 284236, 458277, 362045, 670893, 845153}},
    {"Digitalisering", key::b, 1583550,
     {29198, 76758, 126119, 40377, 56599, 623460, 32427, 136788, 50326, 80566, 63718, 118422, 148791}},
    {"IoT projekt", key::c, 1571166,
     {28982, 76022, 124814, 39927, 56467, 619135, 32082, 135572, 49821, 80057, 63202, 117446, 147639}},
    {"Skola", key::b, 2702752,
     {49834, 131008, 215256, 68915, 96602, 1064102, 55346, 233466, 85895, 137507, 108752, 202119, 253951}},
    {"Fjärrundervisning", key::b, 535325,
     {9871, 25948, 42635, 13650, 19134, 210763, 10962, 46242, 17013, 27236, 21540, 40033, 50299}},
    {"Fritid", key::b, 1144526,
     {21103, 55478, 91154, 29183, 40908, 450612, 23437, 98865, 36374, 58230, 46053, 85591, 107540}},
    {"Kvalitetsarbete öppen fritid", key::b, 219801,
     {4053, 10654, 17506, 5604, 7856, 86538, 4501, 18987, 6985, 11183, 8844, 16437, 20653}},
    {"Utvecklingsarbete friluftsliv", key::c, 451966,
     {8337, 21869, 35904, 11485, 16243, 178102, 9229, 38999, 14332, 23030, 18181, 33785, 42470}},
    {"Miljösamverkan", key::b, 1050979,
     {51769, 67683, 101334, 55510, 71788, 250605, -1, 87768, 58839, 68957, 63319, 81623, 91784}},
    {"VO-college", key::b, 904998,
     {16687, 43867, 72077, 23076, 32347, 356307, 18532, 78174, 28761, 46043, 36415, 67678, 85034}},
    {"Yrkesresorna", key::a, 1742870,
     {32288, 83971, 137536, 43930, 62683, 689909, 35714, 149353, 55043, 88746, 70111, 129920, 163666}},
}};
// clang-format on

[[nodiscard]] inline const fee_column& fee(std::string_view name)
{
    for (const fee_column& column : proposal_2025) {
        if (column.name == name) {
            return column;
        }
    }
    throw ku::lookup_error("test fixture: no fee column " + std::string{name});
}

[[nodiscard]] inline std::int64_t key_value(const kommun_row& row, key k)
{
    switch (k) {
    case key::a: return row.key_a;
    case key::b: return row.key_b;
    case key::c: return row.key_c;
    }
    return 0;
}

/// The SCB code of the kommun named `name` ("Värnamo" → 0683).
[[nodiscard]] inline ku::kommun_code code_of(std::string_view name)
{
    for (const kommun_row& row : kommuner) {
        if (row.name == name) {
            return ku::kommun_code{row.code};
        }
    }
    throw ku::lookup_error("test fixture: no kommun " + std::string{name});
}

/// The weights of key `k` for every kommun except `without` (Mullsjö in Miljösamverkan),
/// in the published row order.
[[nodiscard]] inline std::vector<ku::member_weight>
weights_of(key k, std::optional<std::string_view> without = std::nullopt)
{
    std::vector<ku::member_weight> weights;
    for (const kommun_row& row : kommuner) {
        if (without && row.name == *without) {
            continue;
        }
        weights.push_back({ku::kommun_code{row.code}, ku::weight::whole(key_value(row, k))});
    }
    return weights;
}

/// The amount, in whole kronor, that kommun `name` pays in `result`.
[[nodiscard]] inline std::int64_t kr_of(const ku::allocation& result, std::string_view name)
{
    const ku::money amount = result.at(code_of(name)).amount;
    if (!amount.is_whole(ku::unit::kr)) {
        throw ku::domain_error("test fixture: not whole kronor");
    }
    return amount.in_ore() / 100;
}

} // namespace ku_test

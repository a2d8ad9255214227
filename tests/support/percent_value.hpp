#pragma once
// Test support: a ku::percent's exact value, to compare a written percent with a read one.

#include "ku/shares/percent.hpp"

namespace ku::test {

/// A percent's exact value in percent points (348 with one decimal is 34,8).
[[nodiscard]] inline ku::exact_share share_of(const ku::percent& p)
{
    ku::exact_share value = p.units();
    for (int i = 0; i < p.decimals(); ++i) {
        value /= 10;
    }
    return value;
}

} // namespace ku::test

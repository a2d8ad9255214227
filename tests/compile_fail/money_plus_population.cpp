// expect: no match for .*operator\+.* \(operand types are .*ku::money.* and .*ku::population.*\)
// Inhabitants are not kronor: adding a population to an amount must not compile.
#include "ku/core/money.hpp"
#include "ku/core/population.hpp"

int main()
{
    const ku::money fee = ku::money::kr(42'000);
    const ku::population aneby{6'842};
    const auto total = fee + aneby;
    return total.in_ore() == 0 ? 0 : 1;
}

// expect: no match for .*operator\+.* \(operand types are .*ku::money.* and .*ku::ratio.*\)
// A ratio is not an amount: scaling an amount by one needs ku::multiply and a rounding mode.
#include "ku/core/money.hpp"
#include "ku/core/ratio.hpp"

int main()
{
    const ku::money fee = ku::money::kr(3'562'623);
    const ku::ratio tenth{1, 10};
    const auto total = fee + tenth;
    return total.in_ore() == 0 ? 0 : 1;
}

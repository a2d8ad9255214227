// expect: use of deleted function.*ku::operator\*\(money, F\) \[with F = double
// Money is exact: half of an amount is ku::multiply(amount, ku::ratio{1, 2}, mode), never * 0.5.
#include "ku/core/money.hpp"

int main()
{
    const ku::money fee = ku::money::kr(395);
    const ku::money half = fee * 0.5;
    return half.in_ore() == 0 ? 0 : 1;
}

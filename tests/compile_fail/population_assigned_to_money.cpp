// expect: no match for .*operator=.* \(operand types are .*ku::money.* and .*ku::population.*\)
// A count of inhabitants is not an amount: assigning one to a ku::money must not compile.
#include "ku/core/money.hpp"
#include "ku/core/population.hpp"

int main()
{
    ku::money fee = ku::money::kr(1);
    const ku::population jonkoping{146'197};
    fee = jonkoping;
    return fee.in_ore() == 0 ? 0 : 1;
}

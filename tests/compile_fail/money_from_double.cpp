// expect: use of deleted function.*money::money\(double\)
// Money is exact: constructing it from a floating-point number must not compile.
#include "ku/core/money.hpp"

int main()
{
    const ku::money m(0.1);
    return static_cast<int>(m.in_ore());
}

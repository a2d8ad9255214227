// expect: use of deleted function.*ku::exact_share::exact_share\(double\)
// A share is exact: constructing it from a floating-point number must not compile.
#include "ku/shares/percent.hpp"

int main()
{
    ku::exact_share s = 0.5;
    return s == 0 ? 0 : 1;
}

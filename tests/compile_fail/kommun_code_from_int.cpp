// expect: use of deleted function.*ku::kommun_code::kommun_code\(I\) \[with I = int\]
// A kommun code is text with its leading zero ("0683"), not an integer: 683 must not compile.
#include "ku/core/kommun.hpp"

int main()
{
    const ku::kommun_code code(683);
    return code.str() == "0683" ? 0 : 1;
}

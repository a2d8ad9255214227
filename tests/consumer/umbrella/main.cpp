// Uses the installed ku through its umbrella header.
#include <iostream>

#include <ku/ku.hpp>

int main()
{
    const ku::money a = ku::money::parse("3 562 623 kr");
    const ku::money b = ku::money::parse("58 088 tkr");
    std::cout << "consumer: " << ku::format_swedish(a) << " + " << ku::format_swedish(b, {.in = ku::unit::tkr})
              << " = " << ku::format_swedish(a + b) << '\n';
    return a + b == ku::money::kr(61'650'623) ? 0 : 1;
}

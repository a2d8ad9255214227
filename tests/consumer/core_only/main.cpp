// Uses only the header-only core, as a policy calculation embedded in another tool would:
// 1 300 kr split equally over the 13 kommuner by largest remainder.
#include <iostream>
#include <vector>

#include <ku/core.hpp>

int main()
{
    const ku::kommun_catalogue catalogue = ku::jonkopings_lan();
    std::vector<ku::member_weight> weights;
    for (const ku::kommun& k : catalogue.all()) {
        weights.push_back({k.code, ku::weight::whole(1)});
    }
    const ku::allocation split = ku::allocate(ku::money::kr(1'300), weights);
    std::cout << "core consumer: " << split.parts.size() << " parts of "
              << ku::format_swedish(split.parts.front().amount) << ", summa "
              << ku::format_swedish(split.sum()) << '\n';
    return split.sum() == ku::money::kr(1'300) ? 0 : 1;
}

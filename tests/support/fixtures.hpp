#pragma once
// Test support: what many tests start from: kronor and tkr, Jönköpings län's kommuner, the largest
// area of the balance tables, and the folders of the bundled data (KU_DATA_DIR) and of the tests'
// own data (KU_TEST_DATA_DIR).

#include <cstdint>
#include <filesystem>
#include <string>

#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"

namespace ku::test {

/// `n` whole kronor.
[[nodiscard]] inline ku::money kr(std::int64_t n) { return ku::money::kr(n); }
/// `n` thousand kronor.
[[nodiscard]] inline ku::money tkr(std::int64_t n) { return ku::money::in(ku::unit::tkr, n); }

/// The largest area of the published balance tables, by name and as a partnerskap.
inline const std::string social = "Social välfärd och hälso- och sjukvård";
inline const ku::partnerskap social_area = ku::partnerskap::named(social);

/// The 13 kommuner of Jönköpings län.
inline const ku::kommun_catalogue catalogue = ku::jonkopings_lan();

#ifdef KU_DATA_DIR
/// The bundled data (data/).
inline const std::filesystem::path data{KU_DATA_DIR};
#endif
#ifdef KU_TEST_DATA_DIR
/// The tests' own data (tests/data/).
inline const std::filesystem::path test_data{KU_TEST_DATA_DIR};
#endif

} // namespace ku::test

#pragma once
/// @file
/// Umbrella header of ku::core, the header-only domain: exact money and its rounding (whole
/// tables too: controlled rounding), ratios and rates, kommuner, partnerskap, funding sources
/// and periods; allocation keys, proposals, overhead, scenarios and the fee-table audit; the
/// ledger, its audit and its rounding for display; financing shares and percent rows; price
/// levels, staffing (and its audit) and indicators; a period's report built from one dataset.
/// Its only dependencies are Boost.Multiprecision, Microsoft GSL and range-v3: no file, text
/// format or third-party io library is involved.

#include "ku/core/controlled_rounding.hpp"
#include "ku/core/decimal_text.hpp"
#include "ku/core/error.hpp"
#include "ku/core/funding.hpp"
#include "ku/core/kommun.hpp"
#include "ku/core/money.hpp"
#include "ku/core/partnerskap.hpp"
#include "ku/core/period.hpp"
#include "ku/core/population.hpp"
#include "ku/core/rate.hpp"
#include "ku/core/ratio.hpp"
#include "ku/core/rounding.hpp"

#include "ku/allocation/allocation.hpp"
#include "ku/allocation/apportion.hpp"
#include "ku/allocation/fee_audit.hpp"
#include "ku/allocation/method.hpp"
#include "ku/allocation/overhead.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"
#include "ku/allocation/weight.hpp"

#include "ku/audit/error_localisation.hpp"

#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/display_rounding.hpp"
#include "ku/ledger/ledger.hpp"
#include "ku/ledger/reorganisation.hpp"

#include "ku/indicators/price_level.hpp"
#include "ku/indicators/applications.hpp"
#include "ku/indicators/rates.hpp"
#include "ku/indicators/staffing.hpp"
#include "ku/indicators/staffing_audit.hpp"

#include "ku/report/period_dataset.hpp"
#include "ku/report/period_report.hpp"

#include "ku/shares/financing.hpp"
#include "ku/shares/percent.hpp"
#include "ku/shares/share_audit.hpp"

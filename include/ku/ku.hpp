#pragma once
/// @file
/// Umbrella header: everything in the ku library (core value types, allocation, io).

/// @mainpage ku: exact financing for Kommunal utveckling
/// Every public type and function of the headers under `include/ku`, all in namespace ku.
/// Start with ku::money, ku::allocate(), ku::build_proposal(), ku::ledger and ku::financing_shares();
/// `#include <ku/ku.hpp>` brings in everything. Guides: docs/user-guide.md, docs/rounding.md.

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
#include "ku/allocation/method.hpp"
#include "ku/allocation/weight.hpp"
#include "ku/allocation/overhead.hpp"
#include "ku/allocation/proposal.hpp"
#include "ku/allocation/scenario.hpp"

#include "ku/io/allocation_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/json_io.hpp"
#include "ku/io/markdown.hpp"
#include "ku/io/report.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/io/xlsx.hpp"

#include "ku/io/balance_io.hpp"
#include "ku/ledger/audit.hpp"
#include "ku/ledger/balance.hpp"
#include "ku/ledger/ledger.hpp"
#include "ku/ledger/reorganisation.hpp"

#include "ku/indicators/price_level.hpp"
#include "ku/indicators/rates.hpp"
#include "ku/indicators/staffing.hpp"

#include "ku/shares/financing.hpp"
#include "ku/shares/percent.hpp"
#include "ku/shares/share_audit.hpp"

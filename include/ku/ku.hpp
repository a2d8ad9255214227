#pragma once
/// @file
/// Umbrella header: everything in the ku library, the header-only domain (ku/core.hpp) and
/// the io layer (files, CSV, JSON, TOML specs, reports, .xlsx), which needs the compiled ku::io.

/// @mainpage ku: exact financing for Kommunal utveckling
/// Every public type and function of the headers under `include/ku`, all in namespace ku.
/// Start with ku::money, ku::allocate(), ku::build_proposal(), ku::ledger and ku::financing_shares();
/// `#include <ku/core.hpp>` brings in the domain (CMake target ku::core, header-only) and
/// `#include <ku/ku.hpp>` everything (ku::ku). Guides: docs/user-guide.md, docs/design.md.

#include "ku/core.hpp"

#include "ku/io/allocation_io.hpp"
#include "ku/io/applications_io.hpp"
#include "ku/io/balance_io.hpp"
#include "ku/io/csv.hpp"
#include "ku/io/dataset_io.hpp"
#include "ku/io/json_io.hpp"
#include "ku/io/output_file.hpp"
#include "ku/io/price_io.hpp"
#include "ku/io/render.hpp"
#include "ku/io/shares_io.hpp"
#include "ku/io/staffing_io.hpp"
#include "ku/io/sheet.hpp"
#include "ku/io/tables.hpp"
#include "ku/io/xlsx.hpp"

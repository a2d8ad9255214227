# --format markdown, csv-sv and xlsx and --output FILE on every command that prints a table
# (included from CMakeLists.txt, which defines ku_cli_test, ${ku}, ${data} and ${bad}).
# No regex may hold '|' or ';': a Markdown pipe or a CSV semicolon is matched by '.'.
set(shares ${PROJECT_SOURCE_DIR}/tests/data/shares)
set(ledger ${PROJECT_SOURCE_DIR}/tests/data/ledger)
set(scenarios ${PROJECT_SOURCE_DIR}/data/scenarios)
# The UTF-8 byte order mark (U+FEFF) that starts a Swedish CSV file, written literally here.
set(bom "﻿")

# Markdown and the Swedish CSV convention, printed.
ku_cli_test("the 2025 proposal as Swedish CSV has Värnamo's 845154 kr between semicolons" EXIT 0
  STDOUT "^${bom}code.kommun.Grundfinansiering Social välfärd.*\n0683.Värnamo.845154.84515.26832."
  COMMAND proposal ${data}/proposal_2025.toml --format csv-sv)
ku_cli_test("the 2025 proposal as Markdown is an aligned pipe table with a Summa of 27 902 191" EXIT 0
  STDOUT "^## FÖRSLAG finansiering Kommunal Utveckling 2025 \\(kr\\)\n\n. Kod  . Kommun    . Grundfinansiering Social välfärd .*\n. 0683 . Värnamo   . +845 154 . +84 515 .*\n. +. Summa +.[^\n]* 27 902 191 .\n"
  COMMAND proposal ${data}/proposal_2025.toml --format markdown)
ku_cli_test("allocate as Swedish CSV writes the quota with a decimal comma" EXIT 0
  STDOUT "^${bom}code.kommun.weight.quota.amount.adjustment\n0604.Aneby.6842.28846,0727.28846.0\n"
  COMMAND allocate --total "100 000" --weights ${data}/population_keys.csv --column key_a --members 0604,0617,0642 --format csv-sv)
ku_cli_test("allocate as Markdown ends with Summa, Totalt and a Differens of -1 kr for round-each" EXIT 0
  STDOUT "\n. +. Summa +. +. +. +2 702 753 . +[0-9-]+ .\n. +. Totalt +. +. +. +2 702 752 . +.\n. +. Differens . +. +. +-1 . +.\n"
  COMMAND allocate --total "2 702 752" --weights ${data}/population_keys.csv --column key_b --method round-each --format markdown)
ku_cli_test("the comparison with the published table as Markdown lists 25 differences" EXIT 1
  STDOUT "^## Jämförelse med den publicerade tabellen: 25 skillnader\n.*\n. Cell +. 0683 . Värnamo +. Medlemsavgift Kommunal utveckling +. +845 153 . +845 154 . +1 .\n"
  COMMAND proposal ${data}/proposal_2025.toml --compare ${data}/financing_proposal_2025.csv --format markdown)
ku_cli_test("the comparison as Swedish CSV writes whole kronor as the proposal does" EXIT 1
  STDOUT "\ncell.0683.Värnamo.Medlemsavgift Kommunal utveckling.845153.845154\n"
  COMMAND proposal ${data}/proposal_2025.toml --compare ${data}/financing_proposal_2025.csv --format csv-sv)
ku_cli_test("a balance audit as Markdown shows the table, the sums of its rows and the finding" EXIT 1
  STDOUT "^## Balanstabell: [^\n]*bokslut_2023_ledning_gross_summa\\.csv \\(tkr\\)\n.*. Summa enligt raderna .[^\n]* 96 975 .*## Granskning av [^\n]*: 3 avvikelser\n.*. Summan stämmer ej . Summa +. erhållna medel +. +96 975 . +98 705 . +1 730 ."
  COMMAND audit balance ${ledger}/bokslut_2023_ledning_gross_summa.csv --format markdown)
ku_cli_test("a balance audit as CSV lists the findings in the table's unit" EXIT 1
  STDOUT "^kind,area,column,expected_tkr,found_tkr,difference_tkr,classification,note\ntotal_mismatch,Summa,erhallna_medel,96975,98705,1730,fault,"
  COMMAND audit balance ${ledger}/bokslut_2023_ledning_gross_summa.csv --format csv)
ku_cli_test("shares as Swedish CSV is the table audit shares reads, with decimal commas" EXIT 0
  STDOUT "^${bom}omrade.grupp.andel_av_utfall.kommunerna.staten.ovriga\nLedning och stab..7,8.100,0.0,0.0,0\n"
  COMMAND shares ${shares}/funding_2023.csv --decimals 1 --format csv-sv)
ku_cli_test("shares as Markdown shows the outcome, the percents and each row's 100 %" EXIT 0
  STDOUT "\n. Summa +. +. summa +. +54 000 000 . +100 % . +42 % . +43 % . +15 % . +100 % .\n"
  COMMAND shares ${shares}/funding_2023.csv --format markdown)
ku_cli_test("a share audit as Markdown shows the published table and the finding" EXIT 1
  STDOUT "## Publicerad andelstabell: .*. Familjehemsresurs . +. +2 % . +54 % . +56 % . +. +110 % .*Raden summerar inte till 100 . Familjehemsresurs . summa +. +100 % . +110 % . +10 % ."
  COMMAND audit shares ${shares}/published_row_110.csv --format markdown)
ku_cli_test("a share audit as CSV lists the finding in percent points" EXIT 1
  STDOUT "^kind,area,column,expected,found,difference,classification,note\nrow_sum_mismatch,Familjehemsresurs,summa,100,110,10,fault,"
  COMMAND audit shares ${shares}/published_row_110.csv --format csv)
ku_cli_test("a scenario as Markdown shows the deltas per kommun and fee" EXIT 0
  STDOUT "^## Konsekvensbeskrivning: [^\n]*\n\n. Kod  . Kommun +. Grundfinansiering ledning och stab .*\n. 0604 . Aneby +. +32 790 ."
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml --format markdown)
ku_cli_test("a scenario as Swedish CSV writes whole kronor as the proposal does" EXIT 0
  STDOUT "^${bom}code.kommun.Grundfinansiering ledning och stab.Medlemsavgift Kommunal utveckling.Summa\n0604.Aneby.32790.0.32790\n"
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml --format csv-sv)

# Bad output options.
# (On a terminal, --format xlsx without --output is refused: tests/cli/terminal_width.py.)
ku_cli_test("--format xlsx into a pipe writes the workbook, a zip file, to standard output" EXIT 0
  STDOUT "^PK"
  COMMAND proposal ${data}/proposal_2025.toml --format xlsx)
ku_cli_test("--format xlsx with --output - writes the workbook to standard output for audit shares too" EXIT 1
  STDOUT "^PK"
  COMMAND audit shares ${shares}/published_row_110.csv --format xlsx --output -)
ku_cli_test("--json with --format is refused by the command line" EXIT 2 STDOUT_EMPTY
  COMMAND shares ${shares}/funding_2023.csv --json --format csv)
ku_cli_test("an unknown format is refused by the command line" EXIT 2 STDOUT_EMPTY
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml --format ods)
ku_cli_test("--output into a missing folder is bad input naming the file" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: cannot write [^\n]*no_such_folder/p\\.md: No such file or directory"
  COMMAND proposal ${data}/proposal_2025.toml --format markdown --output ${CMAKE_CURRENT_BINARY_DIR}/no_such_folder/p.md)

# Workbooks written by ku and read back with openpyxl (Debian's python3-openpyxl); each case
# writes into its own folder under the build tree. See check_xlsx.py for what each checks.
if(EXISTS /usr/bin/python3)
  set(check_xlsx /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/check_xlsx.py
      ${ku} ${data} ${PROJECT_SOURCE_DIR}/tests/data ${CMAKE_CURRENT_BINARY_DIR}/xlsx_work)
  foreach(case_and_name IN ITEMS
      "proposal=the 2025 proposal workbook: Värnamo 845154, Summa formulas adding to 27902191, a bar chart"
      "allocate=an allocation workbook: numbers equal the CSV, Summa and Differens formulas"
      "scenario=a scenario workbook: each delta a formula Alternativ − Bas, sums as formulas"
      "shares=a percent-table workbook: percents as numbers, each row's sources summing to 100"
      "audit_balance=a balance-audit workbook: the sums of the rows as formulas, the finding's 1730 tkr"
      "audit_shares=a share-audit workbook: the 110 % row and its finding of 10 points"
      "compare=a comparison workbook: 25 differences, Värnamo's 1 kr as a formula"
      "text_output=--output writes exactly what would be printed, in a new file's mode"
      "no_partial_output=a failing command with --output leaves no file, and an old file as it was")
    string(REPLACE "=" ";" parts "${case_and_name}")
    list(GET parts 0 case)
    list(GET parts 1 name)
    add_test(NAME "cli: xlsx ${name}" COMMAND ${check_xlsx} ${case})
    set_tests_properties("cli: xlsx ${name}" PROPERTIES LABELS cli PASS_REGULAR_EXPRESSION "check_xlsx ${case}: ok")
  endforeach()
else()
  message(STATUS "/usr/bin/python3 not found: the .xlsx read-back tests are left out")
endif()

# JSON read back: --compare takes the JSON `--format json` writes, with no differences.
ku_cli_test("the 2025 proposal is written as JSON to a file and nothing is printed" EXIT 0 STDOUT_EMPTY
  COMMAND proposal ${data}/proposal_2025.toml --format json --output ${CMAKE_CURRENT_BINARY_DIR}/proposal_2025_written.json)
set_tests_properties("cli: the 2025 proposal is written as JSON to a file and nothing is printed"
  PROPERTIES FIXTURES_SETUP proposal_json)
ku_cli_test("--compare reads the proposal's own JSON back and finds no difference" EXIT 0
  STDOUT "^Jämförelse med den publicerade tabellen: 0 skillnader\n\nInga skillnader: den publicerade tabellen stämmer med beräkningen\\.\n$"
  COMMAND proposal ${data}/proposal_2025.toml --compare ${CMAKE_CURRENT_BINARY_DIR}/proposal_2025_written.json)
set_tests_properties("cli: --compare reads the proposal's own JSON back and finds no difference"
  PROPERTIES FIXTURES_REQUIRED proposal_json)
ku_cli_test("--compare with a JSON amount written as a number is bad input naming file and field" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*proposal_total_as_number\\.json: /fees/0/total: an amount is a decimal string \\(\"1583550\\.00\"\\), found number"
  COMMAND proposal ${data}/proposal_2025.toml --compare ${bad}/proposal_total_as_number.json)
ku_cli_test("--compare with a JSON file that is not there is bad input naming it" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: cannot open [^\n]*no_such_proposal\\.json"
  COMMAND proposal ${data}/proposal_2025.toml --compare ${bad}/no_such_proposal.json)

# Text that fits the terminal (COLUMNS, a pseudo-terminal's width, 80), --output - and a workbook
# refused on a terminal: terminal_width.py.
if(EXISTS /usr/bin/python3)
  add_test(NAME "cli: tables fit the terminal's width"
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/terminal_width.py $<TARGET_FILE:ku_cli> ${data})
  set_tests_properties("cli: tables fit the terminal's width" PROPERTIES LABELS cli
    PASS_REGULAR_EXPRESSION "terminal_width: ok")
endif()

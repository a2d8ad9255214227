# The readers, run as a user would (issue #15): Swedish exports read as they are, a key that
# must cover its fee's members, no silent acceptance, and errors naming file, line, column and
# value (included from CMakeLists.txt, which defines ku_cli_test, ${ku}, ${data} and ${bad}).
# No regex may hold '|' or ';': ';' in the output is matched by '.'.
set(shares ${PROJECT_SOURCE_DIR}/tests/data/shares)

# Swedish exports as they are.
ku_cli_test("a Swedish Excel export of kommun names and Invånare splits a total like population_keys.csv" EXIT 0
  STDOUT "\n0680  Jönköping +146 197 [^\n]*\n.*\n +Summa +100 000 "
  COMMAND allocate --total "100 000" --weights ${bad}/kommuner_excel_export.csv --column Invånare)
ku_cli_test("the Excel export's Invånare is found when asked for as befolkning" EXIT 0
  STDOUT "\n0604  Aneby +6 842 "
  COMMAND allocate --total "100 000" --weights ${bad}/kommuner_excel_export.csv --column befolkning)
ku_cli_test("--members takes kommun names as well as codes" EXIT 0
  STDOUT "\n0604  Aneby +6 842 [^\n]*\n0680  Jönköping +146 197 [^\n]*\n(─)+\n +Summa +100 000 "
  COMMAND allocate --total "100 000" --weights ${data}/population_keys.csv --column key_a --members "Aneby,Jönköpings kommun")
ku_cli_test("a balance table with the headings ku prints is audited as clean" EXIT 0
  STDOUT "Granskning av [^\n]*bokslut_printed_headings\\.csv: inga avvikelser\\.\n$"
  COMMAND audit balance ${bad}/bokslut_printed_headings.csv)
ku_cli_test("a balance table headed in tkr read in kr is bad input naming the column and the unit" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*bokslut_printed_headings\\.csv:1: the column \"Ingående balans \\(tkr\\)\" is in tkr but the table is read in kr \\(give the unit: --unit tkr\\)\n"
  COMMAND audit balance ${bad}/bokslut_printed_headings.csv --unit kr)

# A key must cover its members.
ku_cli_test("a key file lacking Habo is bad input for a fee with no member list, naming fee, file and kommun" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*key_without_habo\\.toml:7:1 \\(fees\\[1\\]\\): fee \"Barnahus\" is split by key A, but [^\n]*/tests/cli/bad/key_without_habo\\.csv \\(column pop\\) has no weight for kommun Habo \\(0643\\). a fee splits among every kommun unless it names its members: give it members = \\[\\.\\.\\.\\] or members_except = \\[\"0643\"\\], or add it to the key file\n"
  COMMAND proposal ${bad}/key_without_habo.toml)
ku_cli_test("a fee over the key's twelve kommuner that says so shows Habo as not taking part" EXIT 0
  STDOUT "\n0643  Habo +– +[0-9 ]+\n.*\n +Summa +3 168 492 +9 000 000 +12 168 492\n.*– deltar inte\\."
  COMMAND proposal ${bad}/key_without_habo_members_except.toml)

# Silent acceptance, no more.
ku_cli_test("a fraction beside a total is bad input naming the field" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*fraction_beside_total\\.toml:8:12 \\(fees\\[1\\]\\.fraction\\): fraction is read only with fraction_of. this fee has its own total\n"
  COMMAND proposal ${bad}/fraction_beside_total.toml)
ku_cli_test("a balance table with only its header is bad input, not a clean audit" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*bokslut_header_only\\.csv: the balance table has a header but no rows. there is nothing to audit\n"
  COMMAND audit balance ${bad}/bokslut_header_only.csv)
ku_cli_test("a percent table with only its header is bad input, not a clean audit" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*andelar_header_only\\.csv: the percent table has a header but no rows. there is nothing to audit\n"
  COMMAND audit shares ${bad}/andelar_header_only.csv)

# Messages that name file, line, column and value.
ku_cli_test("a key file that cannot be opened is named by its full path and the reason" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: cannot open /[^\n]*/tests/cli/bad/no_such_population_keys\\.csv: No such file or directory\n"
  COMMAND proposal ${bad}/missing_key_file.toml)
ku_cli_test("a total beyond the money range in a spec names the file and the field" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*total_overflow\\.toml:7:9 \\(fees\\[1\\]\\.total\\): 9000000000000000000 kr is beyond the money range"
  COMMAND proposal ${bad}/total_overflow.toml)
ku_cli_test("an area twice in a funding table names the file and both lines" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*funding_duplicate_area\\.csv:[0-9]+:omrade: area \"[^\"]+\" appears twice \\(first on line [0-9]+\\)\n"
  COMMAND shares ${shares}/funding_duplicate_area.csv)
ku_cli_test("a long value is shown as its first 40 characters and its length" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: cannot read \"1111111111111111111111111111111111111111…\" \\(121 characters\\) \\([^\n]*long_weight\\.csv:2:pop\\)"
  COMMAND allocate --total 100 --weights ${bad}/long_weight.csv --column pop)
ku_cli_test("an unclosed quote is reported at the line and column where its field begins" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*unclosed_quote\\.csv:3:6: malformed CSV: the quote that opens field 2 at column 6 is never closed\n"
  COMMAND allocate --total 100 --weights ${bad}/unclosed_quote.csv --column pop)
ku_cli_test("a UTF-16 file is named as UTF-16 with how to save it as UTF-8" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*population_utf16\\.csv: the file is UTF-16. save it as UTF-8 \\(CSV UTF-8 in Excel\\)\n"
  COMMAND allocate --total 100 --weights ${bad}/population_utf16.csv --column pop)

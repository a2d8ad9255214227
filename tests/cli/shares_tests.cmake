# ku shares, ku audit shares and ku scenario, run as a user would (included from CMakeLists.txt,
# which defines ku_cli_test, ${data} and ${bad}). No regex may hold '|' or ';'.
set(shares ${PROJECT_SOURCE_DIR}/tests/data/shares)
set(scenarios ${PROJECT_SOURCE_DIR}/data/scenarios)

# ku shares
ku_cli_test("shares prints each area, the group under varav and Summa, each row summing to 100 %" EXIT 0
  STDOUT "\nLedning och stab +område +4 200 000 +8 % +100 % +0 % +0 % +100 %\nSocial välfärd och hälso- och sjukvård +område +29 500 000 +55 % +40 % +53 % +7 % +100 %\nUtbildning +område +6 300 000 +12 % +81 % +0 % +19 % +100 %\nNära vård +projektverksamhet +område +1 700 000 +3 % +0 % +100 % +0 % +100 %\nFörstärkt samverkan +projektverksamhet +område +9 800 000 +18 % +10 % +60 % +30 % +100 %\nESF Digitalisering +projektverksamhet +område +2 500 000 +4 % +20 % +0 % +80 % +100 %\nprojektverksamhet +grupp +14 000 000 +25 % +11 % +54 % +35 % +100 %\n(─)+\nSumma +summa +54 000 000 +100 % +42 % +43 % +15 % +100 %\n\nVarje rad summerar till exakt 100 % \\(största rest\\)"
  COMMAND shares ${shares}/funding_2023.csv)
ku_cli_test("shares as JSON lists the rows with exact decimal strings and a Summa row" EXIT 0
  STDOUT "^{\n  \"rows\": \\[\n    {\n      \"omrade\": \"Ledning och stab\",\n      \"grupp\": null,\n      \"rad_typ\": \"omrade\",\n      \"andel_av_utfall\": \"8\",\n      \"kommunerna\": \"100\",\n      \"staten\": \"0\",\n      \"ovriga\": \"0\"\n    },.*\"omrade\": \"Nära vård\",\n      \"grupp\": \"projektverksamhet\",.*\"omrade\": \"projektverksamhet\",\n      \"grupp\": null,\n      \"rad_typ\": \"grupp\",\n      \"andel_av_utfall\": \"25\",.*\"omrade\": \"Summa\",\n      \"grupp\": null,\n      \"rad_typ\": \"summa\",\n      \"andel_av_utfall\": \"100\",\n      \"kommunerna\": \"42\",\n      \"staten\": \"43\",\n      \"ovriga\": \"15\"\n    }\n  \\]\n}\n$"
  COMMAND shares ${shares}/funding_2023.csv --json)
ku_cli_test("shares with one decimal: Summa is 41,8 + 43,2 + 15,0 percent" EXIT 0
  STDOUT "\"omrade\": \"Social välfärd och hälso- och sjukvård\",\n      \"grupp\": null,\n      \"rad_typ\": \"omrade\",\n      \"andel_av_utfall\": \"54\\.6\",\n      \"kommunerna\": \"40\\.0\",\n      \"staten\": \"53\\.3\",\n      \"ovriga\": \"6\\.7\".*\"andel_av_utfall\": \"100\\.0\",\n      \"kommunerna\": \"41\\.8\",\n      \"staten\": \"43\\.2\",\n      \"ovriga\": \"15\\.0\"\n"
  COMMAND shares ${shares}/funding_2023.csv --decimals 1 --json)
ku_cli_test("shares with two decimals as text writes a decimal comma" EXIT 0
  STDOUT "\nSumma +summa +54 000 000 +100,00 % +41,82 % +43,17 % +15,01 % +100,00 %\n"
  COMMAND shares ${shares}/funding_2023.csv --decimals 2)
ku_cli_test("shares of amounts in tkr are the shares of the same amounts in kr" EXIT 0
  STDOUT "\nprojektverksamhet +grupp +14 000 000 +25 % +11 % +54 % +35 % +100 %\n(─)+\nSumma +summa +54 000 000 +100 % +42 % +43 % +15 % +100 %\n"
  COMMAND shares ${shares}/funding_2023_tkr.csv --unit tkr)

ku_cli_test("shares with an unknown source column is bad input naming the file and the column" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*funding_unknown_source\\.csv:1: unknown source column \"regionen\""
  COMMAND shares ${shares}/funding_unknown_source.csv)
ku_cli_test("shares with a malformed amount is bad input naming file, line and column" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: cannot read \"35 OOO\" \\([^)]*funding_bad_amount\\.csv:5:staten\\)"
  COMMAND shares ${shares}/funding_bad_amount.csv)
ku_cli_test("shares with an area that spent money nobody brought is bad input naming the area" EXIT 2 STDOUT_EMPTY
  STDERR "area \"Miljösamverkan\" has an outcome of 1 234 567 kr but no funding"
  COMMAND shares ${shares}/funding_no_funding.csv)
ku_cli_test("shares with no outcome at all is bad input" EXIT 2 STDOUT_EMPTY
  STDERR "the total outcome is zero"
  COMMAND shares ${shares}/funding_zero_outcome.csv)
ku_cli_test("shares with an area listed twice is bad input naming it" EXIT 2 STDOUT_EMPTY
  STDERR "\"Barnahus\" appears twice"
  COMMAND shares ${shares}/funding_duplicate_area.csv)
ku_cli_test("shares with seven decimals is refused by the command line" EXIT 2 STDOUT_EMPTY
  COMMAND shares ${shares}/funding_2023.csv --decimals 7)
ku_cli_test("shares in mnkr is refused by the command line" EXIT 2 STDOUT_EMPTY
  COMMAND shares ${shares}/funding_2023.csv --unit mnkr)
ku_cli_test("shares of a missing file is bad input" EXIT 2 STDOUT_EMPTY
  STDERR "no_such_funding\\.csv"
  COMMAND shares ${shares}/no_such_funding.csv)

# ku audit shares
ku_cli_test("auditing the table ku shares prints finds no faults and exits 0" EXIT 0
  STDOUT "\n\nGranskning av [^\n]*published_clean\\.csv: inga avvikelser\\.\n$"
  COMMAND audit shares ${shares}/published_clean.csv)
ku_cli_test("auditing a share table prints the table first, Familjehemsresurs's sources summing to 110 %" EXIT 1
  STDOUT "^Publicerad andelstabell: [^\n]*published_row_110\\.csv\n\n[^\n]*\nOmråde +Grupp +[^\n]*Kommunerna +Staten +Övriga +[^\n]*\n(─)+\n.*\nFamiljehemsresurs +2 % +54 % +56 % +110 %\n.*\nSumma +100 % +61 % +25 % +14 % +100 %\n.*\nGranskning av [^\n]*: 1 avvikelse\n"
  COMMAND audit shares ${shares}/published_row_110.csv)
ku_cli_test("auditing a consistent table as JSON lists no findings" EXIT 0
  STDOUT "^{\n  \"findings\": \\[\\]\n}\n$"
  COMMAND audit shares ${shares}/published_clean.csv --json)
ku_cli_test("a table written with percent signs is read in percent and is clean" EXIT 0
  STDOUT "inga avvikelser"
  COMMAND audit shares ${shares}/published_percent_signs.csv)
ku_cli_test("a row of 54 % + 56 % exits 1 and names the row" EXIT 1
  STDOUT ": 1 avvikelse\n.*\nRaden summerar inte till 100 +Familjehemsresurs +summa +100 % +110 % +10 % +fel +tolerans ±1 procentenhet \\(2 avrundade celler\\)\n"
  COMMAND audit shares ${shares}/published_row_110.csv)
ku_cli_test("a row of 54 % + 56 % as JSON is a row_sum_mismatch of 10 percent points" EXIT 1
  STDOUT "^{\n  \"findings\": \\[\n    {\n      \"kind\": \"row_sum_mismatch\",\n      \"area\": \"Familjehemsresurs\",\n      \"column\": \"summa\",\n      \"expected\": \"100\",\n      \"found\": \"110\",\n      \"difference\": \"10\",\n      \"classification\": \"fault\",\n      \"note\": \"tolerans ±1 procentenhet \\(2 avrundade celler\\)\"\n    }\n  \\]\n}\n$"
  COMMAND audit shares ${shares}/published_row_110.csv --json)
ku_cli_test("a Summa averaging the rows instead of weighting them by outcome exits 1" EXIT 1
  STDOUT ": 2 avvikelser\n.*\nSumman följer inte av raderna +Summa +kommunerna +90 % +50 % +-40 % +[^\n]*viktat med andel av utfall\nSumman följer inte av raderna +Summa +staten +10 % +50 % +40 % "
  COMMAND audit shares ${shares}/published_summa_averaged.csv)
ku_cli_test("a malformed percent is bad input naming file, line and column" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: cannot read \"1OO\" \\([^)]*published_bad_cell\\.csv:3:staten\\)"
  COMMAND audit shares ${shares}/published_bad_cell.csv)
ku_cli_test("a funding table is not a percent table: bad input naming the missing column" EXIT 2 STDOUT_EMPTY
  STDERR "funding_2023\\.csv: no column \"andel_av_utfall\""
  COMMAND audit shares ${shares}/funding_2023.csv)

# ku scenario
ku_cli_test("raising ledning och stab from 1 730 to 3 500 tkr costs 1 770 000 kr, Jönköping 700 650 kr" EXIT 0
  STDOUT "^Konsekvensbeskrivning: Scenario B: grundfinansiering ledning 3 500 tkr jämfört med Scenario A: grundfinansiering ledning 1 730 tkr \\(skillnad, kr\\)\n.*\n0604  Aneby +32 790 +0 +32 790\n.*\n0680  Jönköping +700 650 +0 +700 650\n.*\n +Summa +1 770 000 +0 +1 770 000\n"
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml)
ku_cli_test("the scenario the other way round lowers every invoice: -1 770 000 kr" EXIT 0
  STDOUT "\n +Summa +-1 770 000 +0 +-1 770 000\n"
  COMMAND scenario ${scenarios}/ledning_3500.toml ${scenarios}/ledning_1730.toml)
ku_cli_test("the scenario delta as CSV has a row per kommun and a Summa row of 1770000 kr" EXIT 0
  STDOUT "^code,kommun,Grundfinansiering ledning och stab,Medlemsavgift Kommunal utveckling,Summa\n0604,Aneby,32790,0,32790\n.*\n0680,Jönköping,700650,0,700650\n.*\n,Summa,1770000,0,1770000\n$"
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml --format csv)
ku_cli_test("the scenario delta as JSON holds base, alternative and delta per cell as exact decimals" EXIT 0
  STDOUT "^{\n  \"base\": \"Scenario A: [^\n]*\n  \"alternative\": \"Scenario B: .*\"code\": \"0680\",\n      \"name\": \"Jönköping\",\n      \"fees\": {\n        \"Grundfinansiering ledning och stab\": {\n          \"base\": \"684815\\.00\",\n          \"alternative\": \"1385465\\.00\",\n          \"delta\": \"700650\\.00\"\n        },.*\n  \"total_delta\": \"1770000\\.00\"\n}\n$"
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml --format json)
ku_cli_test("a scenario against a missing spec is bad input" EXIT 2 STDOUT_EMPTY
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/no_such_scenario.toml)
ku_cli_test("a malformed scenario spec is bad input naming the spec and the field" EXIT 2 STDOUT_EMPTY
  STDERR "float_total\\.toml:[0-9]+:[0-9]+ \\(fees\\[1\\]\\.total\\)"
  COMMAND scenario ${scenarios}/ledning_1730.toml ${bad}/float_total.toml)
ku_cli_test("a scenario format other than table, csv or json is refused by the command line" EXIT 2 STDOUT_EMPTY
  COMMAND scenario ${scenarios}/ledning_1730.toml ${scenarios}/ledning_3500.toml --format xml)

# A Swedish spreadsheet export: ';', thousands separated by U+00A0, CRLF, Windows-1252. The
# separator and the encoding are detected, or given with --separator and --encoding.
set(excel ${shares}/funding_2023_excel_windows1252.csv)
ku_cli_test("a Windows-1252 export with ; and no-break spaces gives the shares of its UTF-8 original" EXIT 0
  STDOUT "\nFörstärkt samverkan +projektverksamhet +område +9 800 000 +18 % +10 % +60 % +30 % +100 %\n.*\nSumma +summa +54 000 000 +100 % +42 % +43 % +15 % +100 %\n"
  COMMAND shares ${excel})
ku_cli_test("the export read with the encoding and separator given is the same" EXIT 0
  STDOUT "\nFörstärkt samverkan +projektverksamhet +område +9 800 000 +18 % +10 % +60 % +30 % +100 %\n.*\nSumma +summa +54 000 000 +100 % +42 % +43 % +15 % +100 %\n"
  COMMAND shares ${excel} --encoding windows-1252 --separator semicolon)
ku_cli_test("the export read as UTF-8 is bad input naming the file and line" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: [^\n]*funding_2023_excel_windows1252\\.csv:2: the file is not valid UTF-8"
  COMMAND shares ${excel} --encoding utf-8)
ku_cli_test("an unknown encoding is bad input naming --encoding" EXIT 2 STDOUT_EMPTY
  STDERR "ku: error: unknown encoding \"latin9\" \\(--encoding\\): expected utf-8 or windows-1252"
  COMMAND shares ${excel} --encoding latin9)
ku_cli_test("the export read with the wrong separator says the separator may be wrong" EXIT 2 STDOUT_EMPTY
  STDERR "no column \"omrade\" \\(the only column is \"omrade.grupp.utfall.kommunerna.staten.ovriga\": is the separator right\\?\\)"
  COMMAND shares ${excel} --separator ,)

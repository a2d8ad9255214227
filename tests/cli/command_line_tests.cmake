# The command line itself: --version, mistyped commands, an empty --members, --output - and
# --output onto what is not a regular file (an empty --members, which CMake cannot pass, is the
# golden case allocate-error-empty-member-list) (included from CMakeLists.txt, which defines
# ku_cli_test, ${ku}, ${data} and ${bad}). Narrow terminals: terminal_width.py.

ku_cli_test("--version prints ku's version" EXIT 0
  STDOUT "^ku 0\\.1\\.0\n$"
  COMMAND --version)
ku_cli_test("a mistyped command is named, with the list of commands" EXIT 2 STDOUT_EMPTY
  STDERR "^ku: error: unknown command \"propsal\" after ku. the commands are: allocate, proposal, audit, shares, scenario, overhead, prices, staffing, indicators, management, report \\(ku --help\\)\n$"
  COMMAND propsal ${data}/proposal_2025.toml)
ku_cli_test("a mistyped audit is named, with the list of audits" EXIT 2 STDOUT_EMPTY
  STDERR "^ku: error: unknown command \"balanc\" after ku audit. the commands are: balance, shares, staffing, indicators, fees \\(ku audit --help\\)\n$"
  COMMAND audit balanc ${data}/bokslut_2023.csv)
ku_cli_test("--output - writes to standard output" EXIT 0
  STDOUT "^code,kommun,Grundfinansiering Social välfärd,[^\n]*\n0604,Aneby,166730,"
  COMMAND proposal ${data}/proposal_2025.toml --format csv --output -)
ku_cli_test("--output onto a folder is refused and names the folder" EXIT 2 STDOUT_EMPTY
  STDERR "^ku: error: cannot write [^\n]*/data: it is a folder. ku replaces only a regular file\n$"
  COMMAND proposal ${data}/proposal_2025.toml --format csv --output ${data})
ku_cli_test("--output onto a character device is refused" EXIT 2 STDOUT_EMPTY
  STDERR "^ku: error: cannot write /dev/null: it is a character device. ku replaces only a regular file\n$"
  COMMAND proposal ${data}/proposal_2025.toml --format csv --output /dev/null)

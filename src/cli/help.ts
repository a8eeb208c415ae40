import { VERSION } from '../version.js';
export { VERSION };

export const HELP = `gangyao — compare local 全民科学素质 implementation plans with the national outline and with each other

Usage:
  gangyao analyze <file...> [--format text|json] [--out FILE] [--template ID|FILE]
      Read each plan (.txt in UTF-8/UTF-16/GB18030, or a saved .json model) and report its region,
      period, headline target, actions and projects with their measures, indicators and diagnostics.

  --template: a built-in template (national-2021, earlier-2016), a template JSON file, or a plan
      (a provincial 实施方案) to align the plans with instead of the template chosen for each.

Inputs: files, glob patterns ("plans/**/*.txt"), or - for standard input.
Options:
  -f, --format    output format (default: text)
  -o, --out FILE  write the result to FILE instead of standard output
  -h, --help      this help
  -V, --version   the version
Exit codes: 0 ok · 1 a plan has an error diagnostic · 2 usage error
`;

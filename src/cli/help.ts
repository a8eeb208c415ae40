import { VERSION } from '../version.js';
export { VERSION };

export const HELP = `gangyao — compare local 全民科学素质 implementation plans with the national outline and with each other

Usage:
  gangyao analyze <file...> [--format text|json] [--out FILE] [--template ID|FILE] [--cache DIR]
      Read each plan (.txt in UTF-8/UTF-16/GB18030, or a saved .json model) and report its region,
      period, headline target, actions and projects with their measures, indicators and diagnostics.

  gangyao compare <file...> [--format text|json|csv|md|html] [--table coverage|targets] [--out FILE] [--template ID|FILE]
                  [--diff SOURCE#SECTION[,SOURCE#SECTION]] [--no-parent-compare] [--cache DIR]
      Compare the plans: targets ranked against the nation, the parent and the peers (statistics,
      z-scores), the plans × template-items coverage matrix, comparable indicators (科技小院 …), lead
      units per item, parent chains from basis citations, and how much of each section is restated
      from the template or another plan. --diff shows two sections side by side (a section is named
      by index, template id or title; without the second, the most similar section in the batch).

  gangyao report <file...> [--format html|md|csv|json] [--out FILE] [--title T] [--no-compare] [--no-details] [--cache DIR]
      The report people read: one self-contained HTML page (heatmap of plans × template items, target
      chart against the national line, per plan what is missing, extra, and the evidence), Markdown,
      or CSV (UTF-8 with BOM for Excel: one row per plan × template item; --table targets with compare).

  gangyao template [ID|FILE] [--format text|json]
      List the built-in templates, print one (as JSON to copy and correct), validate a template JSON,
      or derive a template from a plan (a provincial 实施方案 for its cities).

  --template: a built-in template (national-2021, earlier-2016), a template JSON file, or a plan
      (a provincial 实施方案) to align the plans with instead of the template chosen for each.

Inputs: files, directories (every .txt, .docx, .html and .htm file under them), glob patterns
("plans/**/*.txt"; ** is any number of folders), or - for standard input.
Options:
  -f, --format    output format (default: text)
  -o, --out FILE  write the result to FILE instead of standard output
  --threads N     worker threads for a batch (default: one per core and per 600 files, 1,200 for compare and report, at most 4)
  --cache DIR     keep what was made of each plan (and each comparison with a parent plan) in DIR
                  and, on the next run, read again only the plans whose bytes or name changed, and
                  after a template changed analyse every plan without parsing it again (same output)
  -h, --help      this help
  -V, --version   the version
Exit codes: 0 ok · 1 a plan has an error diagnostic · 2 usage error ·
  74 standard output cannot be written · 141 the reader of the output stopped early (… | head)
`;

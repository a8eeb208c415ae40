import { isHanUnit } from './han.js';
import { DOC_NUMBER_TAIL, ISSUER_LEAD } from './patterns.js';
import { execAll } from './exec-all.js';

export interface DocNumberHit {
  /** Start of the issuer (after leading words such as 根据 were cut). */
  start: number;
  end: number;
  issuer: string;
  /** Normalised to 〔〕: 国发〔2021〕9号. */
  docNumber: string;
}

/** Issuers are short (国发, 甘纲要办发, 皖政办秘); a longer run keeps its last characters. */
const MAX_ISSUER = 8;

/** Characters an issuer run is read over, at most. */
const MAX_RUN = 16;

/** Document numbers in [start, end) of `text`, in order, with the issuer cut from the words before it. */
export function findDocNumbers(text: string, start: number, end: number): DocNumberHit[] {
  const out: DocNumberHit[] = [];
  for (const m of execAll(DOC_NUMBER_TAIL, text.slice(start, end))) {
    const g = m.groups!;
    const bracket = start + m.index;
    let runStart = bracket;
    while (runStart > start && bracket - runStart < MAX_RUN && isHanUnit(text.charCodeAt(runStart - 1))) runStart--;
    let issuer = text.slice(runStart, bracket).replace(ISSUER_LEAD, '');
    if (issuer.length > MAX_ISSUER) issuer = issuer.slice(-MAX_ISSUER);
    if (issuer.length === 0) continue;
    out.push({ start: bracket - issuer.length, end: bracket + m[0].length, issuer, docNumber: `${issuer}〔${g['year']}〕${Number(g['num'])}号` });
  }
  return out;
}

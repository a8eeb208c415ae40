import { stripPinyin } from './strip-pinyin.js';
import { simplifyIfTraditional } from './to-simplified.js';

export { detectMojibake, type MojibakeKind, type MojibakeRun } from './detect-mojibake.js';
export { pinyinKind, stripPinyin } from './strip-pinyin.js';
export { looksTraditional, simplify, simplifyIfTraditional, toSimplified, traditionalShare } from './to-simplified.js';

/**
 * The passes every real-world input should be read with: traditional → simplified when the text is
 * traditional, then inserted pinyin removed. Both leave a plain simplified plan unchanged.
 *
 * @example
 * import { normalizeText } from '../normalize-text.js';
 * normalizeText('科學(kē xué)素質', { passes: REAL_WORLD_PASSES }).mt.text; // '科学素质'
 */
export const REAL_WORLD_PASSES = [simplifyIfTraditional, stripPinyin] as const;

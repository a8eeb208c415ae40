/**
 * `read`, remembering its answer for the last text it was given: the extractors read one text in a row
 * (extractTargets and extractIndicators the target figures, extractPeriod and extractTargets the
 * deadlines), so each reading is made once per text.
 */
export function forLastText<T>(read: (text: string) => T): (text: string) => T {
  let last: { text: string; value: T } | null = null;
  return (text) => {
    if (last?.text === text) {
      // The same text as another string compares unit by unit: kept as this one, the next look is at once.
      last.text = text;
      return last.value;
    }
    const value = read(text);
    last = { text, value };
    return value;
  };
}

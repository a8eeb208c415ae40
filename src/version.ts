/** The library's version, reported in every report it writes. */
export const VERSION = '0.1.0';

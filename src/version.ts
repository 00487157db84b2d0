/** The scoresheet version stamped into every scorecard's provenance (kept equal to package.json by a test). */
export const SCORESHEET_VERSION = '0.3.0';

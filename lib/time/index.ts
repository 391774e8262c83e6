/**
 * The calendar module: every conversion between wall-clock time and instants, and every way the
 * console writes a time, goes through here (decision 0016). Pure functions on date-fns v4 and
 * @date-fns/tz, safe in server and client components.
 */
export * from "./format";
export * from "./relative";
export * from "./wall-clock";
export * from "./zones";
export * from "./offset-runs";
export * from "./iso-week";

export * from "./enums";
export * from "./staff-users";
export * from "./merchants";
export * from "./merchant-steps";
export * from "./merchant-events";
export * from "./audit-log";

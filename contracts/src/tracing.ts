// Filled in by the tracing work (issue 3).
export {};

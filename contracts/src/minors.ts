// Filled in by the minors work (issue 3).
export {};

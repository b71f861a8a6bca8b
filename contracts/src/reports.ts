// Filled in by the reports work (issue 3).
export {};

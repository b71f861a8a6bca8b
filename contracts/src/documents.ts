// Filled in by the documents work (issue 3).
export {};

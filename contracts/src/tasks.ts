// Filled in by the tasks work (issue 3).
export {};

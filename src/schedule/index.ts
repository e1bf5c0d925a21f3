// The schedule engine's public face: days, timeline phrases, occurrences and statuses, with no I/O and no clock.
export * from './day.js';
export * from './phrase.js';
export * from './schedule.js';
export * from './status.js';
export * from './records.js';

/**
 * Month and weekday names in English (the C locale of `date`, the US locale of Java's
 * `SimpleDateFormat`), indexed as `Date.getUTCMonth()` and `Date.getUTCDay()` count.
 */
export const monthNames: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export const dayNames: readonly string[] = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

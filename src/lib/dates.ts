/**
 * Calendar dates in and out of the API. A date is stored as midnight UTC of its day, and every
 * step here uses the UTC fields of `Date`, so neither the host's time zone nor its locale can
 * move a date to another day.
 */

const MONTH_NAMES = [
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
] as const;

const MONTH_BY_LOWERCASE_NAME = new Map(
  MONTH_NAMES.map((name, index) => [name.toLowerCase(), index + 1]),
);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// RFC 3339 date-time: seconds required, optional fraction, and `Z` or a `±hh:mm` offset.
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

const LONG_DATE = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

function isRealDay({ year, month, day }: CalendarDay): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function isRealTime(hour: number, minute: number, second: number): boolean {
  // A second of 60 is a leap second, which RFC 3339 allows.
  return hour <= 23 && minute <= 59 && second <= 60;
}

function isRealOffset(hours: number, minutes: number): boolean {
  return hours <= 23 && minutes <= 59;
}

function toUtcMidnight({ year, month, day }: CalendarDay): Date {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map the years 0 to 99 onto 1900 to 1999.
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

function parseIsoDate(text: string): CalendarDay | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) {
    return undefined;
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function parseIsoDateTime(text: string): CalendarDay | undefined {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) {
    return undefined;
  }

  const [hour, minute, second] = [match[4], match[5], match[6]].map(Number) as [
    number,
    number,
    number,
  ];
  const [offsetHours, offsetMinutes] = [match[7] ?? '0', match[8] ?? '0'].map(Number) as [
    number,
    number,
  ];
  if (!isRealTime(hour, minute, second) || !isRealOffset(offsetHours, offsetMinutes)) {
    return undefined;
  }
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function parseLongDate(text: string): CalendarDay | undefined {
  const match = LONG_DATE.exec(text);
  const month = match && MONTH_BY_LOWERCASE_NAME.get(match[1]!.toLowerCase());
  if (!match || !month) {
    return undefined;
  }
  return { year: Number(match[3]), month, day: Number(match[2]) };
}

/**
 * Parses a calendar date written as `2000-09-01`, as an RFC 3339 date-time such as
 * `2000-09-01T10:30:00+02:00`, or as `September 1, 2000` (month name in any letter case).
 * A date-time keeps the day written in it, whatever its offset: `2000-09-01T23:00:00-05:00` is
 * September 1. Returns midnight UTC of that day, or undefined for any other text and for days
 * that do not exist, such as `2021-02-30`.
 */
export function parseDate(text: string): Date | undefined {
  const day = parseIsoDate(text) ?? parseIsoDateTime(text) ?? parseLongDate(text);
  return day && isRealDay(day) ? toUtcMidnight(day) : undefined;
}

/**
 * Formats the UTC day of a date as `September 1, 2000`: English month name, day without zero
 * padding, and a four-digit year so that `parseDate` reads the result back.
 */
export function formatDate(date: Date): string {
  const month = MONTH_NAMES[date.getUTCMonth()];
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  return `${month} ${date.getUTCDate()}, ${year}`;
}

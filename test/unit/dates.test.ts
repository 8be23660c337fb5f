import { execFileSync } from 'node:child_process';
import { expect } from 'chai';
import fc from 'fast-check';

import { formatDate, parseDate } from '../../src/lib/dates.js';

const TIME_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
];

function utcMidnight(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Runs a module snippet in a new Node process whose TZ is set before anything reads it. */
function runInTimeZone(timeZone: string, source: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
    env: { ...process.env, TZ: timeZone, LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    encoding: 'utf8',
  });
}

describe('parseDate', () => {
  const validCases: [string, Date][] = [
    ['2000-09-01', utcMidnight(2000, 9, 1)],
    ['2024-02-29', utcMidnight(2024, 2, 29)],
    ['2000-09-01T00:00:00Z', utcMidnight(2000, 9, 1)],
    ['2000-09-01T23:59:59.999z', utcMidnight(2000, 9, 1)],
    ['2000-09-01T23:30:00-05:00', utcMidnight(2000, 9, 1)],
    ['2000-09-01T00:30:00+14:00', utcMidnight(2000, 9, 1)],
    ['2016-12-31T23:59:60Z', utcMidnight(2016, 12, 31)],
    ['September 1, 2000', utcMidnight(2000, 9, 1)],
    ['september 01, 2000', utcMidnight(2000, 9, 1)],
    ['FEBRUARY 29, 2000', utcMidnight(2000, 2, 29)],
    ['0050-01-01', utcMidnight(50, 1, 1)],
  ];

  for (const [text, expected] of validCases) {
    it(`reads ${text}`, () => {
      const date = parseDate(text);

      expect(date?.toISOString()).to.equal(expected.toISOString());
    });
  }

  const invalidCases = [
    ['an impossible day', '2021-02-30'],
    ['February 29 of a common year', '1900-02-29'],
    ['month 13', '2000-13-01'],
    ['day 0', '2000-01-00'],
    ['year 0', '0000-01-01'],
    ['a bare number', '946684800000'],
    ['a bare year', '2000'],
    ['an empty string', ''],
    ['a blank string', '  '],
    ['an ambiguous slashed date', '02/03/2004'],
    ['a dotted date', '02.03.2004'],
    ['a date without zero padding', '2000-9-1'],
    ['surrounding spaces', ' 2000-09-01 '],
    ['a date-time without offset', '2000-09-01T10:00:00'],
    ['a date-time without seconds', '2000-09-01T10:00Z'],
    ['hour 24', '2000-09-01T24:00:00Z'],
    ['an offset of 24 hours', '2000-09-01T10:00:00+24:00'],
    ['an offset without colon', '2000-09-01T10:00:00+0200'],
    ['an unknown month name', 'Septober 1, 2000'],
    ['an abbreviated month', 'Sep 1, 2000'],
    ['the long form of an impossible day', 'April 31, 2000'],
    ['the long form without comma', 'September 1 2000'],
    ['the day before the month', '1 September 2000'],
  ];

  for (const [name, text] of invalidCases) {
    it(`rejects ${name}`, () => {
      expect(parseDate(text!)).to.equal(undefined);
    });
  }

  it('reads back every date that formatDate writes', () => {
    const days = fc.date({
      min: utcMidnight(1, 1, 1),
      max: utcMidnight(9999, 12, 31),
      noInvalidDate: true,
    });

    fc.assert(
      fc.property(days, (date) => {
        const midnight = utcMidnight(
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
        );
        expect(parseDate(formatDate(midnight))?.toISOString()).to.equal(midnight.toISOString());
      }),
    );
  });
});

describe('formatDate', () => {
  it('writes the English month name and an unpadded day', () => {
    expect(formatDate(utcMidnight(2000, 9, 1))).to.equal('September 1, 2000');
  });

  it('writes the UTC day of a date with a time of day', () => {
    const lateEvening = new Date('2000-09-01T23:59:59.999Z');

    expect(formatDate(lateEvening)).to.equal('September 1, 2000');
  });

  it('pads a year before 1000 to four digits', () => {
    expect(formatDate(utcMidnight(50, 1, 1))).to.equal('January 1, 0050');
  });
});

describe('dates under other host time zones', () => {
  const source = `
    import { formatDate, parseDate } from './src/lib/dates.ts';
    const texts = ['2000-09-01', '2000-09-01T23:30:00-05:00', 'December 31, 1999', '2024-02-29'];
    const results = texts.map((text) => [text, parseDate(text).toISOString(), formatDate(parseDate(text))]);
    process.stdout.write(JSON.stringify(results));
  `;
  const expected = [
    ['2000-09-01', '2000-09-01T00:00:00.000Z', 'September 1, 2000'],
    ['2000-09-01T23:30:00-05:00', '2000-09-01T00:00:00.000Z', 'September 1, 2000'],
    ['December 31, 1999', '1999-12-31T00:00:00.000Z', 'December 31, 1999'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z', 'February 29, 2024'],
  ];

  for (const timeZone of TIME_ZONES) {
    it(`parses and formats the same days with TZ=${timeZone}`, function () {
      this.timeout(20_000);

      const output = runInTimeZone(timeZone, source);

      expect(JSON.parse(output)).to.deep.equal(expected);
    });
  }

  it('runs the child process in the time zone it was given', function () {
    this.timeout(20_000);

    const offset = runInTimeZone(
      'Asia/Tokyo',
      'process.stdout.write(String(new Date(0).getTimezoneOffset()))',
    );

    expect(offset).to.equal('-540');
  });
});

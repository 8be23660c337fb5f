/**
 * Builders of realistic jobs, applicants and experience timelines, shaped like the Mongoose models'
 * stored fields. The seed script and the tests share them, so dummy data and test data obey the
 * same schema. Each builder takes a Faker instance: one from createSeededFaker() makes the output
 * reproducible, and the default (faker's shared instance) gives fresh data on every run.
 */
import { Faker, base, en, faker as sharedFaker } from '@faker-js/faker';
import { Types } from 'mongoose';

import type { ApplicantStatus } from '../src/applicants/status.js';
import type { ExperienceCategory } from '../src/experiences/category.js';
import {
  DEGREES_BY_LEVEL,
  EMAIL_DOMAINS,
  EMPLOYERS,
  JOB_BENEFITS,
  JOB_LOCATIONS,
  JOB_ROLES,
  RESPONSIBILITIES,
  SENIORITY_LEVELS,
  STATUS_WEIGHTS,
  STUDY_FIELDS,
  UNIVERSITIES,
  WORK_ACHIEVEMENTS,
} from './vocabulary.js';

export interface JobFields {
  title: string;
  location: string;
  description: string;
}

export interface ApplicantFields {
  job: Types.ObjectId;
  firstName: string;
  lastName: string;
  email: string;
  status: ApplicantStatus;
}

export interface ExperienceFields {
  applicant: Types.ObjectId;
  category: ExperienceCategory;
  start: Date;
  /** null for an ongoing experience. */
  end: Date | null;
  institution: string;
  description: string;
}

export type ApplicantOverrides = Partial<ApplicantFields> & Pick<ApplicantFields, 'job'>;
export type ExperienceOverrides = Partial<ExperienceFields> & Pick<ExperienceFields, 'applicant'>;

/**
 * The "now" of seeded data: every generated date lies before it, so the same seed number gives
 * the same data whatever day the script runs.
 */
export const SEED_REFERENCE_DATE = new Date('2025-01-01T00:00:00.000Z');

/** Creates an English Faker whose random values and dates depend on `seed` alone. */
export function createSeededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base], seed });
  faker.setDefaultRefDate(SEED_REFERENCE_DATE);
  return faker;
}

// A few institutions are much more popular than the rest (weights 1, 1/2, 1/3, ...), as in real
// applicant pools, so one of them is usually the clear most common institution of a job.
function popularityWeighted<T extends string>(names: readonly T[]) {
  return names.map((value, rank) => ({ weight: 1 / (rank + 1), value }));
}

const WEIGHTED_UNIVERSITIES = popularityWeighted(UNIVERSITIES);
const WEIGHTED_EMPLOYERS = popularityWeighted(EMPLOYERS);

export function buildJob(
  overrides: Partial<JobFields> = {},
  faker: Faker = sharedFaker,
): JobFields {
  const seniority = faker.helpers.weightedArrayElement([...SENIORITY_LEVELS]);
  const role = faker.helpers.arrayElement(JOB_ROLES);
  const title = overrides.title ?? `${seniority} ${role}`.trim();
  const location = overrides.location ?? faker.helpers.arrayElement(JOB_LOCATIONS);
  return {
    title,
    location,
    description: overrides.description ?? buildJobDescription(title, location, faker),
  };
}

function buildJobDescription(title: string, location: string, faker: Faker): string {
  const [firstDuty, secondDuty] = faker.helpers.arrayElements(RESPONSIBILITIES, 2);
  const place = location.startsWith('Remote') ? 'remotely' : `from ${location}`;
  return (
    `We are hiring a ${title} to work ${place}. ` +
    `You will ${firstDuty}, and ${secondDuty}. ` +
    faker.helpers.arrayElement(JOB_BENEFITS)
  );
}

/**
 * Builds an applicant for `overrides.job`, with an email made from the name and `emailTag`.
 * A tag that no other applicant of the job has makes the email unique, so the seed script passes
 * a running number. Without a tag, six random digits make collisions unlikely but possible.
 */
export function buildApplicant(
  overrides: ApplicantOverrides,
  faker: Faker = sharedFaker,
  emailTag?: string | number,
): ApplicantFields {
  const firstName = overrides.firstName ?? faker.person.firstName();
  const lastName = overrides.lastName ?? faker.person.lastName();
  const tag = emailTag ?? faker.string.numeric(6);
  return {
    job: overrides.job,
    firstName,
    lastName,
    email: overrides.email ?? buildEmail(firstName, lastName, tag, faker),
    status: overrides.status ?? faker.helpers.weightedArrayElement([...STATUS_WEIGHTS]),
  };
}

/** Builds `first.last<tag>@example.xxx` in lowercase ASCII, dropping accents and punctuation. */
export function buildEmail(
  firstName: string,
  lastName: string,
  tag: string | number,
  faker: Faker = sharedFaker,
): string {
  const name = [firstName, lastName].map(toEmailWord).filter(Boolean).join('.') || 'applicant';
  return `${name}${tag}@${faker.helpers.arrayElement(EMAIL_DOMAINS)}`;
}

function toEmailWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * Builds one finished experience that lasted six months to four and a half years and ended
 * within the year before the reference date. Its category is Work unless overridden.
 */
export function buildExperience(
  overrides: ExperienceOverrides,
  faker: Faker = sharedFaker,
): ExperienceFields {
  const category = overrides.category ?? 'Work';
  const end = faker.date.past({ years: 1 });
  const start = faker.date.past({ years: 4, refDate: monthsBefore(end, 6) });
  const isWork = category === 'Work';
  return {
    applicant: overrides.applicant,
    category,
    start: overrides.start ?? start,
    end: overrides.end === undefined ? end : overrides.end,
    institution:
      overrides.institution ??
      faker.helpers.weightedArrayElement(isWork ? WEIGHTED_EMPLOYERS : WEIGHTED_UNIVERSITIES),
    description:
      overrides.description ?? (isWork ? describeWork(faker) : describeEducation(0, faker)),
  };
}

function monthsBefore(date: Date, months: number): Date {
  const earlier = new Date(date);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}

/** A period counted in whole months since year 0, so month arithmetic stays exact. */
interface Period {
  category: ExperienceCategory;
  startMonth: number;
  endMonth: number;
  institution: string;
  description: string;
}

/**
 * Builds `count` experiences of one applicant, oldest first, all before the faker's reference
 * date: Education first, then Work that starts no earlier than the last Education ended.
 * Work periods mostly follow each other, and about one in ten overlaps the previous one. The
 * last experience is ongoing (end null) in about one timeline in three.
 */
export function buildExperienceTimeline(
  applicant: Types.ObjectId,
  count: number,
  faker: Faker = sharedFaker,
): ExperienceFields[] {
  if (count <= 0) {
    return [];
  }

  const educationCount = chooseEducationCount(count, faker);
  const education = buildEducationPeriods(educationCount, faker);
  const afterEducation = education.at(-1)?.endMonth ?? 0;
  const work = buildWorkPeriods(count - educationCount, afterEducation, faker);
  const periods = [...education, ...work];

  const ongoing = faker.datatype.boolean(0.35);
  const shift = chooseShift(periods, ongoing, faker);
  return periods.map((period, index) => ({
    applicant,
    category: period.category,
    start: monthToDate(period.startMonth + shift),
    end: ongoing && index === periods.length - 1 ? null : monthToDate(period.endMonth + shift),
    institution: period.institution,
    description: period.description,
  }));
}

function chooseEducationCount(count: number, faker: Faker): number {
  if (count === 1) {
    return faker.datatype.boolean(0.25) ? 1 : 0;
  }
  const drawnCount = faker.helpers.weightedArrayElement([
    { weight: 6, value: 1 },
    { weight: 3, value: 2 },
    { weight: 1, value: 3 },
  ]);
  return Math.min(drawnCount, count - 1);
}

// Lengths in months of a first degree, a second degree and a doctorate.
const DEGREE_MONTHS = [
  { min: 36, max: 48 },
  { min: 12, max: 24 },
  { min: 36, max: 60 },
] as const;

function buildEducationPeriods(count: number, faker: Faker): Period[] {
  const periods: Period[] = [];
  let month = 0;
  for (let level = 0; level < count; level += 1) {
    const startMonth = month + faker.number.int({ min: 0, max: 3 });
    const endMonth = startMonth + faker.number.int(DEGREE_MONTHS[level] ?? DEGREE_MONTHS[1]);
    periods.push({
      category: 'Education',
      startMonth,
      endMonth,
      institution: faker.helpers.weightedArrayElement(WEIGHTED_UNIVERSITIES),
      description: describeEducation(level, faker),
    });
    month = endMonth;
  }
  return periods;
}

function describeEducation(level: number, faker: Faker): string {
  const degrees = DEGREES_BY_LEVEL[Math.min(level, DEGREES_BY_LEVEL.length - 1)] ?? ['MSc'];
  return `${faker.helpers.arrayElement(degrees)} in ${faker.helpers.arrayElement(STUDY_FIELDS)}`;
}

// Work periods last from MIN_WORK_MONTHS up to a maximum that shrinks with the number of jobs,
// so a long timeline still spans a plausible career of about 25 years.
const MIN_WORK_MONTHS = 4;
const CAREER_MONTHS = 300;

function buildWorkPeriods(count: number, firstMonth: number, faker: Faker): Period[] {
  const maxMonths = Math.min(60, Math.max(6, Math.floor(CAREER_MONTHS / Math.max(count, 1))));
  const periods: Period[] = [];
  let startMonth = firstMonth + faker.number.int({ min: 0, max: 6 });
  for (let index = 0; index < count; index += 1) {
    const endMonth = startMonth + faker.number.int({ min: MIN_WORK_MONTHS, max: maxMonths });
    periods.push({
      category: 'Work',
      startMonth,
      endMonth,
      institution: faker.helpers.weightedArrayElement(WEIGHTED_EMPLOYERS),
      description: describeWork(faker),
    });
    startMonth = endMonth + chooseGapMonths(faker);
  }
  return periods;
}

// Usually the next job starts in the month the last one ended. Sometimes it starts after a break
// of up to half a year, or up to three months before the last one ended. Every period lasts at
// least MIN_WORK_MONTHS, so an overlapping period still starts after the one before it.
function chooseGapMonths(faker: Faker): number {
  const kind = faker.helpers.weightedArrayElement([
    { weight: 8, value: 'consecutive' },
    { weight: 1, value: 'break' },
    { weight: 1, value: 'overlap' },
  ] as const);
  if (kind === 'break') {
    return faker.number.int({ min: 1, max: 6 });
  }
  if (kind === 'overlap') {
    return -faker.number.int({ min: 1, max: MIN_WORK_MONTHS - 1 });
  }
  return 0;
}

function describeWork(faker: Faker): string {
  const role = faker.helpers.arrayElement(JOB_ROLES);
  const achievement = faker.helpers.arrayElement(WORK_ACHIEVEMENTS);
  return `${role}. ${achievement.charAt(0).toUpperCase()}${achievement.slice(1)}.`;
}

// Moves the timeline so that its latest end falls before the reference month: one month before
// it when the last experience is ongoing, and up to a year before it otherwise.
function chooseShift(periods: Period[], ongoing: boolean, faker: Faker): number {
  const reference = faker.defaultRefDate();
  const referenceMonth = reference.getUTCFullYear() * 12 + reference.getUTCMonth();
  const latestEnd = Math.max(...periods.map((period) => period.endMonth));
  const monthsBeforeReference = ongoing ? 1 : faker.number.int({ min: 1, max: 12 });
  return referenceMonth - monthsBeforeReference - latestEnd;
}

function monthToDate(month: number): Date {
  return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1));
}

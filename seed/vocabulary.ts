import type { ApplicantStatus } from '../src/applicants/status.js';

/**
 * Word lists for the dummy data. Every company and university name is made up, and the lists are
 * short on purpose: applicants then share institutions, so a job's most common institution is a
 * real majority rather than a tie between one-off names.
 */

export const JOB_ROLES = [
  'Backend Engineer',
  'Frontend Engineer',
  'Full-Stack Developer',
  'Data Analyst',
  'Data Engineer',
  'DevOps Engineer',
  'Product Manager',
  'Product Designer',
  'QA Engineer',
  'Site Reliability Engineer',
  'Technical Writer',
  'Customer Success Manager',
  'Sales Development Representative',
  'Financial Analyst',
  'Recruiter',
] as const;

export const SENIORITY_LEVELS = [
  { weight: 4, value: '' },
  { weight: 2, value: 'Junior' },
  { weight: 3, value: 'Senior' },
  { weight: 1, value: 'Lead' },
] as const;

export const JOB_LOCATIONS = [
  'Berlin, Germany',
  'Lisbon, Portugal',
  'Amsterdam, Netherlands',
  'London, United Kingdom',
  'Dublin, Ireland',
  'Warsaw, Poland',
  'Toronto, Canada',
  'Austin, Texas, United States',
  'New York, New York, United States',
  'Sydney, Australia',
  'Remote (Europe)',
  'Remote (worldwide)',
] as const;

export const RESPONSIBILITIES = [
  'design, build and run services that thousands of customers rely on every day',
  'turn customer feedback into clear plans and ship them in small steps',
  'keep our releases, monitoring and on-call rotation healthy',
  'write the reports and dashboards that leadership uses to decide',
  'review code, mentor colleagues and improve how the team works',
  'work with sales and support to understand what customers need',
] as const;

export const JOB_BENEFITS = [
  'We offer flexible hours, 28 days of paid leave and a yearly learning budget.',
  'The role comes with a hybrid schedule, a pension plan and private health insurance.',
  'You get a four-day onboarding programme, a home-office allowance and parental leave.',
  'We pay a competitive salary with equity, and the team meets in person every quarter.',
] as const;

export const UNIVERSITIES = [
  'Northbridge University',
  'University of Westmere',
  'Lakeside Institute of Technology',
  'Carrow College',
  'Eastfield Polytechnic',
  'Royal Harbour University',
  'Silverton School of Economics',
  'Danemoor University',
] as const;

export const EMPLOYERS = [
  'Brightline Software',
  'Harbor Analytics',
  'Copperfield Bank',
  'Greenway Energy',
  'Pinecrest Health',
  'Bluewave Media',
  'Summit Retail Group',
  'Ironbark Consulting',
  'Foxglove Logistics',
  'Tidewater Insurance',
  'Kestrel Games',
  'Mapleleaf Telecom',
  'Orchard Foods',
  'Quarry Lane Studios',
  'Redwood Cloud Services',
] as const;

export const DEGREES_BY_LEVEL = [['BSc', 'BA', 'BEng'], ['MSc', 'MA', 'MBA'], ['PhD']] as const;

export const STUDY_FIELDS = [
  'Computer Science',
  'Economics',
  'Mathematics',
  'Information Systems',
  'Business Administration',
  'Physics',
  'Psychology',
  'Statistics',
  'Industrial Design',
  'English Literature',
] as const;

export const WORK_ACHIEVEMENTS = [
  'built and ran the billing service',
  'moved the main product to a new cloud provider',
  'led a team of four through two major releases',
  'cut page load times by half',
  'set up automated testing for the mobile apps',
  'ran weekly customer interviews and planned the roadmap',
  'kept the data warehouse and its nightly jobs running',
  'answered support escalations and wrote the help centre',
  'introduced code review and on-call practices',
  'prepared monthly forecasts for the finance team',
] as const;

// The applicant statuses in rough proportion to a real hiring pipeline: most applicants are still
// under review or were rejected, and few reach an offer.
export const STATUS_WEIGHTS = [
  { weight: 35, value: 'Under review' },
  { weight: 30, value: 'Rejected' },
  { weight: 10, value: 'Offer pending' },
  { weight: 5, value: 'Offer rejected' },
  { weight: 8, value: 'Offer accepted – yet to start' },
  { weight: 12, value: 'Started' },
] as const satisfies ReadonlyArray<{ weight: number; value: ApplicantStatus }>;

// Reserved for documentation by RFC 2606, so no generated address can reach a real mailbox.
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

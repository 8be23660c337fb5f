import { expect } from 'chai';
import fc from 'fast-check';

import { applicantSchemas, APPLICANT_FIELD_NAMES } from '../../src/applicants/applicant.schemas.js';
import { APPLICANT_STATUSES } from '../../src/applicants/status.js';
import { ValidationError } from '../../src/lib/errors.js';
import { canonicalizeKeys, defineFieldNames } from '../../src/lib/input/fields.js';
import { validateInput } from '../../src/lib/input/validate.js';

const FIELD_NAMES = defineFieldNames({ Title: 'title', Job: 'job', Job_id: 'job' });

function validationErrorOf(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    expect(error).to.be.instanceOf(ValidationError);
    return error as ValidationError;
  }
  expect.fail('expected a ValidationError');
}

describe('canonicalizeKeys', () => {
  it('maps every letter case of a key to its internal key', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (upper) => {
        const key = [...'title']
          .map((letter, i) => (upper[i] ? letter.toUpperCase() : letter))
          .join('');

        const input = canonicalizeKeys({ [key]: 'Engineer' }, FIELD_NAMES);

        expect(input.errors).to.deep.equal([]);
        expect(input.values.title).to.equal('Engineer');
        expect(input.requestKeys.get('title')).to.equal(key);
      }),
    );
  });

  it('maps an alias to the same internal key', () => {
    const input = canonicalizeKeys({ job_ID: 'x' }, FIELD_NAMES);

    expect(input.values.job).to.equal('x');
  });

  it('returns values in an object without a prototype', () => {
    const input = canonicalizeKeys({ Title: 'x' }, FIELD_NAMES);

    expect(Object.getPrototypeOf(input.values)).to.equal(null);
  });

  it('rejects reserved, operator and unknown keys by name', () => {
    const source = JSON.parse(
      '{"__proto__": {"polluted": true}, "constructor": 1, "prototype": 1, "$where": "1", "_id": 1, "__v": 0, "salary": 1}',
    );

    const input = canonicalizeKeys(source, FIELD_NAMES);

    const fields = input.errors.map((error) => error.field);
    expect(fields).to.deep.equal([
      '__proto__',
      'constructor',
      'prototype',
      '$where',
      '_id',
      '__v',
      'salary',
    ]);
    expect(Object.keys(input.values)).to.deep.equal([]);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('rejects a field given under two spellings', () => {
    const input = canonicalizeKeys({ Job: 'a', job_id: 'b' }, FIELD_NAMES);

    expect(input.errors).to.have.length(1);
    expect(input.errors[0]!.field).to.equal('job_id');
    expect(input.errors[0]!.message).to.include('Job');
  });

  it('lists the known fields in the message for an unknown key', () => {
    const input = canonicalizeKeys({ colour: 'red' }, FIELD_NAMES);

    expect(input.errors[0]!.message).to.equal(
      'colour is not a known field. Known fields: Title, Job, Job_id.',
    );
  });
});

describe('validateInput', () => {
  const validApplicant = {
    Job: '64b7f0c2a1b2c3d4e5f60718',
    First_name: 'Ada',
    Last_name: 'Lovelace',
    Email: 'ada@example.com',
  };

  it('names an invalid field by the key the request used', () => {
    const withoutEmail: Record<string, string> = { ...validApplicant };
    delete withoutEmail.Email;

    const error = validationErrorOf(() =>
      validateInput(
        applicantSchemas.createApplicant,
        { ...withoutEmail, email: 'nope' },
        APPLICANT_FIELD_NAMES,
      ),
    );

    expect(error.errors).to.deep.equal([
      { field: 'email', message: 'Email must be a valid email address.' },
    ]);
  });

  it('names a missing field by its documented name', () => {
    const withoutEmail: Record<string, string> = { ...validApplicant };
    delete withoutEmail.Email;

    const error = validationErrorOf(() =>
      validateInput(applicantSchemas.createApplicant, withoutEmail, APPLICANT_FIELD_NAMES),
    );

    expect(error.errors).to.deep.equal([{ field: 'Email', message: 'Email is required.' }]);
  });

  it('reports key errors and value errors together', () => {
    const error = validationErrorOf(() =>
      validateInput(
        applicantSchemas.createApplicant,
        { ...validApplicant, Status: 'hired', $set: 1 },
        APPLICANT_FIELD_NAMES,
      ),
    );

    expect(error.errors.map((item) => item.field)).to.deep.equal(['$set', 'Status']);
  });

  it('trims and lower-cases the email', () => {
    const fields = validateInput(
      applicantSchemas.createApplicant,
      { ...validApplicant, Email: '  Ada.Lovelace@Example.COM ' },
      APPLICANT_FIELD_NAMES,
    );

    expect(fields.email).to.equal('ada.lovelace@example.com');
  });
});

describe('applicant status spellings', () => {
  const accepted: [string, string][] = [
    ['Under review', 'Under review'],
    ['under review', 'Under review'],
    ['UNDER   REVIEW', 'Under review'],
    ['  rejected ', 'Rejected'],
    ['offer PENDING', 'Offer pending'],
    ['Offer Rejected', 'Offer rejected'],
    ['Offer accepted – yet to start', 'Offer accepted – yet to start'],
    ['offer accepted - yet to start', 'Offer accepted – yet to start'],
    ['Offer accepted — yet to start', 'Offer accepted – yet to start'],
    ['Offer accepted \u2212 yet to start', 'Offer accepted – yet to start'],
    ['offer accepted-yet to start', 'Offer accepted – yet to start'],
    ['Offer  accepted   –   yet  to  start', 'Offer accepted – yet to start'],
    ['started', 'Started'],
  ];

  for (const [text, canonical] of accepted) {
    it(`reads "${text}" as "${canonical}"`, () => {
      const fields = validateInput(
        applicantSchemas.updateApplicant,
        { Status: text },
        APPLICANT_FIELD_NAMES,
      );

      expect(fields.status).to.equal(canonical);
    });
  }

  const rejected: unknown[] = [
    'Hired',
    '',
    'Under_review',
    'Offer accepted yet to start',
    'Offer accepted – yet to start!',
    3,
    null,
    ['Started'],
  ];

  for (const value of rejected) {
    it(`rejects ${JSON.stringify(value)} and lists the six statuses`, () => {
      const error = validationErrorOf(() =>
        validateInput(applicantSchemas.updateApplicant, { Status: value }, APPLICANT_FIELD_NAMES),
      );

      expect(error.errors).to.have.length(1);
      expect(error.errors[0]!.field).to.equal('Status');
      for (const status of APPLICANT_STATUSES) {
        expect(error.errors[0]!.message).to.include(`"${status}"`);
      }
    });
  }
});

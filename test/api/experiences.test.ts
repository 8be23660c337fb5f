import { expect } from 'chai';
import { Types } from 'mongoose';

import { ApplicantModel } from '../../src/applicants/applicant.model.js';
import { ExperienceModel } from '../../src/experiences/experience.model.js';
import { JobModel } from '../../src/jobs/job.model.js';
import { clearDatabase } from '../support/database.js';
import { api } from '../support/http.js';

const NEW_EXPERIENCE = {
  Category: 'Work',
  Start: '2000-09-01',
  End: '2004-06-30',
  Institution: 'Analytical Engines Ltd',
  Description: 'Wrote the first programs.',
};

async function insertApplicant(email = 'ada@example.com') {
  const job = await JobModel.create({
    title: 'Engineer',
    location: 'London',
    description: 'Builds.',
  });
  return ApplicantModel.create({ job: job._id, firstName: 'Ada', lastName: 'Lovelace', email });
}

async function storedExperiences() {
  return ExperienceModel.find().sort({ createdAt: 1, _id: 1 }).lean();
}

function fieldsOf(response: { body: { errors?: { field: string }[] } }): string[] {
  return (response.body.errors ?? []).map((error) => error.field);
}

describe('POST /api/experience/:id', () => {
  beforeEach(clearDatabase);

  it('answers 201 with the applicant as Location', async () => {
    const applicant = await insertApplicant();

    const response = await api().post(`/api/experience/${applicant.id}/`).send(NEW_EXPERIENCE);

    expect(response.status).to.equal(201);
    expect(response.text).to.equal('');
    expect(response.headers['content-length']).to.equal('0');
    expect(response.headers.location).to.equal(`/api/applicant/${applicant.id}/`);
    const [stored] = await storedExperiences();
    expect(stored?.applicant.toHexString()).to.equal(applicant.id);
    expect(stored).to.include({
      category: 'Work',
      institution: 'Analytical Engines Ltd',
      description: 'Wrote the first programs.',
    });
    expect(stored?.start.toISOString()).to.equal('2000-09-01T00:00:00.000Z');
    expect(stored?.end?.toISOString()).to.equal('2004-06-30T00:00:00.000Z');
  });

  it('answers the same without the trailing slash', async () => {
    const applicant = await insertApplicant();

    const response = await api().post(`/api/experience/${applicant.id}`).send(NEW_EXPERIENCE);

    expect(response.status).to.equal(201);
    expect(response.headers.location).to.equal(`/api/applicant/${applicant.id}/`);
    expect(await ExperienceModel.countDocuments()).to.equal(1);
  });

  it('shows the new experience in the applicant at the location', async () => {
    const applicant = await insertApplicant();

    const created = await api().post(`/api/experience/${applicant.id}`).send(NEW_EXPERIENCE);
    const fetched = await api().get(created.headers.location!);

    expect(fetched.body.Experiences).to.have.length(1);
    expect(fetched.body.Experiences[0]).to.deep.include({
      Category: 'Work',
      Start: 'September 1, 2000',
      End: 'June 30, 2004',
      Institution: 'Analytical Engines Ltd',
      Description: 'Wrote the first programs.',
    });
  });

  it('accepts field names and the category in any letter case', async () => {
    const applicant = await insertApplicant();
    const body = {
      category: 'EDUCATION',
      START: '2000-09-01',
      end: null,
      institution: 'University',
      description: '',
    };

    const response = await api().post(`/api/experience/${applicant.id}`).send(body);

    expect(response.status).to.equal(201);
    const [stored] = await storedExperiences();
    expect(stored).to.include({ category: 'Education', end: null });
  });

  it('stores an absent End as ongoing', async () => {
    const applicant = await insertApplicant();
    const ongoing: Record<string, string> = { ...NEW_EXPERIENCE };
    delete ongoing.End;

    await api().post(`/api/experience/${applicant.id}`).send(ongoing);

    const fetched = await api().get(`/api/applicant/${applicant.id}`);
    expect(fetched.body.Experiences[0].End).to.equal(null);
    const [stored] = await storedExperiences();
    expect(stored?.end).to.equal(null);
  });

  it('stores a missing description as an empty one', async () => {
    const applicant = await insertApplicant();
    const withoutDescription: Record<string, string> = { ...NEW_EXPERIENCE };
    delete withoutDescription.Description;

    const response = await api().post(`/api/experience/${applicant.id}`).send(withoutDescription);

    expect(response.status).to.equal(201);
    const [stored] = await storedExperiences();
    expect(stored?.description).to.equal('');
  });

  it('accepts an End equal to Start', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, Start: '2000-09-01', End: 'September 1, 2000' });

    expect(response.status).to.equal(201);
  });

  it('rejects an End before Start and stores nothing', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, Start: '2000-09-02', End: '2000-09-01' });

    expect(response.status).to.equal(400);
    expect(response.body.errors).to.deep.equal([
      { field: 'End', message: 'End must not be before Start.' },
    ]);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('rejects an End before Start that comes first in the body', async () => {
    const applicant = await insertApplicant();
    const body = { End: '1999-12-31', Category: 'Work', Start: '2000-01-01', Institution: 'Acme' };

    const response = await api().post(`/api/experience/${applicant.id}`).send(body);

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['End']);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  const dateForms: [string, string][] = [
    ['2000-09-01', 'September 1, 2000'],
    ['2000-09-01T23:30:00-05:00', 'September 1, 2000'],
    ['2000-09-01T00:30:00+09:00', 'September 1, 2000'],
    ['2000-09-01T12:00:00.250Z', 'September 1, 2000'],
    ['September 1, 2000', 'September 1, 2000'],
    ['february 29, 2024', 'February 29, 2024'],
  ];

  for (const [input, output] of dateForms) {
    it(`reads the Start ${input} as ${output}`, async () => {
      const applicant = await insertApplicant();

      const response = await api()
        .post(`/api/experience/${applicant.id}`)
        .send({ ...NEW_EXPERIENCE, Start: input, End: null });

      expect(response.status).to.equal(201);
      const fetched = await api().get(`/api/applicant/${applicant.id}`);
      expect(fetched.body.Experiences[0].Start).to.equal(output);
    });
  }

  const invalidDates: [string, unknown][] = [
    ['an impossible day', '2021-02-30'],
    ['a bare number', 946684800000],
    ['a numeric string', '20000901'],
    ['an empty string', ''],
    ['an ambiguous slashed date', '02/03/2004'],
    ['a date-time without offset', '2000-09-01T10:00:00'],
    ['an object', { $date: '2000-09-01' }],
    ['null', null],
  ];

  for (const [name, start] of invalidDates) {
    it(`rejects ${name} as Start and stores nothing`, async () => {
      const applicant = await insertApplicant();

      const response = await api()
        .post(`/api/experience/${applicant.id}`)
        .send({ ...NEW_EXPERIENCE, Start: start });

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal(['Start']);
      expect(await ExperienceModel.countDocuments()).to.equal(0);
    });
  }

  it('rejects an invalid End naming End', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, End: '2004-13-01' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['End']);
  });

  for (const end of ['', 0, false, []]) {
    it(`rejects End ${JSON.stringify(end)} with one message`, async () => {
      const applicant = await insertApplicant();

      const response = await api()
        .post(`/api/experience/${applicant.id}`)
        .send({ ...NEW_EXPERIENCE, End: end });

      expect(response.status).to.equal(400);
      expect(fieldsOf(response)).to.deep.equal(['End']);
      expect(response.body.errors[0].message).not.to.include('before Start');
    });
  }

  it('rejects a missing Start, Category and Institution', async () => {
    const applicant = await insertApplicant();

    const response = await api().post(`/api/experience/${applicant.id}`).send({ End: null });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Category', 'Start', 'Institution']);
  });

  for (const category of ['Volunteering', '', 'Works', 7]) {
    it(`rejects the category ${JSON.stringify(category)}`, async () => {
      const applicant = await insertApplicant();

      const response = await api()
        .post(`/api/experience/${applicant.id}`)
        .send({ ...NEW_EXPERIENCE, Category: category });

      expect(response.status).to.equal(400);
      expect(response.body.errors).to.deep.equal([
        { field: 'Category', message: 'Category must be Education or Work.' },
      ]);
    });
  }

  it('normalizes the institution to NFC with single spaces', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, Institution: '  Cafe\u0301   de   Flore\t' });

    expect(response.status).to.equal(201);
    const [stored] = await storedExperiences();
    expect(stored?.institution).to.equal('Caf\u00e9 de Flore');
    expect(await ExperienceModel.countDocuments({ institution: 'Café de Flore' })).to.equal(1);
  });

  it('rejects a blank institution', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, Institution: ' \t ' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Institution']);
  });

  it('rejects a description over 2000 characters', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, Description: 'x'.repeat(2001) });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Description']);
  });

  it('answers 404 for an unknown applicant and stores nothing', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api().post(`/api/experience/${id}`).send(NEW_EXPERIENCE);

    expect(response.status).to.equal(404);
    expect(response.body.detail).to.equal(`No applicant has the id ${id}.`);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('answers 404 for a malformed applicant id', async () => {
    const response = await api().post('/api/experience/not-an-id').send(NEW_EXPERIENCE);

    expect(response.status).to.equal(404);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('accepts a body that names the same applicant', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, applicant_id: applicant.id });

    expect(response.status).to.equal(201);
  });

  it('rejects a body that names another applicant than the path', async () => {
    const applicant = await insertApplicant();
    const other = await insertApplicant('grace@example.com');

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .send({ ...NEW_EXPERIENCE, Applicant: other.id });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['Applicant']);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('rejects reserved, operator and unknown keys, naming each one', async () => {
    const applicant = await insertApplicant();
    const body = JSON.stringify(NEW_EXPERIENCE).replace(
      /}$/,
      ', "__proto__": {}, "constructor": 1, "$where": "1", "_id": "x", "Employer": "y"}',
    );

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .set('Content-Type', 'application/json')
      .send(body);

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal([
      '__proto__',
      'constructor',
      '$where',
      '_id',
      'Employer',
    ]);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(NEW_EXPERIENCE));

    expect(response.status).to.equal(415);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('rejects a body that is not an object with 400', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post(`/api/experience/${applicant.id}`)
      .set('Content-Type', 'application/json')
      .send('"Work"');

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['body']);
  });
});

describe('POST /api/experience', () => {
  beforeEach(clearDatabase);

  for (const key of ['Applicant', 'applicant', 'applicant_id', 'Applicant_id']) {
    it(`creates an experience for the applicant named by ${key}`, async () => {
      const applicant = await insertApplicant();

      const response = await api()
        .post('/api/experience/')
        .send({ ...NEW_EXPERIENCE, [key]: applicant.id });

      expect(response.status).to.equal(201);
      expect(response.text).to.equal('');
      expect(response.headers.location).to.equal(`/api/applicant/${applicant.id}/`);
      const [stored] = await storedExperiences();
      expect(stored?.applicant.toHexString()).to.equal(applicant.id);
    });
  }

  it('answers the same without the trailing slash', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post('/api/experience')
      .send({ ...NEW_EXPERIENCE, Applicant: applicant.id });

    expect(response.status).to.equal(201);
    expect(await ExperienceModel.countDocuments()).to.equal(1);
  });

  it('rejects a body without Applicant', async () => {
    const response = await api().post('/api/experience').send(NEW_EXPERIENCE);

    expect(response.status).to.equal(400);
    expect(response.body.errors).to.deep.equal([
      { field: 'Applicant', message: 'Applicant is required.' },
    ]);
  });

  it('rejects a malformed Applicant naming it', async () => {
    const response = await api()
      .post('/api/experience')
      .send({ ...NEW_EXPERIENCE, applicant: 'abc' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['applicant']);
  });

  it('answers 404 for an unknown applicant and stores nothing', async () => {
    const id = new Types.ObjectId().toHexString();

    const response = await api()
      .post('/api/experience')
      .send({ ...NEW_EXPERIENCE, Applicant: id });

    expect(response.status).to.equal(404);
    expect(response.body.detail).to.equal(`No applicant has the id ${id}.`);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });

  it('validates the fields like the form with the applicant in the path', async () => {
    const applicant = await insertApplicant();

    const response = await api()
      .post('/api/experience')
      .send({ ...NEW_EXPERIENCE, Applicant: applicant.id, Start: '2010-01-01', End: '2009-12-31' });

    expect(response.status).to.equal(400);
    expect(fieldsOf(response)).to.deep.equal(['End']);
    expect(await ExperienceModel.countDocuments()).to.equal(0);
  });
});

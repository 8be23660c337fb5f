import { expect } from 'chai';
import Joi from 'joi';
import mongoose from 'mongoose';

import { ConflictError, NotFoundError, ValidationError } from '../../src/lib/errors.js';
import { toProblemResponse } from '../../src/lib/http/problem.js';

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

function bodyParserError(status: number, type: string): Error {
  return Object.assign(new Error('raw parser message'), { status, type, expose: true });
}

describe('toProblemResponse', () => {
  it('keeps the field errors of a ValidationError', () => {
    const error = new ValidationError([{ field: 'Email', message: 'Email is invalid.' }]);

    const { problem } = toProblemResponse(error);

    expect(problem).to.deep.equal({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'The request contains invalid fields.',
      errors: [{ field: 'Email', message: 'Email is invalid.' }],
    });
  });

  it('maps typed HTTP errors to their status', () => {
    expect(toProblemResponse(new NotFoundError('No job has id x.')).problem.status).to.equal(404);
    expect(toProblemResponse(new ConflictError('Taken.')).problem.status).to.equal(409);
  });

  it('maps a joi error to 400 naming each path', () => {
    const { error } = Joi.object({ limit: Joi.number() }).validate({ limit: 'x' });

    const { problem } = toProblemResponse(error);

    expect(problem.status).to.equal(400);
    expect(problem.errors?.map((item) => item.field)).to.deep.equal(['limit']);
  });

  it('maps a Mongoose validation error to 400 naming each path', async () => {
    const Thing = mongoose.model(
      'ProblemTestThing',
      new mongoose.Schema({ name: { type: String, required: true } }),
    );
    const error: unknown = await new Thing({}).validate().catch((caught: unknown) => caught);

    const { problem } = toProblemResponse(error);

    expect(problem.status).to.equal(400);
    expect(problem.errors?.map((item) => item.field)).to.deep.equal(['name']);
    mongoose.deleteModel('ProblemTestThing');
  });

  it('maps a CastError on _id to 404 and elsewhere to 400', () => {
    const onId = new mongoose.Error.CastError('ObjectId', 'nope', '_id');
    const onField = new mongoose.Error.CastError('Date', 'nope', 'start');

    expect(toProblemResponse(onId).problem.status).to.equal(404);
    expect(toProblemResponse(onField).problem.status).to.equal(400);
  });

  it('maps a duplicate key to 409 without index or driver text', () => {
    const error = Object.assign(
      namedError(
        'MongoServerError',
        'E11000 duplicate key error collection: test.applicants index: job_1_email_1',
      ),
      { code: 11000 },
    );

    const { problem } = toProblemResponse(error);

    expect(problem.status).to.equal(409);
    expect(JSON.stringify(problem)).not.to.match(/E11000|applicants|job_1_email_1/);
  });

  it('maps an unreachable database to 503 with Retry-After', () => {
    const error = namedError('MongoServerSelectionError', 'connect ECONNREFUSED 127.0.0.1:27017');

    const { problem, headers } = toProblemResponse(error);

    expect(problem.status).to.equal(503);
    expect(headers).to.have.property('Retry-After');
    expect(problem.detail).not.to.include('ECONNREFUSED');
  });

  it('maps body parser failures to 400, 413 and 415', () => {
    expect(toProblemResponse(bodyParserError(400, 'entity.parse.failed')).problem.status).to.equal(
      400,
    );
    expect(toProblemResponse(bodyParserError(413, 'entity.too.large')).problem.status).to.equal(
      413,
    );
    expect(toProblemResponse(bodyParserError(415, 'encoding.unsupported')).problem.status).to.equal(
      415,
    );
    expect(
      toProblemResponse(bodyParserError(400, 'entity.parse.failed')).problem.detail,
    ).not.to.include('raw parser');
  });

  it('hides the cause of anything else behind a generic 500', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'secret')");

    const { problem } = toProblemResponse(error);

    expect(problem.status).to.equal(500);
    expect(problem.detail).not.to.include('secret');
    expect(problem).not.to.have.property('stack');
  });

  it('does not trust a foreign error that merely carries a status', () => {
    const error = Object.assign(new Error('internal detail'), { status: 400 });

    expect(toProblemResponse(error).problem.status).to.equal(500);
  });
});

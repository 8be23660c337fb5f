import { expect } from 'chai';
import fc from 'fast-check';
import { Types } from 'mongoose';

import { compareExperiences } from '../../src/experiences/experience.order.js';
import type { ExperienceRecord } from '../../src/experiences/experience.service.js';

function experience(
  id: number,
  start: string,
  end: string | null,
  createdAt = '2024-01-01',
): ExperienceRecord {
  return {
    _id: new Types.ObjectId(id.toString(16).padStart(24, '0')),
    applicant: new Types.ObjectId(),
    category: 'Work',
    start: new Date(start),
    end: end === null ? null : new Date(end),
    institution: 'Acme',
    description: '',
    createdAt: new Date(createdAt),
    updatedAt: new Date(createdAt),
  };
}

function order(experiences: ExperienceRecord[]): string[] {
  return [...experiences].sort(compareExperiences).map((item) => item._id.toHexString().slice(-2));
}

describe('compareExperiences', () => {
  it('sorts by start date first', () => {
    const later = experience(1, '2010-01-01', '2011-01-01');
    const earlier = experience(2, '2000-01-01', '2020-01-01');

    expect(order([later, earlier])).to.deep.equal(['02', '01']);
  });

  it('sorts equal starts by end date, with ongoing ones last', () => {
    const ongoing = experience(1, '2000-01-01', null);
    const longer = experience(2, '2000-01-01', '2005-01-01');
    const shorter = experience(3, '2000-01-01', '2001-01-01');

    expect(order([ongoing, longer, shorter])).to.deep.equal(['03', '02', '01']);
  });

  it('keeps equal dates in creation order, then id order', () => {
    const second = experience(1, '2000-01-01', null, '2024-01-02');
    const first = experience(2, '2000-01-01', null, '2024-01-01');
    const third = experience(3, '2000-01-01', null, '2024-01-02');

    expect(order([third, second, first])).to.deep.equal(['02', '01', '03']);
  });

  it('gives the same order whatever the input order', () => {
    const experiences = [
      experience(1, '2000-01-01', null),
      experience(2, '2000-01-01', '2000-01-01'),
      experience(3, '1999-05-01', null),
      experience(4, '2000-01-01', '2003-01-01'),
      experience(5, '2001-01-01', '2001-06-01'),
    ];
    const expected = order(experiences);

    fc.assert(
      fc.property(
        fc.shuffledSubarray(experiences, { minLength: experiences.length }),
        (shuffled) => {
          expect(order(shuffled)).to.deep.equal(expected);
        },
      ),
    );
  });
});

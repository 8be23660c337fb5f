import type { Types } from 'mongoose';

import { ApplicantModel } from '../applicants/applicant.model.js';
import { NotFoundError } from '../lib/errors.js';
import { ExperienceModel, type Experience } from './experience.model.js';
import { compareExperiences } from './experience.order.js';
import type { ExperienceFields } from './experience.schemas.js';

/** A stored experience as a plain object. */
export type ExperienceRecord = Experience & {
  _id: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * Inserts an experience of the applicant with this id. Throws NotFoundError when there is no
 * such applicant.
 */
export async function createExperience(
  applicantId: Types.ObjectId,
  fields: ExperienceFields,
): Promise<ExperienceRecord> {
  if (!(await ApplicantModel.exists({ _id: applicantId }))) {
    throw new NotFoundError(`No applicant has the id ${applicantId.toHexString()}.`);
  }

  const experience = await ExperienceModel.create({ ...fields, applicant: applicantId });
  return experience.toObject<ExperienceRecord>();
}

/**
 * Loads the experiences of several applicants in one query. Returns them by applicant id, each
 * list in the order of `compareExperiences`; an applicant without experiences has no entry.
 */
export async function findExperiencesByApplicant(
  applicantIds: Types.ObjectId[],
): Promise<Map<string, ExperienceRecord[]>> {
  const experiences = await ExperienceModel.find({ applicant: { $in: applicantIds } })
    .lean<ExperienceRecord[]>()
    .exec();

  const byApplicant = new Map<string, ExperienceRecord[]>();
  for (const experience of experiences.sort(compareExperiences)) {
    const key = experience.applicant.toHexString();
    const list = byApplicant.get(key);
    if (list) {
      list.push(experience);
    } else {
      byApplicant.set(key, [experience]);
    }
  }
  return byApplicant;
}

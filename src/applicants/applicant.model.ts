import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';

import { APPLICANT_STATUSES, DEFAULT_APPLICANT_STATUS } from './status.js';

export const APPLICANT_LIMITS = { name: 100, email: 254 } as const;

const applicantSchema = new Schema(
  {
    job: { type: Schema.Types.ObjectId, ref: 'Job', required: true },
    firstName: { type: String, required: true, trim: true, maxlength: APPLICANT_LIMITS.name },
    lastName: { type: String, required: true, trim: true, maxlength: APPLICANT_LIMITS.name },
    email: {
      type: String,
      required: true,
      trim: true,
      lowercase: true,
      maxlength: APPLICANT_LIMITS.email,
    },
    status: {
      type: String,
      required: true,
      enum: APPLICANT_STATUSES,
      default: DEFAULT_APPLICANT_STATUS,
    },
  },
  { collection: 'applicants', timestamps: true },
);

// Lists filter by job (and status); the unique pair also serves lookups by job alone.
applicantSchema.index({ job: 1, email: 1 }, { unique: true });
applicantSchema.index({ job: 1, status: 1 });

export type Applicant = InferSchemaType<typeof applicantSchema>;
export type ApplicantDocument = HydratedDocument<Applicant>;

export const ApplicantModel = model('Applicant', applicantSchema);

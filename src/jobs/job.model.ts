import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';

export const JOB_LIMITS = { title: 200, location: 200, description: 5000 } as const;

const jobSchema = new Schema(
  {
    title: { type: String, required: true, trim: true, maxlength: JOB_LIMITS.title },
    location: { type: String, required: true, trim: true, maxlength: JOB_LIMITS.location },
    description: { type: String, required: true, trim: true, maxlength: JOB_LIMITS.description },
  },
  { collection: 'jobs', timestamps: true },
);

export type Job = InferSchemaType<typeof jobSchema>;
export type JobDocument = HydratedDocument<Job>;

export const JobModel = model('Job', jobSchema);

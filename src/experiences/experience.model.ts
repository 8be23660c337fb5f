import { Schema, model, type InferSchemaType, type HydratedDocument } from 'mongoose';

import { EXPERIENCE_CATEGORIES } from './category.js';

export const EXPERIENCE_LIMITS = { institution: 200, description: 2000 } as const;

/** Trims, collapses inner whitespace and applies Unicode NFC, so spellings compare equal. */
export function normalizeInstitution(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

const experienceSchema = new Schema(
  {
    applicant: { type: Schema.Types.ObjectId, ref: 'Applicant', required: true, index: true },
    category: { type: String, required: true, enum: EXPERIENCE_CATEGORIES },
    start: { type: Date, required: true },
    // null means the experience is ongoing.
    end: { type: Date, default: null },
    institution: {
      type: String,
      required: true,
      set: (value: unknown) => (typeof value === 'string' ? normalizeInstitution(value) : value),
      maxlength: EXPERIENCE_LIMITS.institution,
    },
    description: {
      type: String,
      trim: true,
      default: '',
      maxlength: EXPERIENCE_LIMITS.description,
    },
  },
  { collection: 'experiences', timestamps: true },
);

experienceSchema.pre('validate', function rejectEndBeforeStart() {
  if (this.end && this.start && this.end < this.start) {
    this.invalidate('end', 'End must not be before Start.', this.end);
  }
});

export type Experience = InferSchemaType<typeof experienceSchema>;
export type ExperienceDocument = HydratedDocument<Experience>;

export const ExperienceModel = model('Experience', experienceSchema);

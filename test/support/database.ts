import mongoose from 'mongoose';

/** Deletes every document of every model, keeping collections and indexes. */
export async function clearDatabase(): Promise<void> {
  const models = mongoose.modelNames().map((name) => mongoose.model(name));
  await Promise.all(models.map((model) => model.deleteMany({})));
}

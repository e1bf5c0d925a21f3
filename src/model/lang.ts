// The languages tthc speaks: Vietnamese (the default) and English. A type of the model, so that every layer may take one.
export type { Lang } from '../messages/index.js';

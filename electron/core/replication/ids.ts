import { v7 as uuidv7 } from 'uuid';

/** Record ids are UUIDv7: generated offline at any office, globally unique, roughly time-ordered. */
export function newId(): string {
  return uuidv7();
}

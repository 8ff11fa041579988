import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../shared/contract/errors';
import { fieldProblemsText } from '../../../../renderer/features/logistics/field-problems';
import kk from '../../../../shared/i18n/kk.json';
import ru from '../../../../shared/i18n/ru.json';

const refusal = (fields: CallError['fields']) => new CallError({ code: 'validation', key: 'error.validation', fields });

describe('a refusal under an inline logistics form', () => {
  it('names each field with its problem in the reader’s language, not "correct the marked fields" (none is marked there)', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'kk', resources: { kk: { translation: kk }, ru: { translation: ru } } });
    const text = fieldProblemsText(i18n.t, refusal([{ path: 'seats', key: 'error.tooSmall', params: { limit: 1 } }, { path: 'name', key: 'error.required' }]));
    expect(text).toBe('Орын: Мән тым кіші: ең азы 1. Атауы (орыс.) / Атауы (қаз.): Міндетті өріс.');
    await i18n.changeLanguage('ru');
    expect(fieldProblemsText(i18n.t, refusal([{ path: 'quantity', key: 'error.required' }]))).toBe('Количество: Обязательное поле.');
  });

  it('leaves a refusal naming no field to its own message', () => {
    expect(fieldProblemsText(i18next.t, new CallError({ code: 'conflict', key: 'error.logistics.seatsFull' }))).toBeNull();
    expect(fieldProblemsText(i18next.t, new Error('boom'))).toBeNull();
  });
});

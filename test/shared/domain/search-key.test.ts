import { describe, expect, it } from 'vitest';
import { skeletonTokens, skeletonWord, transliterate } from '../../../shared/domain/search-key';

describe('forgiving search keys', () => {
  it('meets Cyrillic and Latin spellings of the same name', () => {
    expect(skeletonWord('Жұмабеков')).toBe(skeletonWord('Zhumabekov'));
    expect(skeletonWord('Жумабеков')).toBe(skeletonWord('Jumabekov'));
    expect(skeletonWord('Нұрсұлтан')).toBe(skeletonWord('нурсултан'));
    expect(skeletonWord('Нұрсұлтан')).toBe(skeletonWord('Nūrsūltan'));
    expect(skeletonWord('Әсел')).toBe(skeletonWord('Asel'));
    expect(skeletonWord('Қайрат')).toBe(skeletonWord('Qairat'));
    expect(skeletonWord('Шәріп')).toBe(skeletonWord('Şärıp'));
    expect(skeletonWord('Евгений')).toBe(skeletonWord('Yevgeniy'));
  });

  it('is a prefix of the full name when the query is a prefix', () => {
    expect(skeletonWord('Zhumabekov').startsWith(skeletonWord('zhumabek'))).toBe(true);
    expect(skeletonWord('Нұрсұлтанов').startsWith(skeletonWord('нурсул'))).toBe(true);
  });

  it('treats look-alike Latin letters typed on the wrong keyboard as the same word', () => {
    expect(skeletonWord('Иванoв')).toBe(skeletonWord('Иванов')); // Latin "o"
  });

  it('splits on punctuation and keeps digits', () => {
    expect(skeletonTokens('Смирнова-Ли, +7 701')).toEqual(['smirnova', 'li', '7', '701']);
  });

  it('transliterates for display, passport style', () => {
    expect(transliterate('Жұмабеков Нұрсұлтан')).toBe('Zhumabekov Nursultan');
  });
});

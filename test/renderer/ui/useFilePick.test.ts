import { describe, expect, it } from 'vitest';
import { pickFile, type FilePickOptions } from '../../../renderer/ui/useFilePick';

/** Records what the pick did, in order. */
function recorder(maxBytes: number) {
  const seen: string[] = [];
  const options: FilePickOptions = {
    maxBytes,
    onStart: () => seen.push('start'),
    onTooLarge: (file) => seen.push(`too large: ${file.name}`),
    onFile: async (file) => {
      seen.push(`file: ${file.name} (${(await file.text()).length} bytes)`);
    },
  };
  return { seen, options };
}

const input = (...files: File[]) => ({ files, value: 'C:\\fakepath\\chosen' });

describe('pickFile', () => {
  it('hands over a file within the limit and clears the input so the same file can be chosen again', async () => {
    const { seen, options } = recorder(4);
    const chosen = input(new File(['abcd'], 'list.csv'));
    await pickFile(chosen, options);
    expect(seen).toEqual(['start', 'file: list.csv (4 bytes)']);
    expect(chosen.value).toBe('');
  });

  it('refuses a file one byte over the limit without reading it', async () => {
    const { seen, options } = recorder(4);
    const chosen = input(new File(['abcde'], 'scan.pdf'));
    await pickFile(chosen, options);
    expect(seen).toEqual(['start', 'too large: scan.pdf']);
    expect(chosen.value).toBe('');
  });

  it('does nothing when the dialog was cancelled', async () => {
    const { seen, options } = recorder(4);
    const chosen = input();
    await pickFile(chosen, options);
    expect(seen).toEqual([]);
    expect(chosen.value).toBe('');
  });
});

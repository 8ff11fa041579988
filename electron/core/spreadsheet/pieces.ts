/** Text gathered into pieces of about a megabyte, turned into bytes as it goes (no giant string). */
export class Pieces {
  private readonly buffers: Buffer[] = [];
  private current = '';
  add(text: string): void {
    this.current += text;
    if (this.current.length > 1_000_000) this.flush();
  }
  private flush(): void {
    this.buffers.push(Buffer.from(this.current, 'utf8'));
    this.current = '';
  }
  bytes(): Uint8Array {
    this.flush();
    const out = Buffer.concat(this.buffers);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}

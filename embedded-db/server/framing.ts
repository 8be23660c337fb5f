/** Bytes in the header that starts every wire protocol message. */
export const HEADER_SIZE = 16;

/** Largest message accepted or sent, the value `hello` reports as `maxMessageSizeBytes`. */
export const MAX_MESSAGE_SIZE = 48_000_000;

/** A message that cannot be parsed, so the connection it came from can no longer be trusted. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

/** Splits a TCP byte stream into whole wire protocol messages. */
export class MessageFramer {
  #chunks: Buffer[] = [];
  #buffered = 0;

  /** Adds received bytes and returns every message they complete. */
  push(chunk: Buffer): Buffer[] {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;

    const messages: Buffer[] = [];
    let message = this.#shift();
    while (message) {
      messages.push(message);
      message = this.#shift();
    }
    return messages;
  }

  #shift(): Buffer | undefined {
    if (this.#buffered < 4) return undefined;

    const length = this.#peekLength();
    if (length < HEADER_SIZE || length > MAX_MESSAGE_SIZE) {
      throw new ProtocolError(`invalid message length ${length}`);
    }
    if (this.#buffered < length) return undefined;

    return this.#take(length);
  }

  #peekLength(): number {
    if (this.#chunks[0]!.length < 4) this.#merge();
    return this.#chunks[0]!.readInt32LE(0);
  }

  #take(length: number): Buffer {
    if (this.#chunks[0]!.length < length) this.#merge();

    const first = this.#chunks[0]!;
    const message = first.subarray(0, length);
    this.#buffered -= length;
    if (first.length === length) this.#chunks.shift();
    else this.#chunks[0] = first.subarray(length);
    return message;
  }

  #merge(): void {
    this.#chunks = [Buffer.concat(this.#chunks, this.#buffered)];
  }
}

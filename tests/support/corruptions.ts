import { createHash } from 'node:crypto';

const checksumOf = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/** Every kind of damage a stored file can suffer, each turning the valid bytes of a stored file into damaged ones. */
export const corruptions: Array<[name: string, damage: (valid: Buffer) => Buffer]> = [
  ['an empty (0-byte) file', () => Buffer.alloc(0)],
  ['a truncated file', (valid) => Buffer.from(valid.subarray(0, Math.floor(valid.length / 2)))],
  ['a NUL-filled file', (valid) => Buffer.alloc(valid.length, 0)],
  ['invalid JSON', () => Buffer.from('{"format":"ban-thao/article","data":{,,}', 'utf8')],
  [
    'valid JSON of the wrong schema (checksum matching)',
    (valid) => {
      const envelope = JSON.parse(valid.toString('utf8'));
      const data = 'not a document';
      return Buffer.from(JSON.stringify({ ...envelope, data, checksum: checksumOf(JSON.stringify(data)) }), 'utf8');
    },
  ],
  [
    'a bad checksum (data changed after writing)',
    (valid) => {
      const envelope = JSON.parse(valid.toString('utf8'));
      return Buffer.from(JSON.stringify({ ...envelope, data: { ...envelope.data, tampered: true } }), 'utf8');
    },
  ],
  [
    'invalid UTF-8',
    (valid) => {
      const at = valid.indexOf('"data":{"') + '"data":{"'.length;
      return Buffer.concat([valid.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), valid.subarray(at)]);
    },
  ],
];

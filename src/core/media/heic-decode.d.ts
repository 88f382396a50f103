// heic-decode ships no types. Only what heic.ts uses is declared.
declare module 'heic-decode' {
  interface DecodedHeic {
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, width * height * 4 bytes. */
    data: Uint8ClampedArray;
  }
  /** Decodes the first top-level image (libheif applies the file's irot/imir/clap). */
  function decode(input: { buffer: Uint8Array | ArrayBuffer }): Promise<DecodedHeic>;
  export default decode;
}

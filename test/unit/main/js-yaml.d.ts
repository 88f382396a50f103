// js-yaml is what electron-builder itself reads electron-builder.yml with (through
// app-builder-lib); it ships no types, and the config test needs only load().
declare module 'js-yaml' {
  export function load(text: string): unknown;
}

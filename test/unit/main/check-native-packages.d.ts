// Types of the electron-builder hook build/check-native-packages.mjs (plain JavaScript:
// electron-builder loads it as it is), for its test.
declare module '*/build/check-native-packages.mjs' {
  export function nativePackagesFor(platform: string, arch: string): string[];
  export function missingNativePackages(platform: string, arch: string, installed: Iterable<string>): string[];
  export function missingNativePackagesLine(platform: string, arch: string, missing: string[]): string | null;
  export default function beforePack(context: { electronPlatformName: string; arch: number; packager: { projectDir: string } }): Promise<void>;
}

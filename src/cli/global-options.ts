// Options every command accepts (declared once on the program).
export interface GlobalOptions {
  home?: string;
  provider?: string;
}

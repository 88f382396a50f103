// Screen geometry shared by the viewer's zoom (zoom.ts) and the Places map (place-map.ts).

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

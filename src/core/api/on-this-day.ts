// "On this day": the photos taken on today's month and day in earlier years, as the timeline
// shows them (a view of timeline-index.ts). Dates taken are the camera's clock read as UTC,
// so a photo taken at 23:30 on 3 December is on 3 December wherever it is viewed; photos
// without a date taken are left out (a file's time says when it was copied, not taken).

export interface SameDay {
  month: number;
  day: number;
  /** Only years before this one (today's photos are not a memory yet). */
  beforeYear: number;
  /** 28 February of a year without 29 February: that day's photos count too. */
  leapDay: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "2026-12-03" -> the day it names; an error naming the option for anything else. */
export function sameDayOf(date: string): SameDay {
  const m = DATE.exec(date);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!m || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`onThisDay must be a date as YYYY-MM-DD, got "${date}"`);
  }
  return { month, day, beforeYear: year, leapDay: month === 2 && day === 28 && !isLeapYear(year) };
}

/** Whether a date (wall-clock ms read as UTC) falls on the day in an earlier year. */
export function onSameDay(date: number, same: SameDay): boolean {
  const d = new Date(date);
  if (d.getUTCFullYear() >= same.beforeYear || d.getUTCMonth() + 1 !== same.month) return false;
  return d.getUTCDate() === same.day || (same.leapDay && d.getUTCDate() === 29);
}

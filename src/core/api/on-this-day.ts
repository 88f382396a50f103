// "On this day": the photos taken on today's month and day in earlier years, as the timeline
// shows them (a view of timeline-index.ts). Dates taken are the camera's clock read as UTC,
// so a photo taken at 23:30 on 3 December is on 3 December wherever it is viewed; photos
// without a date taken are left out (a file's time says when it was copied, not taken).
import { isCalendarDay } from '../../shared/calendar-day';
import { QueryError } from '../search/query-error';

export interface SameDay {
  month: number;
  day: number;
  /** Only years before this one (today's photos are not a memory yet). */
  beforeYear: number;
  /** 28 February of a year without 29 February: that day's photos count too. */
  leapDay: boolean;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** "2026-12-03" -> the day it names; for anything else a QueryError naming the option (the
 *  caller's mistake, not the library's: a front end tells it apart from a failure by its class). */
export function sameDayOf(date: string): SameDay {
  if (!isCalendarDay(date)) throw new QueryError(`onThisDay must be a date as YYYY-MM-DD, got "${date}"`);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { month, day, beforeYear: year, leapDay: month === 2 && day === 28 && !isLeapYear(year) };
}

/** Whether a date (wall-clock ms read as UTC) falls on the day in an earlier year. */
export function onSameDay(date: number, same: SameDay): boolean {
  const d = new Date(date);
  if (d.getUTCFullYear() >= same.beforeYear || d.getUTCMonth() + 1 !== same.month) return false;
  return d.getUTCDate() === same.day || (same.leapDay && d.getUTCDate() === 29);
}

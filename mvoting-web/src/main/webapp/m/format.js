// Dates, times and numbers in the chosen language (formatLocale), for every page of the citizen web. Every time is
// shown on the city's clock (cityTimeZone, MVOTING_TIME_ZONE), whatever the phone's own time zone: a poll closes at
// 18:00 in the city for a citizen abroad too, and the phone says what the portal and the SMS say.

import { cityTimeZone, formatLocale } from './texts.js';

/** The calendar year of an instant in the city. */
export function cityYear(date = new Date()) {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: cityTimeZone() }).format(date));
}

export function dateTime(iso) {
  const date = new Date(iso);
  const options = { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: cityTimeZone() };
  if (cityYear(date) !== cityYear()) {
    options.year = 'numeric';
  }
  return new Intl.DateTimeFormat(formatLocale(), options).format(date);
}

/** Date and time in a medium style (the summary check page), on the city's clock. */
export function dateTimeMedium(iso) {
  return new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: cityTimeZone() })
    .format(new Date(iso));
}

export function fromNow(iso) {
  const minutes = Math.round((Date.parse(iso) - Date.now()) / 60000);
  const format = new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'auto' });
  return Math.abs(minutes) < 60 ? format.format(minutes, 'minute') : format.format(Math.round(minutes / 60), 'hour');
}

export function number(value, fractionDigits = 0) {
  return new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: fractionDigits }).format(value);
}

/** A calendar day from the API (2026-11-03) in words; the year only when it is not this year. */
export function day(isoDate) {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate));
  if (!parts) {
    return String(isoDate);
  }
  const [year, month, date] = parts.slice(1).map(Number);
  const options = { month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' };
  if (year !== cityYear()) {
    options.year = 'numeric';
  }
  return new Intl.DateTimeFormat(formatLocale(), options).format(new Date(Date.UTC(year, month - 1, date)));
}

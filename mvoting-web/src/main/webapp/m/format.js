// Dates, times and numbers in the chosen language (formatLocale), for every page of the citizen web.

import { formatLocale } from './texts.js';

export function dateTime(iso) {
  const date = new Date(iso);
  const options = { month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit' };
  if (date.getFullYear() !== new Date().getFullYear()) {
    options.year = 'numeric';
  }
  return new Intl.DateTimeFormat(formatLocale(), options).format(date);
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
  if (year !== new Date().getFullYear()) {
    options.year = 'numeric';
  }
  return new Intl.DateTimeFormat(formatLocale(), options).format(new Date(Date.UTC(year, month - 1, date)));
}

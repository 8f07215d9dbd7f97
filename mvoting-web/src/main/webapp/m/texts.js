// The page's words come from GET /api/v1/texts/mobile (resource bundles mobile*.properties on the server).
// Markup names a text in a data-t attribute (element text) or data-t-label (aria-label); scripts call t with a
// literal key (MobileTextsTest checks every such key exists in both languages).

const LANG_KEY = 'mvoting.lang';
const TEXTS_URL = new URL('../api/v1/texts/mobile', import.meta.url);

let texts = {};

/** 'en' when the person chose English, else 'ko' (Korean first). */
export function lang() {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko'; // storage can be off (private mode): Korean, not a broken page
  }
}

export function setLang(value) {
  try {
    localStorage.setItem(LANG_KEY, value === 'en' ? 'en' : 'ko');
  } catch {
    // the choice then lasts for this page only
  }
}

/**
 * The city's time zone (an IANA name, MVOTING_TIME_ZONE), sent with the texts: every date on these pages is on the
 * city's clock, not the phone's.
 */
export function cityTimeZone() {
  return texts['city.timeZone'];
}

/** BCP 47 tag for dates and numbers. */
export function formatLocale() {
  return lang() === 'en' ? 'en-GB' : 'ko-KR';
}

/** Loads the texts in the given language and marks the document with it. */
export async function loadTexts(language = lang()) {
  const response = await fetch(TEXTS_URL, {
    headers: { Accept: 'application/json', 'Accept-Language': language },
    credentials: 'omit',
  });
  if (!response.ok) {
    throw new Error(`texts: HTTP ${response.status}`);
  }
  texts = await response.json();
  document.documentElement.lang = language;
}

/** The text for key with {0}, {1}, ... replaced by the arguments; the key itself when missing. */
export function t(key, ...args) {
  const pattern = texts[key];
  if (pattern === undefined) {
    console.warn('missing text', key);
    return key;
  }
  return pattern.replace(/\{(\d+)\}/g, (whole, i) => (args[i] === undefined ? whole : String(args[i])));
}

/** Fills every data-t / data-t-label under root. */
export function applyTexts(root = document) {
  root.querySelectorAll('[data-t]').forEach((el) => {
    el.textContent = t(el.dataset.t);
  });
  root.querySelectorAll('[data-t-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.tLabel));
  });
}

/**
 * Loads the texts and fills the markup. Without them (server unreachable) nothing can be said in the page's own
 * words, so it shows #boot-error, written in the page in both languages, and says false.
 */
export async function startTexts() {
  try {
    await loadTexts(lang());
  } catch (error) {
    console.error(error);
    document.getElementById('boot-error').hidden = false;
    return false;
  }
  applyTexts(document);
  return true;
}

/**
 * Switches to language and fills the markup again; false when it already was the language. Throws when the texts
 * could not be loaded, and the language stays as it was (the page is still all in it).
 */
export async function changeLanguage(language) {
  if (language === lang()) {
    return false;
  }
  const before = lang();
  setLang(language);
  try {
    await loadTexts(language);
  } catch (error) {
    setLang(before);
    throw error;
  }
  applyTexts(document);
  return true;
}

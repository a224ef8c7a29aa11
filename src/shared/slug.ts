// An id made from words people wrote: "Café & Wi-Fi!" -> "cafe-wi-fi". Accents are dropped
// (NFKD splits "é" into "e" and its accent, and the accent goes), so a label with accents keeps
// its letters rather than breaking into dashes; what is left outside a-z and 0-9 becomes one dash.
export function slugOf(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** The twelve fictional nations of the stress scenario (user-assigned ISO 3166 codes XA to XL). */
export interface Nation {
  /** Team id and prefix of every id the team owns. */
  id: string;
  code: string;
  en: string;
  ar: string;
  language: 'en' | 'ar' | 'fr';
  timeZone: string;
  /** 0 mature, 1 average, 2 weak: drives sensors, backups and patching. */
  tier: 0 | 1 | 2;
  /** Which campaign attacks it. */
  campaign: 'wiper' | 'ransom';
  color: string;
}

const RAW: [string, string, string, Nation['language'], string][] = [
  ['azuria', 'Azuria', 'أزوريا', 'en', 'Europe/Tallinn'],
  ['borealis', 'Borealis', 'بورياليس', 'en', 'Europe/Helsinki'],
  ['corvania', 'Corvania', 'كورفانيا', 'fr', 'Europe/Paris'],
  ['dunmere', 'Dunmere', 'دنمير', 'en', 'Europe/London'],
  ['elaris', 'Elaris', 'إلاريس', 'ar', 'Asia/Riyadh'],
  ['falkmoor', 'Falkmoor', 'فالكمور', 'en', 'Europe/Berlin'],
  ['galdoria', 'Galdoria', 'غالدوريا', 'ar', 'Asia/Dubai'],
  ['heliora', 'Heliora', 'هيليورا', 'ar', 'Africa/Cairo'],
  ['istrya', 'Istrya', 'إستريا', 'en', 'Europe/Athens'],
  ['jorvania', 'Jorvania', 'جورفانيا', 'ar', 'Asia/Amman'],
  ['kestria', 'Kestria', 'كستريا', 'fr', 'Africa/Casablanca'],
  ['lumeria', 'Lumeria', 'لوميريا', 'en', 'Europe/Warsaw'],
];
const COLORS = ['#2563eb', '#16a34a', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#65a30d', '#7c3aed', '#0d9488', '#ea580c', '#4f46e5', '#be123c'];

export const NATIONS: readonly Nation[] = RAW.map(([id, en, ar, language, timeZone], i) => ({
  id,
  en,
  ar,
  language,
  timeZone,
  code: `X${String.fromCharCode(65 + i)}`,
  tier: (i % 3) as 0 | 1 | 2,
  campaign: i < 6 ? 'wiper' : 'ransom',
  color: COLORS[i] as string,
}));

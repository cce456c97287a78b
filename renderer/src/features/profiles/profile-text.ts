/** Short phrases about a profile for the screens (the regulation's name, where it is cited). */
import { formatDate } from '../../../../shared/format/date';
import { findPack } from '../../../../shared/instrument';
import { mappedInstrumentIds, mappingOf, type Profile } from '../../../../shared/profiles';

/** "Peraturan Wali Kota Balikpapan Nomor 14 Tahun 2022" (unknown parts left out). */
export function regulationShortName(profile: Profile): string {
  const { kind, number, year } = profile.regulation;
  let out = `${kind ?? 'Peraturan Kepala Daerah'} ${profile.instansi.regionName}`;
  if (number !== null) out += ` Nomor ${number}`;
  if (year !== null) out += ` Tahun ${year}`;
  return out;
}

/** "ditetapkan 22 Agustus 2022" or what is not known. */
export function regulationDates(profile: Profile): string {
  const { dateSet, datePromulgated } = profile.regulation;
  const parts: string[] = [];
  parts.push(dateSet ? `ditetapkan ${formatDate(dateSet)}` : 'tanggal penetapan belum diketahui');
  if (datePromulgated) parts.push(`diundangkan ${formatDate(datePromulgated)}`);
  return parts.join(', ');
}

/**
 * "Pemetaan pasal: PermenPANRB 59/2020 (31 indikator), PermenPANRB 8/2026 (10 indikator)": the
 * instruments whose indicators the profile maps articles to, with how many it maps.
 */
export function mappingSummary(profile: Profile): string {
  const parts = mappedInstrumentIds(profile).map((id) => {
    const count = (mappingOf(profile, id) ?? []).filter((e) => e.articles.length > 0).length;
    return `${findPack(id)?.shortTitle ?? id} (${count} indikator)`;
  });
  return `Pemetaan pasal: ${parts.join(', ')}`;
}

/** The screen of an address the app does not have. */
import { Link } from 'react-router';
import { routes } from './routes';

export function NotFoundPage() {
  return (
    <section aria-labelledby="judul-404">
      <h1 id="judul-404">Halaman tidak ditemukan</h1>
      <p>Alamat yang dibuka tidak ada dalam aplikasi ini.</p>
      <Link to={routes.evaluations()}>Kembali ke halaman utama</Link>
    </section>
  );
}

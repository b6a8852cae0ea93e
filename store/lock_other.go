//go:build !unix

package store

// LockWriter is a no-op where flock(2) is missing: SQLite's own locking
// still keeps the file consistent, but two ingests may interleave.
func (s *Store) LockWriter(wait bool, waiting func()) (unlock func(), err error) {
	if s.b == postgresBackend {
		return s.lockPostgres(wait, waiting)
	}
	return func() {}, nil
}

//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// LockWriter takes the store's writer lock, so that one ingest writes at a
// time: SQLite would interleave two writers' batches safely, but two
// ingests of one source would then race to store the same documents, and
// progress and summaries would mislead. When another process holds the
// lock, waiting is called once (to say so) and LockWriter blocks until it
// is free; with wait false it returns an error at once instead. The lock
// is an flock(2) on the store file itself, which SQLite's own (fcntl)
// locks ignore; the kernel drops it when the process dies, kill -9 too.
func (s *Store) LockWriter(wait bool, waiting func()) (unlock func(), err error) {
	if s.b == postgresBackend {
		return s.lockPostgres(wait, waiting)
	}
	f, err := os.OpenFile(s.path, os.O_RDWR, 0)
	if err != nil {
		return nil, s.explain("locking", err)
	}
	fd := int(f.Fd())
	if err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			f.Close()
			return nil, s.explain("locking", err)
		}
		if !wait {
			f.Close()
			return nil, fmt.Errorf("store %s: another ingest is writing to it: wait for it to finish, or ingest into another store with --db", s.path)
		}
		if waiting != nil {
			waiting()
		}
		if err := syscall.Flock(fd, syscall.LOCK_EX); err != nil {
			f.Close()
			return nil, s.explain("locking", err)
		}
	}
	return func() {
		syscall.Flock(fd, syscall.LOCK_UN)
		f.Close()
	}, nil
}

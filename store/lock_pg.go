package store

import (
	"context"
	"fmt"
	"time"
)

// lockPostgres is LockWriter on PostgreSQL: a session advisory lock held
// on one connection of the pool until unlock. The server drops it when
// the connection closes, so a writer killed with kill -9 leaves no lock.
func (s *Store) lockPostgres(wait bool, waiting func()) (unlock func(), err error) {
	ctx := context.Background()
	c, err := s.db.Conn(ctx)
	if err != nil {
		return nil, s.explain("locking", err)
	}
	var got bool
	if err := c.QueryRowContext(ctx, "SELECT pg_try_advisory_lock("+pgLockKey+")").Scan(&got); err != nil {
		c.Close()
		return nil, s.explain("locking", err)
	}
	if !got {
		if !wait {
			c.Close()
			return nil, fmt.Errorf("store %s: another ingest is writing to it: wait for it to finish, or ingest into another store with --db", s.path)
		}
		if waiting != nil {
			waiting()
		}
		if _, err := c.ExecContext(ctx, "SELECT pg_advisory_lock("+pgLockKey+")"); err != nil {
			c.Close()
			return nil, s.explain("locking", err)
		}
	}
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		c.ExecContext(ctx, "SELECT pg_advisory_unlock("+pgLockKey+")")
		c.Close()
	}, nil
}

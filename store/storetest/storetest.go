// Package storetest gives tests a PostgreSQL database of their own, so
// that a store test runs on both backends. The server is named by the
// environment variable DOSSIER_TEST_PG (a postgres:// URL; .ci/run starts
// one and sets it); without it, or when the server does not answer, the
// test is skipped with a message, and the SQLite tests still run.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to make and drop schemas
)

// Env is the variable that names the test server.
const Env = "DOSSIER_TEST_PG"

// Postgres returns the URL of an empty PostgreSQL schema made for this
// test (dropped when it ends), or skips the test when no server is at
// hand.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(Env)
	if base == "" {
		t.Skipf("no PostgreSQL for this test: set %s=postgres://user:pass@host/db (.ci/run does)", Env)
	}
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Skipf("PostgreSQL at %s: %v", Env, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		t.Skipf("PostgreSQL named by %s does not answer (%v): skipping", Env, err)
	}
	var b [6]byte
	rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	if _, err := db.ExecContext(ctx, "CREATE SCHEMA "+schema); err != nil {
		db.Close()
		t.Fatalf("making a schema for the test: %v", err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA " + schema + " CASCADE")
		db.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", Env, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

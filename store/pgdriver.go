package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"regexp"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5/stdlib"
)

// The store's SQL, and that of the packages asking their own questions
// (query, link), is written with SQLite's "?" placeholders. PostgreSQL
// numbers them ($1, $2, ...). Rather than keep two copies of every
// statement, the PostgreSQL backend opens pgx through pgDriver, a thin
// database/sql driver that renumbers the placeholders of each statement
// and stores Go booleans as 0 and 1 (the schema's INTEGER flags, as SQLite
// stores them). Everything else is pgx's own driver, unchanged.

// pgDriverName is the database/sql driver name of the wrapper.
const pgDriverName = "dossier-pgx"

func init() { sql.Register(pgDriverName, pgDriver{}) }

type pgDriver struct{}

func (pgDriver) Open(dsn string) (driver.Conn, error) {
	c, err := stdlib.GetDefaultDriver().Open(dsn)
	if err != nil {
		return nil, err
	}
	return &pgConn{c.(*stdlib.Conn)}, nil
}

// pgConn is pgx's connection with its statements renumbered; every other
// method (transactions, ping, reset) is pgx's own.
type pgConn struct{ *stdlib.Conn }

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(rebind(query))
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, rebind(query))
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, rebind(query), args)
}

// CheckNamedValue stores booleans as integers (0, 1), then lets pgx
// check the value.
func (c *pgConn) CheckNamedValue(nv *driver.NamedValue) error {
	if b, ok := nv.Value.(bool); ok {
		nv.Value = int64(0)
		if b {
			nv.Value = int64(1)
		}
	}
	return c.Conn.CheckNamedValue(nv)
}

// sqliteOnly drops SQLite's index hints (INDEXED BY) and turns the two SQLite forms that other packages' own tables
// use (package link's) into PostgreSQL's: CREATE TABLE with SQLite's
// types (mapped as the common schema's are, pgTypes), and INSERT OR
// REPLACE, which becomes an upsert on the first column named (the key, in
// every such statement of the project).
func sqliteOnly(q string) string {
	if strings.Contains(q, "INDEXED BY") {
		// SQLite's index hint: PostgreSQL's planner chooses for itself
		q = indexedBy.ReplaceAllString(q, "")
	}
	t := strings.TrimSpace(q)
	switch {
	case strings.HasPrefix(t, "CREATE TABLE"):
		return commonFor("postgres", q)
	case strings.HasPrefix(t, "INSERT OR REPLACE INTO "):
		rest := strings.TrimPrefix(t, "INSERT OR REPLACE INTO ")
		open, close := strings.IndexByte(rest, '('), strings.IndexByte(rest, ')')
		if open < 0 || close < open {
			return q
		}
		cols := strings.Split(rest[open+1:close], ",")
		var set []string
		for _, c := range cols[1:] {
			c = strings.TrimSpace(c)
			set = append(set, c+" = EXCLUDED."+c)
		}
		up := " ON CONFLICT (" + strings.TrimSpace(cols[0]) + ") DO NOTHING"
		if len(set) > 0 {
			up = " ON CONFLICT (" + strings.TrimSpace(cols[0]) + ") DO UPDATE SET " + strings.Join(set, ", ")
		}
		return "INSERT INTO " + rest + up
	}
	return q
}

var indexedBy = regexp.MustCompile(`\s+INDEXED BY \w+`)

// rebind replaces each "?" placeholder with $1, $2, ... in order, leaving
// string literals ('...'), quoted identifiers ("...") and comments alone.
func rebind(q string) string {
	q = sqliteOnly(q)
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(q[i+1:], c)
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+2])
			i += j + 1
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				b.WriteString(q[i:])
				return b.String()
			}
			b.WriteString(q[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

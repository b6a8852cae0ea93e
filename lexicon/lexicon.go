// Package lexicon reads Dossier's language data: the embedded, readable
// files of cue verbs, titles, countries, organisations, PLOVER patterns and
// translation tells that each stage keeps beside its code. Every file has the
// same format (docs/DATA.md):
//
//	# a comment
//	field | field | field
//
// one entry a line, fields separated by "|" and trimmed of spaces; blank
// lines and lines starting with "#" are skipped. What the fields mean is
// said in a comment at the top of each file. Code holds the mechanisms; a
// user extends Dossier by editing these files.
package lexicon

import (
	"fmt"
	"strings"
)

// Entry is one line of a data file.
type Entry struct {
	Fields []string
	Line   int // 1-based line number, for error messages
}

// Field returns field i, or "" when the line has fewer fields.
func (e Entry) Field(i int) string {
	if i < len(e.Fields) {
		return e.Fields[i]
	}
	return ""
}

// Parse reads a data file. name is used in errors.
func Parse(name, data string) ([]Entry, error) {
	var out []Entry
	for i, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		parts := strings.Split(line, "|")
		for j := range parts {
			parts[j] = strings.TrimSpace(parts[j])
		}
		if parts[0] == "" {
			return nil, fmt.Errorf("%s:%d: the first field is empty", name, i+1)
		}
		out = append(out, Entry{Fields: parts, Line: i + 1})
	}
	return out, nil
}

// MustParse is Parse for embedded files, which are part of the program: an
// error there is a bug caught by the tests, so it panics.
func MustParse(name, data string) []Entry {
	e, err := Parse(name, data)
	if err != nil {
		panic(err)
	}
	return e
}

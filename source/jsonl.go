package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/pipeline"
)

// Line is one JSON Lines input record.
type Line struct {
	ID        *string `json:"id"`
	Text      *string `json:"text"`
	Published *string `json:"published"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
}

// ParseLine turns one JSON line into a document. name names the input for
// messages ("stdin", a path) and n is the line number.
func ParseLine(b []byte, name string, n int, o Options) (*doc.Document, string, error) {
	var l Line
	if err := json.Unmarshal(b, &l); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, "", fmt.Errorf("line is not valid JSON (%v at byte %d): each line must be one JSON object", se, se.Offset)
		}
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			// {"id": 42}: say which field, and how to write it
			return nil, "", fmt.Errorf(`"%s" is a JSON %s, but must be a string: write "%s": "42", not "%s": 42`, te.Field, te.Value, te.Field, te.Field)
		}
		return nil, "", fmt.Errorf("line is not a JSON object of the expected shape (%v): want {\"id\": \"...\", \"text\": \"...\"}", err)
	}
	id := ""
	if l.ID != nil {
		id = *l.ID
	}
	if l.ID == nil || id == "" {
		return nil, "", errors.New(`line has no "id": every line needs {"id": "...", "text": "..."}`)
	}
	if l.Text == nil {
		return nil, id, errors.New(`line has no "text": every line needs {"id": "...", "text": "..."}`)
	}
	text, warns, err := CleanText([]byte(*l.Text), o.maxBytes())
	if err != nil {
		return nil, id, err
	}
	if strings.ContainsRune(*l.Text, '\uFFFD') && len(warns) == 0 {
		// JSON decoding replaces invalid UTF-8 itself; say so, as for files.
		warns = append(warns, "the line held invalid UTF-8, replaced by U+FFFD when decoding JSON")
	}
	d := newDoc(id, fmt.Sprintf("%s:%d", name, n), text, warns, o)
	if l.Title != nil {
		d.Title = *l.Title
	}
	if l.URL != nil {
		d.URL = *l.URL
	}
	if o.Published == "" && l.Published != nil && *l.Published != "" {
		p, err := NormalizeDate(*l.Published)
		if err != nil {
			return nil, id, fmt.Errorf(`"published" %q is not an ISO 8601 date: write it as 2023-01-27 or 2023-01-27T15:04:05Z, or null`, *l.Published)
		}
		d.Published, d.PublishedFrom = p, "input"
	}
	return d, id, nil
}

// MaxBadLines is how many lines in a row ReadJSONL reports one by one
// before it gives up on an input: a file that is not JSON Lines at all
// (a 200 MB log named .jsonl) must not make a million error lines.
const MaxBadLines = 1000

// ReadJSONL reads JSON Lines from r and sends one item per line, in order.
// A line that cannot be read becomes an item with Err set; the rest go on.
// Only an error of the reader itself (an I/O error) is returned.
func ReadJSONL(r io.Reader, name string, o Options, out chan<- pipeline.Item) error {
	br := bufio.NewReaderSize(r, 1<<16)
	limit := o.maxBytes()*2 + 1024 // JSON escapes may double a text's size
	ids := o.ids
	if ids == nil {
		ids = map[string]string{}
	}
	bad := 0 // lines in a row that could not be read
	for n := 1; ; n++ {
		line, read, tooLong, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return fmt.Errorf("read failed: %w", err)
		}
		if err == io.EOF && read == 0 {
			return nil
		}
		src := fmt.Sprintf("%s:%d", name, n)
		switch {
		case tooLong:
			out <- pipeline.Item{Source: src, Err: fmt.Errorf("line is longer than %s: split the document or raise --max-bytes", size(limit))}
		case len(bytes.TrimSpace(line)) == 0:
			out <- pipeline.Item{Source: src, Err: errors.New("blank line: each line must be one JSON object")}
		default:
			d, id, perr := ParseLine(line, name, n, o)
			if perr == nil {
				bad = -1 // counted back to 0 below
				if first, ok := ids[id]; ok {
					d.Warn(fmt.Sprintf("duplicate id %q: %s has it too; ids should be unique in a batch", id, first))
					o.notify("%s: duplicate id %q (first at %s)", src, id, first)
				} else {
					ids[id] = src
				}
			}
			out <- pipeline.Item{Doc: d, Err: perr, Source: src, ID: id}
		}
		if bad++; bad >= MaxBadLines {
			return fmt.Errorf("stopped after %d lines in a row that could not be read (at line %d): is it JSON Lines? Each line must be one JSON object {\"id\": \"...\", \"text\": \"...\"}", bad, n)
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its line ending. A line longer than max is
// consumed and reported as too long, so one huge line cannot exhaust memory
// or stop the batch. At the end of input it returns io.EOF with the last
// (unterminated) line, if any; read counts the bytes consumed, so that a
// last line of white space alone still counts as a line.
func readLine(br *bufio.Reader, max int64) (line []byte, read int, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		read += len(chunk)
		if !tooLong {
			if int64(len(line)+len(chunk)) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		return line, read, tooLong, err
	}
}

package doc

import (
	"encoding/json"
	"io"
	"math"
)

// WriteJSON writes the document to w in the contract's encoding: compact
// when indent is "", else indented as json.MarshalIndent(d, "", indent)
// would write it, byte for byte. It encodes one element of a layer at a
// time, so it holds the largest element in memory, never the whole
// encoding (a 16 MB text of short sentences encodes to more than 500 MB).
// A value JSON cannot hold (a NaN) is reported before anything is written.
func (d *Document) WriteJSON(w io.Writer, indent string) error {
	if err := d.encodable(); err != nil {
		return err
	}
	e := &encoder{w: w}
	if indent != "" {
		e.w = &indenter{w: w, indent: indent}
	}
	head := e.marshal(d.jsonHead())
	e.write(head[:len(head)-1]) // the object stays open for the layers
	e.key("paragraphs")
	list(e, len(d.Paragraphs), func(i int) any { return d.Paragraphs[i] })
	e.key("sentences")
	list(e, len(d.Sentences), func(i int) any { return d.jsonSentence(i) })
	e.key("entities")
	e.str("[")
	for i := range d.Entities {
		if i > 0 {
			e.str(",")
		}
		d.writeEntity(e, &d.Entities[i])
	}
	e.str("]")
	e.key("quotes")
	list(e, len(d.Quotes), func(i int) any { return d.jsonQuote(&d.Quotes[i]) })
	e.key("timexes")
	list(e, len(d.Timexes), func(i int) any { return d.jsonTimex(&d.Timexes[i]) })
	e.key("quantities")
	list(e, len(d.Quantities), func(i int) any { return d.jsonQuantity(&d.Quantities[i]) })
	e.key("events")
	list(e, len(d.Events), func(i int) any { return d.jsonEvent(&d.Events[i]) })
	e.key("flags")
	list(e, len(d.Flags), func(i int) any { return d.jsonFlag(&d.Flags[i]) })
	if tail := e.marshal(d.jsonTail()); len(tail) > 2 {
		e.str(",")
		e.write(tail[1 : len(tail)-1])
	}
	e.str("}")
	return e.err
}

// writeEntity writes an entity with its mentions one by one: one actor
// may have hundreds of thousands of them in a long text.
func (d *Document) writeEntity(e *encoder, ent *Entity) {
	head := e.marshal(d.jsonEntity(ent))
	e.write(head[:len(head)-1])
	e.key("mentions")
	e.str("[")
	n := 0
	for _, mi := range ent.Mentions {
		if m, ok := d.jsonMention(mi); ok {
			if n > 0 {
				e.str(",")
			}
			e.value(m)
			n++
		}
	}
	e.str("]")
	if ent.Actor != "" {
		e.key("actor")
		e.value(ent.Actor)
	}
	e.str("}")
}

// list writes a JSON array of n values, made one at a time by at.
func list(e *encoder, n int, at func(int) any) {
	e.str("[")
	for i := 0; i < n; i++ {
		if i > 0 {
			e.str(",")
		}
		e.value(at(i))
	}
	e.str("]")
}

// encoder writes compact JSON to w, keeping the first error.
type encoder struct {
	w   io.Writer
	err error
}

func (e *encoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) str(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

// marshal encodes v as encoding/json does (HTML characters escaped), or
// returns "{}" with the error kept.
func (e *encoder) marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		if e.err == nil {
			e.err = err
		}
		return []byte("{}")
	}
	return b
}

func (e *encoder) value(v any) { e.write(e.marshal(v)) }

// key writes ,"name": after a field of an open object.
func (e *encoder) key(name string) {
	e.str(",")
	e.value(name)
	e.str(":")
}

// indenter indents the compact JSON written to it as json.Indent does
// (prefix ""), as it streams through: a line for each element, "{}" and
// "[]" kept on one line, a space after each colon.
type indenter struct {
	w          io.Writer
	indent     string
	depth      int
	needIndent bool // an object or array opened: indent before its first element
	inString   bool
	escaped    bool
	buf        []byte
}

func (x *indenter) Write(p []byte) (int, error) {
	b := x.buf[:0]
	for _, c := range p {
		if x.inString {
			b = append(b, c)
			switch {
			case x.escaped:
				x.escaped = false
			case c == '\\':
				x.escaped = true
			case c == '"':
				x.inString = false
			}
			continue
		}
		if x.needIndent && c != '}' && c != ']' {
			x.needIndent = false
			x.depth++
			b = x.newline(b)
		}
		switch c {
		case '"':
			x.inString = true
			b = append(b, c)
		case '{', '[':
			x.needIndent = true
			b = append(b, c)
		case ',':
			b = x.newline(append(b, c))
		case ':':
			b = append(b, c, ' ')
		case '}', ']':
			if x.needIndent {
				x.needIndent = false
			} else {
				x.depth--
				b = x.newline(b)
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	x.buf = b[:0]
	if _, err := x.w.Write(b); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (x *indenter) newline(b []byte) []byte {
	b = append(b, '\n')
	for i := 0; i < x.depth; i++ {
		b = append(b, x.indent...)
	}
	return b
}

// encodable reports the error encoding/json gives for a number JSON cannot
// hold (NaN, an infinity), so that WriteJSON fails before it writes.
func (d *Document) encodable() error {
	bad := 0.0
	check := func(f float64) bool {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			bad = f
			return true
		}
		return false
	}
	found := false
	for i := range d.Quotes {
		found = found || check(d.Quotes[i].Confidence)
	}
	for i := range d.Quantities {
		found = found || check(d.Quantities[i].Value)
	}
	for i := range d.Events {
		for _, p := range [...]*float64{d.Events[i].Dead, d.Events[i].Injured, d.Events[i].Size} {
			found = found || p != nil && check(*p)
		}
	}
	for i := range d.Sentences {
		found = found || check(float64(d.Sentences[i].Quality))
	}
	found = found || d.Quality != nil && check(d.Quality.Score)
	if !found {
		return nil
	}
	_, err := json.Marshal(bad)
	return err
}

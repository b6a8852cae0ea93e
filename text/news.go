package text

import (
	"embed"
	"strconv"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/lexicon"
)

// The news structure of a document: the dateline that opens a wire report's
// paragraph ("GENEVA —", "LAGOS, Nigeria (Reuters) --", "WASHINGTON, Jan. 27
// (Reuters) -"), found once here so that every stage reads the same one:
// timex dates the document from it, quotes keeps it out of content, actors
// reads its place as a place.

//go:embed data
var dataFS embed.FS

// months maps month names and abbreviations, lower case, to 1-12: the one
// month table of the program (text/data/months.txt; timex reads it too).
var months = func() map[string]int {
	const name = "data/months.txt"
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic("text: embedded data file missing: " + name)
	}
	m := map[string]int{}
	for _, e := range lexicon.MustParse("text/"+name, string(b)) {
		n, err := strconv.Atoi(e.Field(1))
		if err != nil || n < 1 || n > 12 {
			panic("text/" + name + ":" + strconv.Itoa(e.Line) + ": the second field must be a month number, 1 to 12")
		}
		m[e.Fields[0]] = n
	}
	return m
}()

// Months returns a copy of the month table: lower-case names and
// abbreviations ("sept.", "sept", "september") and their numbers.
func Months() map[string]int {
	out := make(map[string]int, len(months))
	for k, v := range months {
		out[k] = v
	}
	return out
}

// closed maps the closed-class words of English, lower case, to their class
// (text/data/closed.txt): the one table of function words.
var closed = func() map[string]string {
	const name = "data/closed.txt"
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic("text: embedded data file missing: " + name)
	}
	m := map[string]string{}
	for _, e := range lexicon.MustParse("text/"+name, string(b)) {
		m[e.Fields[0]] = e.Field(1)
	}
	return m
}()

// ClosedClass returns the class of a closed-class word given in lower case
// ("det", "pron", "prep", "conj", "aux", "adv"), or "" for any other word.
func ClosedClass(lower string) string { return closed[lower] }

// News fills the news structure of d: its datelines (d.Datelines) and
// which sentences are headlines (Sentence.Headline).
func News(d *doc.Document) {
	Datelines(d)
	for i := range d.Sentences {
		d.Sentences[i].Headline = headline(d, d.Sentences[i])
	}
}

// headline reports whether sentence s is written in capitals (seven words
// in ten, at least three words) or in title case: at least four words,
// three of them of four letters or more, and every word in lower case a
// closed-class word ("Talks on the Port Stall as Unions Walk Out").
func headline(d *doc.Document, s doc.Sentence) bool {
	words, allCaps, long, low := 0, 0, 0, 0
	for i := s.Tokens.First; i < s.Tokens.End; i++ {
		t := &d.Tokens[i]
		if t.Kind != doc.Word {
			continue
		}
		words++
		if t.Has(doc.FlagAllCaps) {
			allCaps++
		}
		if t.Len() >= 4 {
			long++
		}
		if !t.Has(doc.FlagCap) && closed[d.LowerOf(i)] == "" {
			low++
		}
	}
	if words >= 3 && allCaps*10 >= words*7 {
		return true
	}
	// no other word in lower case: allowing one measured worse on GUM
	// other (typed mentions F1 48.7 -> 48.1) and equal on PolNeAR train
	return words >= 4 && long >= 3 && low == 0
}

// Datelines fills d.Datelines from the token and paragraph layers: every
// paragraph that opens with a dateline. A dateline is a place in capitals
// or capitalised words with their commas ("LAGOS, Nigeria", "ST. LOUIS"),
// an optional date ("Jan. 27", "January 27, 2023") and an optional agency
// in brackets ("(Reuters)"), ended by a dash; a dated one may end with a
// colon or run into the agency's bracket. An undated place must start with
// a word in capitals: "Officials —" opens no dateline.
func Datelines(d *doc.Document) {
	d.Datelines = d.Datelines[:0]
	ti := 0
	for _, p := range d.Paragraphs {
		for ti < len(d.Tokens) && d.Tokens[ti].Start < p.Start {
			ti++
		}
		end := ti
		for end < len(d.Tokens) && d.Tokens[end].End <= p.End {
			end++
		}
		if dl, ok := datelineAt(d, ti, end); ok {
			d.Datelines = append(d.Datelines, dl)
		}
		ti = end
	}
}

// datelineAt reads a dateline at tokens [f, end) of one paragraph.
func datelineAt(d *doc.Document, f, end int) (doc.Dateline, bool) {
	toks := d.Tokens
	if f >= end || toks[f].Kind != doc.Word || !toks[f].Has(doc.FlagCap) {
		return doc.Dateline{}, false
	}
	allCaps := toks[f].Has(doc.FlagAllCaps)
	text := func(i int) string { return d.Text[toks[i].Start:toks[i].End] }
	dl := doc.Dateline{}
	for i := f; i < end && i < f+14; i++ {
		t := toks[i]
		s := text(i)
		if m, ok := months[lowerASCIIString(s)]; ok && i > f && t.Has(doc.FlagCap) && i+1 < end {
			// the date: Month Day [, Year], after a comma or a dash
			if prev := text(i - 1); prev != "," && !isDash(prev) {
				return doc.Dateline{}, false
			}
			day, err := strconv.Atoi(text(i + 1))
			if toks[i+1].Kind != doc.Number || err != nil || day < 1 || day > 31 {
				return doc.Dateline{}, false
			}
			k := i + 2
			dl.Year = 0
			if k+1 < end && text(k) == "," && toks[k+1].Kind == doc.Number && len(text(k+1)) == 4 {
				dl.Year, _ = strconv.Atoi(text(k + 1))
				k += 2
			}
			if k < end {
				switch s := text(k); {
				case s == "(" || s == ":" || isDash(s):
				default:
					return doc.Dateline{}, false
				}
			}
			dl.Date = doc.Span{Start: t.Start, End: toks[k-1].End}
			dl.Month, dl.Day = m, day
			dl.Body = agencyAndDash(d, k, end)
			dl.Span = doc.Span{Start: toks[f].Start, End: toks[max(dl.Body, k)-1].End}
			return dl, true
		}
		switch {
		case t.Kind == doc.Word && t.Has(doc.FlagCap):
		case s == "," || s == ".":
		case allCaps && (s == "(" || s == ")") && i > f:
		case allCaps && isDash(s) && i > f && i < f+8:
			dl.Body = i + 1
			dl.Span = doc.Span{Start: toks[f].Start, End: t.End}
			return dl, true
		default:
			return doc.Dateline{}, false
		}
	}
	return doc.Dateline{}, false
}

// agencyAndDash returns the token after a dated dateline's agency and dash
// ("(Reuters) -"), or k when they are not there.
func agencyAndDash(d *doc.Document, k, end int) int {
	text := func(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }
	i := k
	if i < end && text(i) == "(" {
		j := i + 1
		for j < end && j < i+5 && text(j) != ")" {
			j++
		}
		if j >= end || text(j) != ")" {
			return k
		}
		i = j + 1
	}
	if i < end && (isDash(text(i)) || text(i) == ":") {
		return i + 1
	}
	return k
}

func isDash(s string) bool { return s == "-" || s == "—" || s == "–" || s == "--" }

// lowerASCIIString lower-cases the ASCII letters of a short word.
func lowerASCIIString(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			lowerASCII(b)
			return string(b)
		}
	}
	return s
}

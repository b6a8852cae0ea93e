package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
)

// Sentences fills d.Sentences from the token, paragraph and quotation
// layers. A sentence ends at . ! ? or an ellipsis (with any closing marks and
// brackets after it) when the next token starts like a sentence, and always
// at the end of a paragraph. It does not end inside a quotation, so a quoted
// passage of several sentences stays with its attribution (“We object. We
// always have,” he said.); a quotation never runs past its paragraph (see
// PairQuotes), so neither does such a sentence. Titles (Mr.,
// Gen.) and initials never end a sentence; abbreviations that may (U.S.,
// Inc.) end one only before a word that typically starts a sentence.
func Sentences(d *doc.Document) {
	d.Sentences = d.Sentences[:0]
	if want := len(d.Text)/80 + 4; cap(d.Sentences) < want {
		d.Sentences = make([]doc.Sentence, 0, want)
	}
	toks := d.Tokens
	qi := 0 // first quotation that may still contain the current token
	ti := 0
	for pi, p := range d.Paragraphs {
		for ti < len(toks) && toks[ti].Start < p.Start {
			ti++
		}
		end := ti
		for end < len(toks) && toks[end].End <= p.End {
			end++
		}
		first := ti
		var br brackets
		work.Add(end - ti)
		for k := ti; k < end; k++ {
			// only punctuation and abbreviations can end a sentence: the
			// other tokens skip the call
			if t := &toks[k]; t.Kind != doc.Punct && (t.Kind != doc.Word || t.Flags&doc.FlagAbbrev == 0) || !endsSentence(d, k, end) {
				continue
			}
			// absorb closing quotation marks and brackets
			j := k + 1
			for j < end && closes(d, j) {
				j++
			}
			if j >= end {
				break
			}
			if !startsSentence(d, j) || br.inside(d, first, j-1, end) {
				continue
			}
			for qi < len(d.Quotations) && d.Quotations[qi].Content.End <= toks[j].Start {
				qi++
			}
			if insideQuotation(d, qi, toks[j].Start) {
				continue
			}
			appendSentence(d, pi, first, j)
			first = j
			k = j - 1
		}
		if first < end {
			appendSentence(d, pi, first, end)
		}
		ti = end
	}
}

// MaxSentenceTokens bounds a sentence: a run of more tokens without a
// sentence end (a page without punctuation, an unclosed quotation mark
// repeated, a table flattened into one line) is not a sentence a person
// wrote, and every stage's work on a sentence grows with its length. Such a
// run is cut into pieces of at most MaxSentenceTokens tokens, each ending at
// the best break in its second half: after ; or : first, then after a comma
// or a dash, then before a quotation mark; with no break at all, after
// MaxSentenceTokens tokens. The longest sentence of the gold corpora we
// score has 336 tokens (PolNeAR), so real sentences are never cut.
const MaxSentenceTokens = 400

// appendSentence adds the sentence of tokens [first, end) in paragraph pi,
// cut at MaxSentenceTokens (see there).
func appendSentence(d *doc.Document, pi, first, end int) {
	for end-first > MaxSentenceTokens {
		cut := bestBreak(d, first+MaxSentenceTokens/2, first+MaxSentenceTokens)
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[cut-1].End}, Para: pi, Tokens: doc.Range{First: first, End: cut}})
		first = cut
	}
	d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: d.Tokens[first].Start, End: d.Tokens[end-1].End}, Para: pi, Tokens: doc.Range{First: first, End: end}})
}

// bestBreak returns where to cut an over-long sentence between tokens lo
// and hi (the cut falls before the returned token, lo < cut <= hi): the
// last strong break, else the last weak one, else hi.
func bestBreak(d *doc.Document, lo, hi int) int {
	weak, quote := -1, -1
	for k := hi - 1; k >= lo; k-- {
		t := d.Tokens[k]
		switch t.Kind {
		case doc.Punct:
			switch d.Text[t.Start] {
			case ';', ':', '.', '!', '?':
				return k + 1
			case ',', '-':
				if weak < 0 {
					weak = k + 1
				}
			default:
				if weak < 0 && d.Text[t.Start:t.End] == "—" {
					weak = k + 1
				}
			}
		case doc.QuoteMark:
			if quote < 0 && k > lo {
				quote = k
			}
		}
	}
	switch {
	case weak > 0:
		return weak
	case quote > 0:
		return quote
	}
	return hi
}

func insideQuotation(d *doc.Document, qi, off int) bool {
	for ; qi < len(d.Quotations); qi++ {
		q := d.Quotations[qi]
		if q.Open.Start >= off {
			return false
		}
		if q.Content.Start <= off && off < q.Content.End {
			return true
		}
	}
	return false
}

// endsSentence reports whether token k may end a sentence.
func endsSentence(d *doc.Document, k, end int) bool {
	t := d.Tokens[k]
	s := d.Text
	switch t.Kind {
	case doc.Punct:
		c := s[t.Start]
		if c == '!' || c == '?' {
			return true
		}
		if c == '.' || s[t.Start:t.End] == "…" || len(s[t.Start:t.End]) >= 3 && c == '.' {
			return true
		}
		return false
	case doc.Word:
		if !t.Has(doc.FlagAbbrev) || k+1 >= end {
			return false
		}
		if t.Has(doc.FlagInitial) {
			return false
		}
		word := s[t.Start : t.End-1]
		switch abbrevs[word] {
		case abbrevTitle, abbrevNumber:
			return false
		}
		// U.S., Inc., Jan.: only before a typical sentence starter
		n := d.Tokens[k+1]
		return sentenceStarters[s[n.Start:n.End]]
	}
	return false
}

// closes reports whether token j closes something the sentence holds: a
// closing quotation mark or bracket.
func closes(d *doc.Document, j int) bool {
	t := d.Tokens[j]
	if t.Kind == doc.QuoteMark {
		role, ok := d.Marks[j]
		return ok && (role == doc.MarkClose || role == doc.MarkUnpaired && shapeOf(d.Text, t) == shapeClose)
	}
	if t.Kind == doc.Punct {
		switch d.Text[t.Start] {
		case ')', ']', '}':
			return true
		}
	}
	return false
}

// startsSentence reports whether token j can begin a sentence.
func startsSentence(d *doc.Document, j int) bool {
	t := d.Tokens[j]
	r, _ := utf8.DecodeRuneInString(d.Text[t.Start:])
	switch t.Kind {
	case doc.Word:
		return unicode.IsUpper(r) || unicode.IsTitle(r) || !unicode.IsLetter(r)
	case doc.Number:
		return true
	case doc.QuoteMark:
		return d.Marks[j] == doc.MarkOpen || d.Marks[j] == doc.MarkUnpaired
	case doc.Punct:
		return r == '(' || r == '[' || r == '—' || r == '-' || r == '•' || r == '*'
	case doc.Symbol:
		return true
	}
	return false
}

// brackets is the depth of the brackets opened in a would-be sentence so
// far, counted as the sentence grows: counting again from the sentence's
// start at each candidate end made a paragraph whose sentences cannot end
// (one quotation of a thousand sentences) quadratic.
type brackets struct {
	first, next, depth int // the depth over tokens [first, next)
}

// inside reports whether token k (the last of a would-be sentence
// starting at token first) lies inside a parenthesis opened in the
// sentence so far that closes a few tokens later: "(R-S.C.)", "(No. 5.)".
// A bracket left open never holds a sentence back.
func (b *brackets) inside(d *doc.Document, first, k, end int) bool {
	if b.first != first || b.next < first || b.next > k+1 {
		*b = brackets{first: first, next: first}
	}
	work.Add(k + 1 - b.next)
	for ; b.next <= k; b.next++ {
		if t := d.Tokens[b.next]; t.Kind == doc.Punct {
			switch d.Text[t.Start] {
			case '(', '[':
				b.depth++
			case ')', ']':
				b.depth = max(0, b.depth-1)
			}
		}
	}
	if b.depth == 0 {
		return false
	}
	for i := k + 1; i < end && i <= k+8; i++ {
		if t := d.Tokens[i]; t.Kind == doc.Punct && (d.Text[t.Start] == ')' || d.Text[t.Start] == ']') {
			return true
		}
	}
	return false
}

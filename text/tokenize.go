// Package text builds Dossier's text layer: tokens, paragraphs, quotation
// marks and sentences, all as byte spans into the document's immutable text.
// It is a hand-written scanner in the manner of go/scanner: one pass over
// the bytes, no regular expressions, no copies of the text. It knows news
// conventions: titles and abbreviations (Mr., Gen., U.S.), initials, numbers
// with separators (2,250; 1.5), hyphenated compounds (17,500-person,
// then-army), curly and straight quotation marks and apostrophes, ellipses,
// datelines, headlines and paragraph breaks.
package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// Analyze builds the text layer of d: paragraphs, tokens, quotation marks
// and sentences, and the lower-cased words with their vocabulary IDs. It
// replaces any earlier text layer.
func Analyze(d *doc.Document) {
	d.Paragraphs = Paragraphs(d.Text, d.Paragraphs[:0])
	d.Tokens = Tokenize(d.Text, d.Tokens[:0])
	PairQuotes(d)
	Sentences(d)
	Words(d)
	News(d)
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‹', '›', '‚', '‟', '″':
		return true
	}
	return false
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// ASCII character classes, so the common case never calls into the
// unicode tables: news text is mostly ASCII.
const (
	clsUpper uint8 = 1 << iota
	clsLower
	clsDigit
	clsSpace
	clsLetter = clsUpper | clsLower
	clsAlnum  = clsLetter | clsDigit
)

var ascii = func() (t [128]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = clsUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = clsLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = clsDigit
	}
	for _, c := range " \t\n\r\v\f" {
		t[c] = clsSpace
	}
	return
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && ascii[r]&clsAlnum != 0
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && ascii[r]&clsSpace != 0
	}
	return unicode.IsSpace(r)
}

// decode returns the rune at i and its width; past the end it returns 0, 0.
func decode(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Tokenize appends the tokens of s to toks and returns the extended slice.
func Tokenize(s string, toks []doc.Token) []doc.Token {
	// News runs at about one token per five bytes: one allocation of about
	// the right size beats a slice grown by doubling.
	if want := len(toks) + len(s)/5 + 16; cap(toks) < want {
		toks = append(make([]doc.Token, 0, want), toks...)
	}
	lineStart := true
	i := 0
	for i < len(s) {
		// ASCII spaces and letters, most of the text, skip the decoding
		// and the tests below (which would reach the same result).
		if c := s[i]; c < utf8.RuneSelf {
			if cls := ascii[c]; cls&clsSpace != 0 {
				if n := len(toks); n > 0 {
					toks[n-1].Flags |= doc.FlagSpaceAfter
				}
				if c == '\n' {
					lineStart = true
				}
				i++
				continue
			} else if cls&clsLetter != 0 {
				// A word of ASCII letters and digits that ends on ASCII
				// punctuation or space other than a period, hyphen or
				// apostrophe is all scanWord would find; others go to it.
				var t doc.Token
				if k, up, lo := asciiRun(s, i); k >= len(s) || s[k] < utf8.RuneSelf && s[k] != '.' && s[k] != '-' && s[k] != '\'' {
					t = doc.Token{Span: doc.Span{Start: i, End: k}, Kind: doc.Word}
					if cls&clsUpper != 0 {
						t.Flags |= doc.FlagCap
					}
					if up >= 2 && lo == 0 {
						t.Flags |= doc.FlagAllCaps
					}
				} else {
					t = scanWord(s, i)
				}
				if lineStart {
					t.Flags |= doc.FlagLineStart
					lineStart = false
				}
				toks = append(toks, t)
				i = t.End
				continue
			}
		}
		r, w := decode(s, i)
		if isSpace(r) {
			if n := len(toks); n > 0 {
				toks[n-1].Flags |= doc.FlagSpaceAfter
			}
			if r == '\n' {
				lineStart = true
			}
			i += w
			continue
		}
		var t doc.Token
		switch {
		case r < utf8.RuneSelf && ascii[r]&clsDigit != 0 || r >= utf8.RuneSelf && unicode.IsDigit(r):
			t = scanNumber(s, i)
		case isWordRune(r):
			t = scanWord(s, i)
		case isApostrophe(r) && precededByLetter(s, i) && possessiveAt(s, i+w):
			t = doc.Token{Span: doc.Span{Start: i, End: i + w + 1}, Kind: doc.Word}
		case isQuoteRune(r):
			t = doc.Token{Span: doc.Span{Start: i, End: i + w}, Kind: doc.QuoteMark}
			r2, w2 := decode(s, i+w)
			switch {
			case isApostrophe(r) && r2 < utf8.RuneSelf && ascii[r2]&clsDigit != 0 && !precededByLetter(s, i):
				// An apostrophe before a decade ('90s) belongs to the number.
				t = scanNumber(s, i+w)
				t.Start = i
			case (r == '\'' || r == '’' || r == '‘') && r2 == r:
				// Two single marks ('' ’’ ‘‘) stand for one double
				// quotation mark in some wire copy.
				t.End = i + w + w2
			}
		case r == '`' && i+1 < len(s) && s[i+1] == '`':
			t = doc.Token{Span: doc.Span{Start: i, End: i + 2}, Kind: doc.QuoteMark}
		case r == '.' || r == '…':
			t = scanDots(s, i)
		case r == '-' && len(s) > i+1 && s[i+1] == '-':
			j := i
			for j < len(s) && s[j] == '-' {
				j++
			}
			t = doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Punct}
		case unicode.IsPunct(r):
			t = doc.Token{Span: doc.Span{Start: i, End: i + w}, Kind: doc.Punct}
		default:
			t = doc.Token{Span: doc.Span{Start: i, End: i + w}, Kind: doc.Symbol}
		}
		if t.End <= t.Start { // never loop without progress, whatever the input
			t.End = i + max(w, 1)
		}
		if lineStart {
			t.Flags |= doc.FlagLineStart
			lineStart = false
		}
		toks = append(toks, t)
		i = t.End
	}
	return toks
}

// possessiveAt reports whether an "s" standing alone as a word follows at j.
func possessiveAt(s string, j int) bool {
	if j >= len(s) || (s[j] != 's' && s[j] != 'S') {
		return false
	}
	r, _ := decode(s, j+1)
	return !isWordRune(r)
}

func precededByLetter(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && unicode.IsLetter(r)
}

func scanDots(s string, i int) doc.Token {
	j := i
	for j < len(s) {
		r, w := decode(s, j)
		if r != '.' && r != '…' {
			break
		}
		j += w
	}
	return doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Punct}
}

// scanNumber scans digits with thousands separators and a decimal part. A
// number joined to letters (1990s, 3rd) or by a hyphen to a word
// (17,500-person) continues as a word.
func scanNumber(s string, i int) doc.Token {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case c >= '0' && c <= '9':
			j++
		case (c == ',' || c == '.') && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' && j > i:
			if c == ',' { // a thousands separator has exactly three digits after it
				k := j + 1
				for k < len(s) && s[k] >= '0' && s[k] <= '9' {
					k++
				}
				if k-j-1 != 3 {
					return doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Number}
				}
			}
			j++
		default:
			r, _ := decode(s, j)
			if isWordRune(r) || (isHyphen(r) && wordFollows(s, j)) {
				t := scanWord(s, j)
				t.Start = i
				return t
			}
			return doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Number}
		}
	}
	return doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Number}
}

// wordFollows reports whether the connector at j (a hyphen or apostrophe) is
// followed by a letter or digit, so that it joins two parts of one word.
func wordFollows(s string, j int) bool {
	_, w := decode(s, j)
	r, _ := decode(s, j+w)
	return isWordRune(r)
}

// scanWord scans a word starting at i: letters and digits joined by hyphens
// and inner apostrophes, with an abbreviation's final period when it has one.
// A possessive ’s is left for the next token, so that "Mali’s" gives "Mali".
func scanWord(s string, i int) doc.Token {
	j := i
	upper, lower, letters := 0, 0, 0
	first := true
	firstCap := false
	for j < len(s) {
		// A run of ASCII letters and digits, the bulk of news text.
		k, up, lo := asciiRun(s, j)
		if k > j {
			if first {
				firstCap = ascii[s[j]]&clsUpper != 0
				first = false
			}
			upper += up
			lower += lo
			letters += up + lo
			j = k
			if j >= len(s) {
				break
			}
		}
		if c := s[j]; c < utf8.RuneSelf && c != '-' && c != '\'' {
			break // ASCII, not a letter or digit, not a joining mark: the word ends
		}
		r, w := decode(s, j)
		switch {
		case isWordRune(r):
			if unicode.IsUpper(r) {
				upper++
				if first {
					firstCap = true
				}
			} else if unicode.IsLower(r) {
				lower++
			}
			if unicode.IsLetter(r) {
				letters++
			}
			first = false
			j += w
			continue
		case isHyphen(r) && wordFollows(s, j):
			j += w
			continue
		case isApostrophe(r) && wordFollows(s, j):
			// Possessive ’s and ’S end the word; the clitic becomes its own token.
			r2, w2 := decode(s, j+w)
			if (r2 == 's' || r2 == 'S') && !wordFollows(s, j+w) && j > i {
				r3, _ := decode(s, j+w+w2)
				if !isWordRune(r3) {
					break
				}
			}
			j += w
			continue
		}
		break
	}
	// A period between letters with no space after it joins a domain or a
	// stage name into one word: Breitbart.com, will.i.am. (U.S. and other
	// initialisms are recognised below.)
	if letters > 1 {
		for j+1 < len(s) && s[j] == '.' && s[j+1] >= 'a' && s[j+1] <= 'z' {
			k := j + 1
			for k < len(s) && s[k] < utf8.RuneSelf && ascii[s[k]]&clsAlnum != 0 {
				k++
			}
			j = k
		}
	}
	t := doc.Token{Span: doc.Span{Start: i, End: j}, Kind: doc.Word}
	if j == i { // a lone possessive clitic: ’s
		r, w := decode(s, i)
		if isApostrophe(r) {
			j = i + w
			r2, w2 := decode(s, j)
			if r2 == 's' || r2 == 'S' {
				j += w2
			}
			t.End = j
		}
	}
	if firstCap {
		t.Flags |= doc.FlagCap
	}
	if upper >= 2 && lower == 0 {
		t.Flags |= doc.FlagAllCaps
	}
	// Abbreviations: dotted initialisms (U.S., U.N., a.m.), single initials
	// (J.), and the entries of abbreviations.txt.
	if j < len(s) && s[j] == '.' {
		word := s[i:j]
		if end, ok := dotted(s, i); ok {
			t.End = end
			t.Flags |= doc.FlagAbbrev
		} else if letters == 1 && upper == 1 && j-i <= 2 {
			t.End = j + 1
			t.Flags |= doc.FlagAbbrev | doc.FlagInitial
		} else if c, ok := abbrevs[word]; ok {
			if c != abbrevNumber || digitFollows(s, j+1) {
				t.End = j + 1
				t.Flags |= doc.FlagAbbrev
			}
		}
	}
	return t
}

// asciiRun scans the ASCII letters and digits from j and counts the upper
// and lower case letters among them. It is a function of its own, not
// inlined, so that its loop keeps everything in registers; runCount adds
// both counts in one step (upper case in the low half, lower case in the
// high half).
//
//go:noinline
func asciiRun(s string, j int) (k, up, lo int) {
	var acc uint64
	for k = j; k < len(s); k++ {
		v := runCount[s[k]]
		if v == runStop {
			break
		}
		acc += v
	}
	return k, int(acc & 0xffffffff), int(acc >> 32)
}

// runCount is asciiRun's table: 1 for an upper-case letter, 1<<32 for a
// lower-case one, 0 for a digit, runStop for any other byte.
var runCount = func() (t [256]uint64) {
	for c := range t {
		t[c] = runStop
		if c < utf8.RuneSelf {
			switch cls := ascii[c]; {
			case cls&clsUpper != 0:
				t[c] = 1
			case cls&clsLower != 0:
				t[c] = 1 << 32
			case cls&clsDigit != 0:
				t[c] = 0
			}
		}
	}
	return
}()

const runStop = 1<<64 - 1

// dotted recognises initialisms written with periods: U.S., U.N., a.m., e.g.
// It returns the end of the initialism including its last period.
func dotted(s string, i int) (int, bool) {
	j, parts := i, 0
	for {
		r, w := decode(s, j)
		if !unicode.IsLetter(r) {
			break
		}
		r2, _ := decode(s, j+w)
		if r2 != '.' {
			break
		}
		j += w + 1
		parts++
		// the next part must be a single letter followed by a period
		r3, w3 := decode(s, j)
		if !unicode.IsLetter(r3) {
			break
		}
		if r4, _ := decode(s, j+w3); r4 != '.' {
			if parts >= 2 {
				break
			}
			return 0, false
		}
	}
	if parts >= 2 {
		return j, true
	}
	return 0, false
}

func digitFollows(s string, j int) bool {
	for j < len(s) && (s[j] == ' ' || s[j] == '\u00a0') {
		j++
	}
	return j < len(s) && s[j] >= '0' && s[j] <= '9'
}

package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
)

// Paragraphs appends the paragraphs of s to out. A blank line always ends a
// paragraph. A single line break ends one too, unless the text is
// hard-wrapped there: the line runs on without final punctuation and the
// next one starts in lower case. A headline (a line without final
// punctuation followed by a break) is a paragraph of its own. Leading and
// trailing white space is not part of a paragraph.
func Paragraphs(s string, out []doc.Span) []doc.Span {
	start := -1 // start of the current paragraph, -1 between paragraphs
	lineStart := 0
	for lineStart <= len(s) {
		end := len(s)
		if lineStart < len(s) {
			if k := strings.IndexByte(s[lineStart:], '\n'); k >= 0 {
				end = lineStart + k
			}
		}
		line := trimSpan(s, lineStart, end)
		if line.Start == line.End { // blank line
			if start >= 0 {
				out = append(out, trimSpan(s, start, lineStart))
				start = -1
			}
		} else {
			if start >= 0 && !wrapped(s, lineStart, line) {
				out = append(out, trimSpan(s, start, lineStart))
				start = -1
			}
			if start < 0 {
				start = line.Start
			}
		}
		lineStart = end + 1
	}
	if start >= 0 {
		if p := trimSpan(s, start, len(s)); p.End > p.Start {
			out = append(out, p)
		}
	}
	return out
}

// wrapped reports whether the line at line continues the previous line
// (which ends just before lineStart) as hard-wrapped prose.
func wrapped(s string, lineStart int, line doc.Span) bool {
	prev := trimSpan(s, 0, lineStart)
	if prev.End == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s[:prev.End])
	switch last {
	case '.', '!', '?', ':', '”', '"', '’', '\'', '…', ')':
		return false
	}
	first, _ := utf8.DecodeRuneInString(s[line.Start:])
	return unicode.IsLower(first)
}

func trimSpan(s string, a, b int) doc.Span {
	for a < b {
		r, w := utf8.DecodeRuneInString(s[a:b])
		if !isSpace(r) {
			break
		}
		a += w
	}
	for b > a {
		r, w := utf8.DecodeLastRuneInString(s[a:b])
		if !isSpace(r) {
			break
		}
		b -= w
	}
	return doc.Span{Start: a, End: b}
}
